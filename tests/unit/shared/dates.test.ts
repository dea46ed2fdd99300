import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatDayMonth,
  isCalendarDate,
  localCalendarDate,
  parseCalendarDate,
} from '../../../shared/dates';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

/** Far east and far west of UTC: a day shift would show in one of them. */
const ZONES = [
  // Far west first: the module caches formatters, and a day shift shows west of UTC.
  'Pacific/Pago_Pago',
  'America/Los_Angeles',
  'UTC',
  'Asia/Jakarta',
  'Pacific/Kiritimati',
];

describe('parseCalendarDate', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
  ])('rejects the impossible date %s', (s) => {
    expect(parseCalendarDate(s)).toBeNull();
    expect(isCalendarDate(s)).toBe(false);
  });

  it.each([
    '2026-1-1',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
    'today',
  ])('rejects the malformed %j', (s) => {
    expect(parseCalendarDate(s)).toBeNull();
  });

  it.each(['2024-02-29', '2000-02-29', '1990-08-17', '2026-12-31'])(
    'accepts %s at UTC midnight',
    (s) => {
      const d = parseCalendarDate(s);
      expect(d).not.toBeNull();
      expect(d!.toISOString()).toBe(`${s}T00:00:00.000Z`);
      expect(isCalendarDate(s)).toBe(true);
    },
  );
});

describe('formatCalendarDate', () => {
  it.each(ZONES)('does not shift the day in time zone %s', (tz) => {
    process.env.TZ = tz;
    const id = formatCalendarDate('1990-08-17', 'id-ID');
    const en = formatCalendarDate('1990-08-17', 'en-ID');
    for (const s of [id, en]) {
      expect(s).toMatch(/(^|\D)17(\D|$)/);
      expect(s).toContain('1990');
    }
    expect(id).toMatch(/Agu/);
    expect(en).toMatch(/Aug/);
    // First and last day of a year are where a shift would change the year too.
    expect(formatCalendarDate('2026-01-01', 'en-ID')).toMatch(/(^|\D)1(\D|$)/);
    expect(formatCalendarDate('2026-01-01', 'en-ID')).toContain('2026');
    expect(formatCalendarDate('2025-12-31', 'en-ID')).toContain('31');
    expect(formatCalendarDate('2025-12-31', 'en-ID')).toContain('2025');
  });

  it('gives back what it cannot parse instead of a wrong date', () => {
    expect(formatCalendarDate('2026-02-30', 'id-ID')).toBe('2026-02-30');
    expect(formatCalendarDate('', 'id-ID')).toBe('');
  });
});

describe('formatDayMonth', () => {
  it.each(ZONES)('shows a birthday without its year and without a day shift (%s)', (tz) => {
    process.env.TZ = tz;
    const id = formatDayMonth('1990-08-17', 'id-ID');
    const en = formatDayMonth('1990-08-17', 'en-ID');
    expect(id).toMatch(/(^|\D)17(\D|$)/);
    expect(id).toMatch(/Agustus/);
    expect(en).toMatch(/(^|\D)17(\D|$)/);
    expect(en).toMatch(/August/);
    expect(id).not.toContain('1990');
    expect(en).not.toContain('1990');
  });

  it('gives back what it cannot parse', () => {
    expect(formatDayMonth('nope', 'en-ID')).toBe('nope');
  });
});

describe('formatDateTime', () => {
  it('shows a moment in the device time zone', () => {
    process.env.TZ = 'Asia/Jakarta';
    // 18:05 UTC is 01:05 the next day in Jakarta (UTC+7).
    const s = formatDateTime('2026-11-23T18:05:00.000Z', 'en-ID');
    expect(s).toContain('24');
    expect(s).toMatch(/0?1[.:]05/);
  });

  it('gives back what it cannot parse', () => {
    expect(formatDateTime('not a date', 'id-ID')).toBe('not a date');
  });
});

describe('localCalendarDate', () => {
  it('is the calendar date in the device time zone, not in UTC', () => {
    const moment = new Date('2026-11-23T18:00:00.000Z');
    process.env.TZ = 'Asia/Jakarta';
    expect(localCalendarDate(moment)).toBe('2026-11-24');
    process.env.TZ = 'America/Los_Angeles';
    expect(localCalendarDate(moment)).toBe('2026-11-23');
    process.env.TZ = 'UTC';
    expect(localCalendarDate(moment)).toBe('2026-11-23');
  });

  it('pads month and day and is a valid calendar date', () => {
    process.env.TZ = 'Asia/Jakarta';
    const d = localCalendarDate(new Date(2026, 0, 5, 12));
    expect(d).toBe('2026-01-05');
    expect(isCalendarDate(d)).toBe(true);
  });
});
