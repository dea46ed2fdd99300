import { describe, expect, it } from 'vitest';
import {
  customerTotals,
  customerValue,
  orderSummary,
  valueSummary,
  YEAR_MS,
} from '../../../shared/reports';
import { build, MARCH_2026, ms } from './fixtures';

describe('order value, frequency and customer value', () => {
  it('AOV = net revenue / orders and frequency = orders / buyers, refunds included', () => {
    const { dataset } = build({
      sales: [
        { customer: 'a', at: '2026-03-02T00:00:00Z', amount: 100_000 },
        { customer: 'a', at: '2026-03-05T00:00:00Z', amount: 50_000 },
        { customer: 'a', at: '2026-03-06T00:00:00Z', amount: 10_000, kind: 'refund' },
        { customer: 'b', at: '2026-03-07T00:00:00Z', amount: 200_000 },
        { customer: 'b', at: '2026-03-08T00:00:00Z', amount: 200_000, kind: 'cancel' },
        { customer: 'c', at: '2026-03-09T00:00:00Z', amount: 60_000 },
        { customer: 'c', at: '2026-04-01T00:00:00Z', amount: 999_000 }, // after the period
      ],
    });
    const s = orderSummary(dataset.sales, dataset.customerCount, MARCH_2026);
    // 150k - 10k + 200k - 200k + 60k = 200k over 2 + 1 - 1 + 1 = 3 orders by 3 buyers.
    expect(s.revenue).toBe(200_000);
    expect(s.orders).toBe(3);
    expect(s.buyers).toBe(3);
    expect(s.aov).toBeCloseTo(66_666.667, 2);
    expect(s.frequency).toBe(1);
  });

  it('an empty period has no AOV or frequency', () => {
    const { dataset } = build({});
    expect(orderSummary(dataset.sales, 0, MARCH_2026)).toEqual({
      revenue: 0,
      orders: 0,
      buyers: 0,
      aov: null,
      frequency: null,
    });
  });

  it('CLV = AOV x frequency x lifespan, per customer and on average', () => {
    expect(customerValue(100_000, 2, 3)).toBe(600_000);
    const asOf = ms('2026-03-01T00:00:00Z');
    const iso = (t: number) => new Date(t).toISOString();
    const first = asOf - 2 * YEAR_MS;
    const { dataset, n } = build({
      sales: [
        // a: 4 orders, 400k over exactly 2 years: AOV 100k, 2 a year, CLV 600k.
        { customer: 'a', at: iso(first), amount: 100_000 },
        { customer: 'a', at: iso(first + YEAR_MS / 2), amount: 100_000 },
        { customer: 'a', at: iso(first + YEAR_MS), amount: 100_000 },
        { customer: 'a', at: iso(asOf - 1000), amount: 100_000 },
        // b: one order a month ago; younger than a year counts as one year: CLV 50k x 1 x 3.
        { customer: 'b', at: '2026-02-01T00:00:00Z', amount: 50_000 },
      ],
    });
    const v = valueSummary(customerTotals(dataset.sales, 2, -Infinity, asOf), asOf, 3);
    expect(v.clv[n('a')]).toBeCloseTo(600_000, 6);
    expect(v.clv[n('b')]).toBeCloseTo(150_000, 6);
    expect(v.customers).toBe(2);
    expect(v.averageAov).toBe(75_000);
    expect(v.averageFrequency).toBeCloseTo(1.5, 9);
    expect(v.averageClv).toBeCloseTo(375_000, 6);
  });

  it('a customer whose only purchase was refunded in full has no value', () => {
    const { dataset } = build({
      sales: [
        { customer: 'a', at: '2026-02-01T00:00:00Z', amount: 50_000 },
        { customer: 'a', at: '2026-02-02T00:00:00Z', amount: 50_000, kind: 'cancel' },
      ],
    });
    const v = valueSummary(
      customerTotals(dataset.sales, 1, -Infinity, MARCH_2026.end),
      MARCH_2026.end,
      3,
    );
    expect(v.customers).toBe(0);
    expect(v.averageClv).toBeNull();
  });
});
