import { describe, expect, it } from 'vitest';
import {
  buyersBetween,
  complaintSummary,
  customerTotals,
  ledgerBalances,
  parseMonthKey,
  pointsLiability,
  revenueByMonth,
  topCustomers,
} from '../../../shared/reports';
import { build, MARCH_2026, ms } from './fixtures';

describe('revenue by month and top customers', () => {
  const { dataset, n } = build({
    sales: [
      { customer: 'a', at: '2026-01-05T00:00:00Z', amount: 100_000 },
      { customer: 'a', at: '2026-01-06T00:00:00Z', amount: 40_000 },
      { customer: 'b', at: '2026-01-07T00:00:00Z', amount: 60_000 },
      { customer: 'b', at: '2026-02-01T00:00:00Z', amount: 60_000, kind: 'cancel' },
      { customer: 'c', at: '2026-03-01T00:00:00Z', amount: 80_000 },
      { customer: 'c', at: '2026-03-02T00:00:00Z', amount: 5_000, kind: 'refund' },
    ],
  });

  it('nets refunds in the month they happen', () => {
    const months = revenueByMonth(
      dataset.sales,
      parseMonthKey('2026-01'),
      parseMonthKey('2026-03'),
      0,
    );
    expect(months.map((m) => [m.revenue, m.orders, m.buyers])).toEqual([
      [200_000, 3, 2],
      [-60_000, -1, 0],
      [75_000, 1, 1],
    ]);
  });

  it('lists who bought in a month (the drill-down of a bar)', () => {
    expect(
      buyersBetween(dataset.sales, ms('2026-01-01T00:00:00Z'), ms('2026-02-01T00:00:00Z')),
    ).toEqual([n('a'), n('b')].sort((x, y) => x - y));
  });

  it('ranks customers by net revenue', () => {
    const t = customerTotals(dataset.sales, dataset.customerCount, -Infinity, Infinity);
    expect(topCustomers(t, 2).map((r) => [r.customer, r.revenue, r.orders])).toEqual([
      [n('a'), 140_000, 2],
      [n('c'), 75_000, 1],
    ]);
  });
});

describe('points liability', () => {
  it('= sum of positive balances x point value; overdrafts are counted, not subtracted', () => {
    expect(pointsLiability([100, -20, 0, 50], 10)).toEqual({
      holders: 2,
      points: 150,
      value: 1500,
      overdrafts: 1,
    });
    expect(pointsLiability([], 10).value).toBe(0);
  });

  it('balances sum the raw ledger up to a moment', () => {
    const { dataset, n } = build({
      ledger: [
        { customer: 'a', at: '2026-01-01T00:00:00Z', points: 100 },
        { customer: 'a', at: '2026-02-01T00:00:00Z', points: -30 },
        { customer: 'b', at: '2026-02-01T00:00:00Z', points: 10 },
        { customer: 'b', at: '2026-05-01T00:00:00Z', points: 500 },
      ],
    });
    const b = ledgerBalances(dataset.ledger, 2, MARCH_2026.end);
    expect(b[n('a')]).toBe(70);
    expect(b[n('b')]).toBe(10);
  });
});

describe('complaints', () => {
  it('count opened, resolved and still open, and the mean hours to resolve', () => {
    const { dataset } = build({
      complaints: [
        { customer: 'a', at: '2026-03-01T10:00:00Z', resolvedAt: '2026-03-02T10:00:00Z' }, // 24 h
        { customer: 'b', at: '2026-02-20T00:00:00Z', resolvedAt: '2026-03-05T00:00:00Z' }, // 312 h
        { customer: 'c', at: '2026-03-10T00:00:00Z' },
        { customer: 'd', at: '2026-03-30T00:00:00Z', resolvedAt: '2026-04-02T00:00:00Z' },
        { customer: 'e', at: '2026-01-01T00:00:00Z', resolvedAt: '2026-01-02T00:00:00Z' },
      ],
    });
    expect(complaintSummary(dataset.complaints, MARCH_2026.start, MARCH_2026.end)).toEqual({
      opened: 3,
      resolved: 2,
      openAtEnd: 2,
      meanHoursToResolve: 168,
    });
  });

  it('have no mean time when nothing was resolved', () => {
    const { dataset } = build({});
    expect(complaintSummary(dataset.complaints, 0, 1).meanHoursToResolve).toBeNull();
  });
});
