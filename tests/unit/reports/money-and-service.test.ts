import { describe, expect, it } from 'vitest';
import {
  buyersBetween,
  complaintSummary,
  customerTotals,
  expiryAwareBalances,
  loyaltyFrom,
  parseMonthKey,
  pointsLiability,
  revenueByMonth,
  topCustomers,
} from '../../../shared/reports';
import fc from 'fast-check';
import { computeLedger } from '../../../shared/loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../../../shared/loyalty/merged-bonuses';
import { DEFAULT_RULE, DEFAULT_RULES } from '../../../shared/loyalty/rules';
import { DAY_MS, type LoyaltyInput } from '../../../shared/reports';
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

  it('balances are expiry-aware: points past their 12 months are not owed', () => {
    // Default rules: points expire 12 months after they were earned, oldest spent first.
    const loyalty = loyaltyFrom({
      ledger: [
        { customer: 'a', at: '2025-01-15T00:00:00Z', points: 100 },
        { customer: 'a', at: '2025-06-01T00:00:00Z', points: -30, kind: 'redeem' },
        { customer: 'a', at: '2026-02-01T00:00:00Z', points: 50 },
        { customer: 'b', at: '2026-02-01T00:00:00Z', points: 10 },
        { customer: 'b', at: '2026-05-01T00:00:00Z', points: 500 },
        { customer: 'c', at: '2026-01-01T00:00:00Z', points: 20 },
        { customer: 'c', at: '2026-02-01T00:00:00Z', points: -50, kind: 'redeem' },
      ],
    });
    const b = expiryAwareBalances(loyalty, MARCH_2026.end - 1);
    // a: 70 of the January 2025 points expired on 2026-01-15 (a raw sum would say 120).
    expect([...b]).toEqual([50, 10, -30]);
    expect(pointsLiability(b, 100)).toEqual({
      holders: 2,
      points: 60,
      value: 6000,
      overdrafts: 1,
    });
    // Before the expiry the same points were still owed.
    expect(expiryAwareBalances(loyalty, ms('2026-01-14T00:00:00Z'))[0]).toBe(70);
  });

  it('follows the stored rules: a longer expiry keeps the points', () => {
    const rules = { versions: [{ ...DEFAULT_RULE, expiryMonths: 24 }] };
    const loyalty = loyaltyFrom({
      ledger: [{ customer: 'a', at: '2025-01-15T00:00:00Z', points: 100 }],
      rules,
    });
    expect(expiryAwareBalances(loyalty, MARCH_2026.end - 1)[0]).toBe(100);
  });

  it('a person merged from duplicates keeps one welcome bonus', () => {
    const loyalty = loyaltyFrom({
      ledger: [
        { customer: 'a', at: '2026-02-01T00:00:00Z', points: 50, kind: 'bonus', reason: 'welcome' },
        { customer: 'a', at: '2026-02-02T00:00:00Z', points: 50, kind: 'bonus', reason: 'welcome' },
        { customer: 'a', at: '2026-02-03T00:00:00Z', points: 5, kind: 'bonus', reason: 'promo' },
      ],
    });
    expect(expiryAwareBalances(loyalty, MARCH_2026.end - 1)[0]).toBe(55);
  });

  it('equals the loyalty engine replaying each customer (property)', () => {
    const kinds = ['earn', 'redeem', 'adjust', 'reversal', 'bonus'] as const;
    const entry = fc.record({
      customer: fc.constantFrom('a', 'b', 'c'),
      day: fc.integer({ min: 0, max: 900 }),
      points: fc.integer({ min: 1, max: 500 }),
      kind: fc.constantFrom(...kinds),
      reason: fc.constantFrom(undefined, 'welcome', 'birthday'),
      target: fc.nat(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (es, asOfDay) => {
          const day0 = ms('2024-01-01T00:00:00Z');
          const rows: LoyaltyInput['ledger'] = es.map((e, i) => {
            const credit = e.kind === 'earn' || e.kind === 'bonus';
            const id = `e${String(i).padStart(4, '0')}`;
            const earlier = es.slice(0, i).map((_, j) => `e${String(j).padStart(4, '0')}`);
            return {
              id,
              customer: e.customer,
              at: new Date(day0 + e.day * DAY_MS).toISOString(),
              points: credit ? e.points : -e.points,
              kind: e.kind,
              reason: e.kind === 'bonus' ? e.reason : undefined,
              reversesId:
                e.kind === 'reversal' && earlier.length > 0
                  ? earlier[e.target % earlier.length]
                  : undefined,
            };
          });
          const asOf = day0 + asOfDay * DAY_MS;
          const loyalty = loyaltyFrom({ ledger: rows });
          const got = expiryAwareBalances(loyalty, asOf);
          const ids = [...new Set(rows.map((r) => r.customer))];
          for (const c of ['a', 'b', 'c']) {
            const mine = rows
              .filter((r) => r.customer === c)
              .map((r) => ({ ...r, id: r.id!, kind: r.kind! }));
            const want = computeLedger(withoutMergedDuplicateBonuses(mine), DEFAULT_RULES, asOf);
            const index = ids.indexOf(c);
            expect(index === -1 ? 0 : got[index]).toBe(index === -1 ? 0 : want.balance);
          }
        },
      ),
    );
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
