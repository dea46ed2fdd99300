import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsUtc,
  DEFAULT_RULE,
  loyaltyRuleSchema,
  ruleAt,
  withVersion,
  type LoyaltyRules,
} from '../../../shared/loyalty/rules';
import {
  earnForSale,
  earnPoints,
  pointsToReverse,
  spendBetween,
  tierAt,
  type SaleLike,
} from '../../../shared/loyalty/tiers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const rules: LoyaltyRules = { versions: [DEFAULT_RULE] };
let n = 0;
const buy = (ms: number, amount: number, kind: SaleLike['kind'] = 'purchase'): SaleLike => ({
  id: `S${++n}`,
  kind,
  at: iso(ms),
  amount,
});

describe('earning', () => {
  it('gives 1 point per Rp 10.000, rounded down, times the tier multiplier', () => {
    expect(earnPoints(9_999, DEFAULT_RULE, 100)).toBe(0);
    expect(earnPoints(10_000, DEFAULT_RULE, 100)).toBe(1);
    expect(earnPoints(259_000, DEFAULT_RULE, 100)).toBe(25);
    expect(earnPoints(259_000, DEFAULT_RULE, 150)).toBe(37); // floor(25 * 1.5)
  });

  it('earns nothing below the minimum spend or when the program is off', () => {
    expect(earnPoints(40_000, { ...DEFAULT_RULE, minSpend: 50_000 }, 100)).toBe(0);
    expect(earnPoints(50_000, { ...DEFAULT_RULE, minSpend: 50_000 }, 100)).toBe(5);
    expect(earnPoints(500_000, { ...DEFAULT_RULE, enabled: false }, 100)).toBe(0);
  });

  it('partial refunds reverse exactly the points earned once the whole sale is refunded', () => {
    const a = pointsToReverse(37, 259_000, 0, 100_000);
    const b = pointsToReverse(37, 259_000, 100_000, 100_000);
    const c = pointsToReverse(37, 259_000, 200_000, 59_000);
    expect(a + b + c).toBe(37);
    expect(pointsToReverse(37, 259_000, 0, 259_000)).toBe(37);
  });
});

describe('tiers at their boundaries', () => {
  it('reaches Silver at exactly Rp 2.000.000 in 12 months, not a rupiah before', () => {
    const sales = [buy(T0, 1_999_999)];
    expect(tierAt(sales, rules, T0 + DAY).tier.name).toBe('Bronze');
    sales.push(buy(T0 + DAY, 1));
    const s = tierAt(sales, rules, T0 + 2 * DAY);
    expect(s.tier.name).toBe('Silver');
    expect(s.next?.name).toBe('Gold');
    expect(s.toNext).toBe(3_000_000);
    expect(s.progressPct).toBe(0);
  });

  it('drops back when the purchase leaves the 12-month window (immediate downgrade)', () => {
    const sales = [buy(T0, 2_500_000)];
    const end = addMonthsUtc(T0, 12);
    expect(tierAt(sales, rules, end - 1).tier.name).toBe('Silver');
    expect(tierAt(sales, rules, end).tier.name).toBe('Bronze');
  });

  it('keeps a tier for 12 months after the purchase that reached it (grace downgrade)', () => {
    const grace: LoyaltyRules = { versions: [{ ...DEFAULT_RULE, downgrade: 'grace' }] };
    const sales = [buy(T0, 1_000_000), buy(T0 + 200 * DAY, 1_000_000)];
    // At T0 + 12 months the first purchase left the window: spend is 1M, but Silver was
    // reached at T0 + 200 days and holds until 12 months after that.
    expect(tierAt(sales, rules, addMonthsUtc(T0, 12) + DAY).tier.name).toBe('Bronze');
    expect(tierAt(sales, grace, addMonthsUtc(T0, 12) + DAY).tier.name).toBe('Silver');
    expect(tierAt(sales, grace, addMonthsUtc(T0 + 200 * DAY, 12)).tier.name).toBe('Bronze');
  });

  it('a refund lowers the spend that decides the tier', () => {
    const sales = [buy(T0, 2_100_000), buy(T0 + DAY, 200_000, 'refund')];
    expect(tierAt(sales, rules, T0 + 2 * DAY).tier.name).toBe('Bronze');
  });

  it('earns with the multiplier of the tier held before the purchase', () => {
    const history = [buy(T0, 5_000_000)];
    const sale = buy(T0 + DAY, 100_000);
    expect(earnForSale(sale, [...history, sale], rules).points).toBe(15); // Gold: 10 x 1.5
    const first = buy(T0, 5_000_000);
    expect(earnForSale(first, [first], rules).points).toBe(500); // was Bronze before it
  });
});

describe('rule changes over time', () => {
  const change = {
    ...DEFAULT_RULE,
    id: 'v2',
    effectiveFrom: iso(T0 + 30 * DAY),
    spendPerPoint: 5_000,
  };
  const r = withVersion(rules, change);

  it('applies a new rule from its effective date; earlier sales keep the old one', () => {
    const before = buy(T0 + 29 * DAY, 100_000);
    const after = buy(T0 + 30 * DAY, 100_000);
    expect(earnForSale(before, [before], r).points).toBe(10);
    expect(earnForSale(after, [after], r).points).toBe(20);
    expect(ruleAt(r, T0).id).toBe('default');
    expect(ruleAt(r, T0 + 30 * DAY).id).toBe('v2');
  });

  it('a version saved again for the same date replaces it, others are kept', () => {
    const again = withVersion(r, { ...change, id: 'v2b', spendPerPoint: 1_000 });
    expect(again.versions.map((v) => v.id)).toEqual(['default', 'v2b']);
  });

  it('refuses tiers out of order and a first tier above Rp 0', () => {
    const bad = { ...DEFAULT_RULE, tiers: [{ name: 'A', minSpend: 10, multiplierPct: 100 }] };
    expect(loyaltyRuleSchema.safeParse(bad).success).toBe(false);
    const unordered = {
      ...DEFAULT_RULE,
      tiers: [
        { name: 'A', minSpend: 0, multiplierPct: 100 },
        { name: 'B', minSpend: 0, multiplierPct: 100 },
      ],
    };
    expect(loyaltyRuleSchema.safeParse(unordered).success).toBe(false);
    expect(loyaltyRuleSchema.safeParse(DEFAULT_RULE).success).toBe(true);
  });

  it('adds calendar months, clamping the day', () => {
    expect(iso(addMonthsUtc(Date.UTC(2026, 0, 31), 1))).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(addMonthsUtc(Date.UTC(2026, 0, 15), 12))).toBe('2027-01-15T00:00:00.000Z');
    expect(iso(addMonthsUtc(Date.UTC(2026, 0, 15), -1))).toBe('2025-12-15T00:00:00.000Z');
  });
});

describe('tier index', () => {
  /** The definition, computed the slow way: the indexed tierAt must agree with it. */
  function naiveTier(sales: SaleLike[], r: LoyaltyRules, atMs: number, exclude?: string) {
    const rule = r.versions[0]!;
    const list = sales.filter((s) => s.id !== exclude);
    const idxFor = (spend: number) =>
      rule.tiers.reduce((best, t, i) => (spend >= t.minSpend ? i : best), 0);
    const start = addMonthsUtc(atMs, -rule.tierWindowMonths);
    let idx = idxFor(spendBetween(list, start, atMs));
    if (rule.downgrade === 'grace') {
      for (const s of list) {
        const t = Date.parse(s.at);
        if (s.kind === 'purchase' && t > start && t <= atMs) {
          idx = Math.max(
            idx,
            idxFor(spendBetween(list, addMonthsUtc(t, -rule.tierWindowMonths), t)),
          );
        }
      }
    }
    return rule.tiers[idx]!.name;
  }

  it('agrees with the definition for any sales, both downgrade rules, with a sale left out', () => {
    const saleArb = fc.record({
      day: fc.integer({ min: 0, max: 900 }),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
      refund: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(saleArb, { maxLength: 30 }),
        fc.constantFrom('immediate' as const, 'grace' as const),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        (raw, downgrade, day, pick) => {
          const sales = raw.map((s, i) =>
            buy(T0 + s.day * DAY + i, s.amount, s.refund ? 'refund' : 'purchase'),
          );
          const r: LoyaltyRules = { versions: [{ ...DEFAULT_RULE, downgrade }] };
          const at = T0 + day * DAY;
          const exclude = sales.length > 0 ? sales[pick % sales.length]!.id : undefined;
          expect(tierAt(sales, r, at).tier.name).toBe(naiveTier(sales, r, at));
          expect(tierAt(sales, r, at, { excludeSaleId: exclude }).tier.name).toBe(
            naiveTier(sales, r, at, exclude),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
