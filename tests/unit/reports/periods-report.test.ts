import { describe, expect, it } from 'vitest';
import {
  comparablePeriods,
  computeReport,
  customPeriod,
  datasetFrom,
  DEFAULT_REPORT_SETTINGS,
  drillCustomers,
  monthKey,
  periodContaining,
  previousPeriod,
  shiftPeriod,
  toCsv,
  type ReportOptions,
} from '../../../shared/reports';
import { build, MARCH_2026, ms, RETENTION_FIXTURE } from './fixtures';

describe('periods', () => {
  it('a quarter in Jakarta time, and the one before', () => {
    const q = periodContaining('quarter', ms('2026-05-15T12:00:00Z'), 420);
    expect(new Date(q.start).toISOString()).toBe('2026-03-31T17:00:00.000Z');
    expect(new Date(q.end).toISOString()).toBe('2026-06-30T17:00:00.000Z');
    const prev = previousPeriod(q, 420);
    expect(new Date(prev.start).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(prev.end).toBe(q.start);
  });

  it('months of different lengths and years step by the calendar', () => {
    const feb = periodContaining('month', ms('2026-02-10T00:00:00Z'), 0);
    expect((feb.end - feb.start) / 86_400_000).toBe(28);
    const y = shiftPeriod(periodContaining('year', ms('2026-06-01T00:00:00Z'), 0), 1, 0);
    expect(new Date(y.start).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('a custom range is whole days and compares with the same length before it', () => {
    const p = customPeriod('2026-03-10', '2026-03-01', 0);
    expect(p).toEqual({
      kind: 'custom',
      start: ms('2026-03-01T00:00:00Z'),
      end: ms('2026-03-11T00:00:00Z'),
    });
    expect(previousPeriod(p, 0)).toEqual({
      kind: 'custom',
      start: ms('2026-02-19T00:00:00Z'),
      end: ms('2026-03-01T00:00:00Z'),
    });
  });
});

const options = (over: Partial<ReportOptions> = {}): ReportOptions => ({
  ...DEFAULT_REPORT_SETTINGS,
  period: MARCH_2026,
  compare: true,
  inactivityDays: 30,
  utcOffsetMinutes: 0,
  ...over,
});

describe('the whole report', () => {
  it('combines the period, the previous period and the trends', () => {
    const { dataset } = build(RETENTION_FIXTURE);
    const steps: number[] = [];
    const r = computeReport(dataset, options(), (f) => steps.push(f));
    expect(r.hasData).toBe(true);
    expect(r.current.retention.retentionRate).toBe(50);
    expect(r.current.orders.revenue).toBe(140_000);
    expect(r.previous?.orders.revenue).toBe(175_000);
    expect(r.trend).toHaveLength(12);
    expect(monthKey(r.trend.at(-1)!.month)).toBe('2026-03');
    expect(r.trend.at(-1)!.revenue).toBe(140_000);
    expect(r.rfm.scored).toBe(5);
    expect(r.top[0]).toMatchObject({ revenue: 60_000 });
    expect(steps.at(-1)).toBe(1);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('an empty book gives an empty, well-formed report', () => {
    const { dataset } = datasetFrom({});
    const r = computeReport(dataset, options());
    expect(r.hasData).toBe(false);
    expect(r.current.orders.aov).toBeNull();
    expect(r.current.feedback.nps.nps).toBeNull();
    expect(r.rfm.counts.every((c) => c === 0)).toBe(true);
    expect(r.top).toEqual([]);
  });

  it('drills from a segment, a month bar and the lost customers to customer numbers', () => {
    const { dataset, n } = build(RETENTION_FIXTURE);
    const o = options();
    const month = r0(computeReport(dataset, o).trend.at(-1)!.month);
    expect(drillCustomers(dataset, o, { kind: 'month', month })).toEqual(
      [n('a'), n('c'), n('d')].sort((x, y) => x - y),
    );
    expect(drillCustomers(dataset, o, { kind: 'lost' })).toEqual([n('b')]);
    const all = [
      'champions',
      'loyal',
      'potentialLoyalist',
      'new',
      'promising',
      'needAttention',
      'atRisk',
      'cantLoseThem',
      'hibernating',
      'lost',
    ] as const;
    const members = all.flatMap((segment) =>
      drillCustomers(dataset, o, { kind: 'segment', segment }),
    );
    expect(members.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

const r0 = (x: number) => x;

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['name', 'amount'],
        [
          ['Toko "Maju", Bali', 1500],
          ['=HYPERLINK("x")', -3],
          [null, '-5'],
        ],
      ),
    ).toBe('name,amount\r\n"Toko ""Maju"", Bali",1500\r\n"\'=HYPERLINK(""x"")",-3\r\n,-5\r\n');
  });
});

describe('summary CSV', () => {
  it('has one row per metric with this period and the previous', async () => {
    const { summaryCsv } = await import('../../../renderer/features/reports/summary-csv');
    const { dataset } = build(RETENTION_FIXTURE);
    const table = summaryCsv(computeReport(dataset, options()), ((k: string) => k) as never, {
      code: 'IDR',
      decimals: 0,
    });
    expect(table.header).toEqual([
      'reports.csv.metric',
      'reports.csv.current',
      'reports.csv.previous',
    ]);
    expect(table.rows[0]).toEqual(['reports.kpi.revenue', 140_000, 175_000]);
    expect(table.rows.find((r) => r[0] === 'reports.kpi.retention')).toEqual([
      'reports.kpi.retention',
      50,
      null,
    ]);
  });

  it('writes amounts in the currency major unit: cents never read as dollars (#18)', async () => {
    const { summaryCsv } = await import('../../../renderer/features/reports/summary-csv');
    const { dataset } = build(RETENTION_FIXTURE);
    const table = summaryCsv(computeReport(dataset, options()), ((k: string) => k) as never, {
      code: 'USD',
      decimals: 2,
    });
    // The same stored minor units as above, read as cents.
    expect(table.rows[0]).toEqual(['reports.kpi.revenue', 1_400, 1_750]);
    expect(table.rows.find((r) => r[0] === 'reports.kpi.orders')?.[1]).toBeGreaterThan(0);
  });
});

describe('a period still running (#19.13)', () => {
  const WIB = 420;
  const at = (iso: string) => ms(iso);
  const december = periodContaining('month', at('2026-12-03T14:40:00+07:00'), WIB);

  it('is cut to the end of today and compared with the same days of the previous month', () => {
    const p = comparablePeriods(december, at('2026-12-03T14:40:00+07:00'), WIB);
    expect(p.partial).toBe(true);
    expect(new Date(p.current.end).toISOString()).toBe('2026-12-03T17:00:00.000Z'); // 4 Dec 00:00 WIB
    expect(new Date(p.previous.start).toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(new Date(p.previous.end).toISOString()).toBe('2026-11-03T17:00:00.000Z'); // 4 Nov
  });

  it('never runs past the previous period, and a finished period is whole', () => {
    const march = periodContaining('month', at('2026-03-30T10:00:00Z'), 0);
    const p = comparablePeriods(march, at('2026-03-30T10:00:00Z'), 0);
    expect(p.previous.end).toBe(at('2026-03-01T00:00:00Z')); // all of February
    const done = comparablePeriods(march, at('2026-04-02T00:00:00Z'), 0);
    expect(done).toMatchObject({ partial: false, current: march });
    // The last day of the month: nothing is left to cut.
    expect(comparablePeriods(march, at('2026-03-31T12:00:00Z'), 0).partial).toBe(false);
  });

  it('the report compares month to date with the same days last month', () => {
    const { dataset } = datasetFrom({
      sales: [
        { customer: 'a', at: '2026-11-02T10:00:00+07:00', amount: 100_000 },
        { customer: 'b', at: '2026-11-20T10:00:00+07:00', amount: 900_000 },
        { customer: 'a', at: '2026-12-02T10:00:00+07:00', amount: 120_000 },
      ],
    });
    const o: ReportOptions = {
      ...DEFAULT_REPORT_SETTINGS,
      period: december,
      compare: true,
      utcOffsetMinutes: WIB,
      now: at('2026-12-03T14:40:00+07:00'),
    };
    const r = computeReport(dataset, o);
    expect(r.current.partial).toBe(true);
    expect(r.current.orders.revenue).toBe(120_000);
    expect(r.previous?.orders.revenue).toBe(100_000);
    expect(r.previous?.orders.buyers).toBe(1);
    // Without "now" (or for a finished month) whole months are compared.
    const whole = computeReport(dataset, { ...o, now: undefined });
    expect(whole.current.partial).toBe(false);
    expect(whole.previous?.orders.revenue).toBe(1_000_000);
  });
});
