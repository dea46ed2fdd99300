/**
 * The shop-zone day functions (shared/dates.ts) against Intl as the oracle, in zones with and
 * without daylight saving (Berlin, New York, Lord Howe's half-hour shift, Sao Paulo's old
 * midnight changes, Chatham's +12:45), and the device-zone fallback against the process TZ.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonthsIn,
  calendarDateIn,
  dayAtIn,
  dayNumberIn,
  endOfDayIn,
  startOfDayIn,
} from '../../../shared/dates';

const ZONES = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'Pacific/Chatham',
  'UTC',
] as const;

const oracles = new Map<string, Intl.DateTimeFormat>();
/** "YYYY-MM-DD" of a moment in a zone, as Intl says. */
function oracleDate(ms: number, timeZone: string): string {
  let f = oracles.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    oracles.set(timeZone, f);
  }
  const p = f.formatToParts(new Date(ms));
  const get = (t: string) => p.find((x) => x.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 1990 to 2040, whole seconds; DST changes fall in this range in every zone above. */
const moment = fc.integer({ min: 631_152_000, max: 2_208_988_800 }).map((s) => s * 1000);
const zone = fc.constantFrom(...ZONES);
const calendarDay = fc.oneof(
  fc
    .integer({ min: 7305, max: 25567 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  // Days the clocks change on in the zones above.
  fc.constantFrom(
    '2018-11-04',
    '2018-02-18',
    '2026-03-29',
    '2026-10-25',
    '2026-03-08',
    '2026-11-01',
    '2026-10-04',
    '2026-04-05',
    '2026-09-27',
  ),
);

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('shop-zone days', () => {
  it('the day of a moment is the date Intl shows in that zone', () => {
    fc.assert(
      fc.property(moment, zone, (ms, z) => {
        expect(calendarDateIn(ms, z)).toBe(oracleDate(ms, z));
        expect(dayNumberIn(ms, z)).toBe(Date.parse(`${oracleDate(ms, z)}T00:00:00Z`) / 86_400_000);
      }),
      { numRuns: 3000 },
    );
  });

  it('a day starts at its first moment in the zone (even where clocks skip midnight)', () => {
    fc.assert(
      fc.property(calendarDay, zone, (day, z) => {
        const start = startOfDayIn(day, z)!;
        expect(oracleDate(start, z)).toBe(day);
        expect(oracleDate(start - 1000, z)).toBe(addCalendarDays(day, -1));
        // The day ends one millisecond before the next one starts.
        expect(endOfDayIn(start, z)).toBe(startOfDayIn(addCalendarDays(day, 1)!, z)! - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('a day whose midnight the clocks skip starts when they jump', () => {
    // Sao Paulo, 4 Nov 2018: 00:00 -03 became 01:00 -02 (03:00 UTC).
    expect(new Date(startOfDayIn('2018-11-04', 'America/Sao_Paulo')!).toISOString()).toBe(
      '2018-11-04T03:00:00.000Z',
    );
    // Sao Paulo, 18 Feb 2018: 00:00 -02 fell back to 23:00 -03 on the 17th; the 18th began
    // at the second midnight, 03:00 UTC.
    expect(new Date(startOfDayIn('2018-02-18', 'America/Sao_Paulo')!).toISOString()).toBe(
      '2018-02-18T03:00:00.000Z',
    );
    expect(new Date(startOfDayIn('2026-03-29', 'Europe/Berlin')!).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });

  it('months are added on the zone calendar, the day clamped to the month', () => {
    fc.assert(
      fc.property(moment, zone, fc.integer({ min: -24, max: 24 }), (ms, z, n) => {
        const [y, m, d] = oracleDate(ms, z).split('-').map(Number) as [number, number, number];
        const target = new Date(Date.UTC(y, m - 1 + n, 1));
        const last = new Date(
          Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
        ).getUTCDate();
        const want = `${target.toISOString().slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`;
        const got = addMonthsIn(ms, n, z);
        // The wall clock can land in a skipped hour: then the day is still the right one.
        expect(oracleDate(got, z)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('"tomorrow at 09:00" is 09:00 on the next day of the zone', () => {
    const f = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Makassar',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const at = dayAtIn(Date.parse('2026-04-01T23:30:00+07:00'), 1, 9, 'Asia/Makassar');
    expect(oracleDate(at, 'Asia/Makassar')).toBe('2026-04-03');
    expect(f.format(at)).toBe('09:00');
  });

  it("without a shop zone, days are the device's (as before the setting)", () => {
    for (const z of ['Asia/Jakarta', 'America/New_York', 'Europe/Berlin']) {
      process.env.TZ = z;
      fc.assert(
        fc.property(moment, (ms) => {
          expect(calendarDateIn(ms)).toBe(oracleDate(ms, z));
          expect(dayNumberIn(ms)).toBe(dayNumberIn(ms, z));
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(calendarDay, (day) => {
          expect(startOfDayIn(day)).toBe(startOfDayIn(day, z));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('without a zone, months stay UTC months (the loyalty rules never moved)', () => {
    expect(new Date(addMonthsIn(Date.UTC(2026, 0, 31, 22), 1)).toISOString()).toBe(
      '2026-02-28T22:00:00.000Z',
    );
    // The same moment is 1 Feb 06:00 in WITA: one month later is 1 Mar 06:00 there.
    expect(new Date(addMonthsIn(Date.UTC(2026, 0, 31, 22), 1, 'Asia/Makassar')).toISOString()).toBe(
      '2026-02-28T22:00:00.000Z',
    );
    expect(new Date(addMonthsIn(Date.UTC(2026, 2, 30, 22), 1, 'Asia/Makassar')).toISOString()).toBe(
      '2026-04-29T22:00:00.000Z',
    );
  });
});
