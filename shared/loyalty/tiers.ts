/**
 * Tiers and earning, derived from sales and the rules. Pure and order-independent: the same
 * sales give the same tier and the same points on every device.
 */
import { points, rupiah, type Points, type Rupiah } from '../money';
import { addRuleMonths, ruleAt, type LoyaltyRule, type LoyaltyRules, type Tier } from './rules';

/** The part of a sale the tier math needs. */
export interface SaleLike {
  id: string;
  kind: 'purchase' | 'refund';
  at: string;
  amount: number;
}

/**
 * Spend in the window (start, end]: purchases minus refunds made in it, never below 0.
 * A refund counts when it happens (the customer's spend dropped then).
 */
export function spendBetween(sales: readonly SaleLike[], startMs: number, endMs: number): Rupiah {
  let sum = 0;
  for (const s of sales) {
    const t = Date.parse(s.at);
    if (t > startMs && t <= endMs) sum += s.kind === 'purchase' ? s.amount : -s.amount;
  }
  return rupiah(Math.max(0, sum));
}

/** The highest tier whose minSpend the spend reaches (tiers are ordered by minSpend). */
export function tierForSpend(tiers: readonly Tier[], spend: number): Tier {
  let found = tiers[0]!;
  for (const t of tiers) if (spend >= t.minSpend) found = t;
  return found;
}

function tierIndex(tiers: readonly Tier[], spend: number): number {
  let idx = 0;
  tiers.forEach((t, i) => {
    if (spend >= t.minSpend) idx = i;
  });
  return idx;
}

export interface TierStatus {
  tier: Tier;
  /** Spend in the tier window ending now. */
  spend: Rupiah;
  next: Tier | null;
  /** Rupiah still to spend (in the window) to reach `next`; 0 when there is none. */
  toNext: Rupiah;
  /** 0-100: how far from this tier's threshold to the next one's. */
  progressPct: number;
}

/**
 * Sorted times and prefix sums of a contact's sales, so the spend in any window is two binary
 * searches. Built once per sales array (cached by identity): importing thousands of sales for
 * one customer stays O(n log n) instead of O(n^2).
 */
class SpendIndex {
  readonly times: number[];
  private readonly prefix: number[];
  readonly purchaseTimes: number[];
  readonly byId = new Map<string, SaleLike>();

  constructor(sales: readonly SaleLike[]) {
    const sorted = sales
      .map((s) => ({ t: Date.parse(s.at), v: s.kind === 'purchase' ? s.amount : -s.amount }))
      .sort((a, b) => a.t - b.t);
    this.times = sorted.map((x) => x.t);
    this.prefix = [0];
    for (const x of sorted) this.prefix.push(this.prefix[this.prefix.length - 1]! + x.v);
    this.purchaseTimes = sales
      .filter((s) => s.kind === 'purchase')
      .map((s) => Date.parse(s.at))
      .sort((a, b) => a - b);
    for (const s of sales) this.byId.set(s.id, s);
  }

  /** Signed sum over (start, end], without clamping. */
  sum(startMs: number, endMs: number): number {
    return this.prefix[upper(this.times, endMs)]! - this.prefix[upper(this.times, startMs)]!;
  }
}

/** Index of the first element > x in an ascending array. */
function upper(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const indexes = new WeakMap<readonly SaleLike[], { length: number; index: SpendIndex }>();
/** The index of a sales array; rebuilt when the array grew or shrank since (a caller pushed). */
function indexOf(sales: readonly SaleLike[]): SpendIndex {
  const cached = indexes.get(sales);
  if (cached && cached.length === sales.length) return cached.index;
  const index = new SpendIndex(sales);
  indexes.set(sales, { length: sales.length, index });
  return index;
}

/**
 * The tier at a moment, under the rule in force then.
 * - immediate: tier = tierForSpend(spend in (at - window, at]).
 * - grace: the highest tier reached at any purchase in (at - window, at] (a tier is kept for
 *   a window after the purchase that reached it), or the current spend's tier if higher.
 * `excludeSaleId` leaves one sale out (the purchase whose own points are being computed).
 */
export function tierAt(
  sales: readonly SaleLike[],
  rules: LoyaltyRules,
  atMs: number,
  options: { excludeSaleId?: string } = {},
): TierStatus {
  const rule = ruleAt(rules, atMs);
  const index = indexOf(sales);
  const excluded = options.excludeSaleId ? index.byId.get(options.excludeSaleId) : undefined;
  const excludedMs = excluded ? Date.parse(excluded.at) : NaN;
  const excludedValue = excluded
    ? excluded.kind === 'purchase'
      ? excluded.amount
      : -excluded.amount
    : 0;
  const spendIn = (start: number, end: number) => {
    let sum = index.sum(start, end);
    if (excluded && excludedMs > start && excludedMs <= end) sum -= excludedValue;
    return Math.max(0, sum);
  };
  const windowStart = addRuleMonths(rules, atMs, -rule.tierWindowMonths);
  const spend = spendIn(windowStart, atMs);
  let idx = tierIndex(rule.tiers, spend);
  if (rule.downgrade === 'grace') {
    const times = index.purchaseTimes;
    let skippedExcluded = false;
    for (let i = upper(times, windowStart); i < times.length && times[i]! <= atMs; i++) {
      const t = times[i]!;
      if (excluded?.kind === 'purchase' && t === excludedMs && !skippedExcluded) {
        skippedExcluded = true;
        continue;
      }
      idx = Math.max(
        idx,
        tierIndex(rule.tiers, spendIn(addRuleMonths(rules, t, -rule.tierWindowMonths), t)),
      );
    }
  }
  const tier = rule.tiers[idx]!;
  const next = rule.tiers[idx + 1] ?? null;
  const toNext = next ? Math.max(0, next.minSpend - spend) : 0;
  const span = next ? next.minSpend - tier.minSpend : 0;
  const progressPct = next
    ? Math.max(0, Math.min(100, Math.floor(((spend - tier.minSpend) * 100) / span)))
    : 100;
  return { tier, spend: rupiah(spend), next, toNext: rupiah(toNext), progressPct };
}

/**
 * Points a purchase earns under a rule and a tier multiplier:
 *   amount < minSpend -> 0, else floor(floor(amount / spendPerPoint) * multiplierPct / 100).
 * Rounded down twice on purpose: what the shop promised ("1 point per Rp 10.000") is never
 * exceeded by rounding.
 */
export function earnPoints(amount: number, rule: LoyaltyRule, multiplierPct: number): Points {
  if (!rule.enabled || amount < rule.minSpend || amount <= 0) return points(0);
  const base = Math.floor(amount / rule.spendPerPoint);
  return points(Math.floor((base * multiplierPct) / 100));
}

/**
 * Points a new purchase earns: the rule in force at its time, with the multiplier of the tier
 * the customer had just before it (the purchase itself does not count towards that tier).
 */
export function earnForSale(
  sale: SaleLike,
  contactSales: readonly SaleLike[],
  rules: LoyaltyRules,
): { points: Points; rule: LoyaltyRule; tier: Tier } {
  const atMs = Date.parse(sale.at);
  const rule = ruleAt(rules, atMs);
  const { tier } = tierAt(contactSales, rules, atMs - 1, { excludeSaleId: sale.id });
  return { points: earnPoints(sale.amount, rule, tier.multiplierPct), rule, tier };
}

/**
 * Points to reverse when `amount` of a sale is refunded, given what was refunded before:
 *   floor(earned * (before + amount) / saleAmount) - floor(earned * before / saleAmount)
 * so partial refunds add up to exactly the points earned when the whole sale is refunded.
 */
export function pointsToReverse(
  earned: number,
  saleAmount: number,
  refundedBefore: number,
  amount: number,
): Points {
  if (earned <= 0 || saleAmount <= 0) return points(0);
  const after = Math.min(saleAmount, refundedBefore + amount);
  const before = Math.min(saleAmount, refundedBefore);
  // BigInt: points x rupiah can pass 2^53 for large sales.
  const e = BigInt(earned);
  const total = BigInt(saleAmount);
  return points(Number((e * BigInt(after)) / total - (e * BigInt(before)) / total));
}
