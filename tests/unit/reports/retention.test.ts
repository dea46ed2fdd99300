import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPurchaseIndex,
  churnRate,
  computeRetention,
  datasetFrom,
  lostCustomers,
  retentionRate,
} from '../../../shared/reports';
import { build, MARCH_2026, RETENTION_FIXTURE } from './fixtures';

describe('retention and churn', () => {
  it('applies ((E - N) / S) x 100 and lost / S x 100', () => {
    expect(retentionRate(10, 9, 3)).toBe(60);
    expect(churnRate(4, 10)).toBe(40);
    expect(retentionRate(0, 5, 5)).toBeNull();
    expect(churnRate(0, 0)).toBeNull();
  });

  it('counts kept, lost, new and returning customers of a hand-made month', () => {
    const { dataset, n } = build(RETENTION_FIXTURE);
    const idx = buildPurchaseIndex(dataset.sales, dataset.customerCount);
    const r = computeRetention(idx, MARCH_2026, 30);
    expect(r).toEqual({
      atStart: 2,
      atEnd: 3,
      gained: 2,
      newCustomers: 1,
      returning: 1,
      lost: 1,
      retentionRate: 50,
      churnRate: 50,
    });
    expect(lostCustomers(idx, MARCH_2026, 30)).toEqual([n('b')]);
  });

  it('a longer inactivity window keeps customers longer', () => {
    const { dataset } = build(RETENTION_FIXTURE);
    const idx = buildPurchaseIndex(dataset.sales, dataset.customerCount);
    // 120 days: at the start a, b, d (Dec 1 is within 120 days of Mar 1) and e are active;
    // at the end a, b? (Feb 10 is 50 days before Apr 1: yes), c, d, e? (Jan 1: 90 days: yes).
    const r = computeRetention(idx, MARCH_2026, 120);
    expect(r.atStart).toBe(4);
    expect(r.atEnd).toBe(5);
    expect(r.lost).toBe(0);
    expect(r.newCustomers).toBe(1);
    expect(r.retentionRate).toBe(100);
    expect(r.churnRate).toBe(0);
  });

  it('new customers are every first purchase in the period, also one-time buyers early in it (#19.10)', () => {
    const year = { kind: 'year' as const, start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };
    const { dataset } = datasetFrom({
      sales: [
        // Bought once in February: new this year, though not active in its last 90 days.
        { customer: 'feb', at: '2026-02-03T10:00:00Z', amount: 1000 },
        { customer: 'nov', at: '2026-11-20T10:00:00Z', amount: 1000 },
        // First bought in 2025: returning, not new.
        { customer: 'old', at: '2025-05-01T10:00:00Z', amount: 1000 },
        { customer: 'old', at: '2026-12-01T10:00:00Z', amount: 1000 },
        // First purchase after the period: not new in it.
        { customer: 'next', at: '2027-01-02T10:00:00Z', amount: 1000 },
      ],
    });
    const r = computeRetention(buildPurchaseIndex(dataset.sales, dataset.customerCount), year, 90);
    expect(r.newCustomers).toBe(2);
    expect(r.returning).toBe(1);
    expect(r.gained).toBe(2);
  });

  it('new customers = customers whose first purchase is in the period, for any purchases', () => {
    const sale = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      day: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.array(sale, { maxLength: 40 }),
        fc.integer({ min: 1, max: 120 }),
        (rows, w) => {
          const at = (day: number) => Date.UTC(2026, 0, 1) + day * 86_400_000;
          const { dataset } = datasetFrom({
            sales: rows.map((s) => ({
              customer: s.customer,
              at: new Date(at(s.day)).toISOString(),
              amount: 1000,
            })),
          });
          const first = new Map<string, number>();
          for (const s of rows)
            first.set(s.customer, Math.min(first.get(s.customer) ?? Infinity, at(s.day)));
          const want = [...first.values()].filter(
            (t) => t >= MARCH_2026.start && t < MARCH_2026.end,
          ).length;
          const idx = buildPurchaseIndex(dataset.sales, dataset.customerCount);
          expect(computeRetention(idx, MARCH_2026, w).newCustomers).toBe(want);
        },
      ),
    );
  });

  it('an empty period has no rates, not zeros', () => {
    const { dataset } = datasetFrom({});
    const r = computeRetention(buildPurchaseIndex(dataset.sales, 0), MARCH_2026, 90);
    expect(r.atStart).toBe(0);
    expect(r.retentionRate).toBeNull();
    expect(r.churnRate).toBeNull();
  });

  it('a single customer who keeps buying is 100 % retained', () => {
    const { dataset } = datasetFrom({
      sales: [
        { customer: 'x', at: '2026-02-25T00:00:00Z', amount: 1 },
        { customer: 'x', at: '2026-03-25T00:00:00Z', amount: 1 },
      ],
    });
    const r = computeRetention(buildPurchaseIndex(dataset.sales, 1), MARCH_2026, 30);
    expect(r.retentionRate).toBe(100);
    expect(r.churnRate).toBe(0);
  });

  it('retention + churn = 100 and E - N = S - lost for any purchases', () => {
    const sale = fc.record({
      customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      day: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.array(sale, { maxLength: 40 }),
        fc.integer({ min: 1, max: 120 }),
        (rows, w) => {
          const { dataset } = datasetFrom({
            sales: rows.map((s) => ({
              customer: s.customer,
              at: new Date(Date.UTC(2026, 0, 1) + s.day * 86_400_000).toISOString(),
              amount: 1000,
            })),
          });
          const r = computeRetention(
            buildPurchaseIndex(dataset.sales, dataset.customerCount),
            MARCH_2026,
            w,
          );
          expect(r.atEnd - r.gained).toBe(r.atStart - r.lost);
          if (r.atStart > 0) expect(r.retentionRate! + r.churnRate!).toBeCloseTo(100, 9);
        },
      ),
    );
  });
});
