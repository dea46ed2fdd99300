/**
 * "Gone quiet": a customer who has not bought for clearly longer than they usually do.
 *
 * Rule (days are whole days between calendar moments, rounded down):
 * - purchases are counted per distinct day (two receipts on one visit are one visit); refunds
 *   do not change when someone last came;
 * - with at least `minVisitsForPattern` visits, the usual interval is the MEDIAN gap between
 *   consecutive visits (one long holiday does not move it), and the customer is quiet when
 *   days since the last visit > max(factor × usual interval, usual interval + minSlackDays);
 * - with fewer visits (no pattern yet), quiet when days since the last visit > `fallbackDays`;
 * - a contact who never bought is not "gone" quiet: there is nothing to come back to.
 */

import { dayNumberIn } from '../dates';

export interface GoneQuietOptions {
  /** How many times longer than usual counts as "clearly longer". */
  factor: number;
  /** At least this many extra days, so a weekly customer is not flagged after 15 days. */
  minSlackDays: number;
  /** Days without a purchase that count as quiet when there is no pattern yet (N). */
  fallbackDays: number;
  /** Visits needed before a customer's own rhythm is trusted. */
  minVisitsForPattern: number;
}

export const DEFAULT_GONE_QUIET: GoneQuietOptions = {
  factor: 2,
  minSlackDays: 14,
  fallbackDays: 60,
  minVisitsForPattern: 3,
};

export interface QuietVerdict {
  quiet: boolean;
  lastPurchaseAt: string;
  daysSince: number;
  /** Median days between visits, or null when there is no pattern yet. */
  usualIntervalDays: number | null;
  /** Quiet once daysSince is above this. */
  thresholdDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A customer's visits: the distinct days they bought on, on the shop's calendar (`timeZone`;
 * the device's when unset: a visit at 06:00 WIB is on that WIB day) (ascending) and their latest
 * purchase. Enough to judge them at any later moment, so it can be kept between runs.
 */
export interface Visits {
  days: number[];
  lastMs: number;
  /** The latest purchase time as stored (the first of equal times seen). */
  last: string;
}

/** The visits in a list of purchase times (ISO strings, any order); null when there are none. */
export function visitsOf(purchaseTimes: readonly string[], timeZone?: string): Visits | null {
  const days = new Set<number>();
  let last = '';
  let lastMs = -Infinity;
  for (const at of purchaseTimes) {
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) continue;
    days.add(dayNumberIn(ms, timeZone));
    if (ms > lastMs) {
      lastMs = ms;
      last = at;
    }
  }
  if (days.size === 0) return null;
  return { days: [...days].sort((a, b) => a - b), lastMs, last };
}

/** Add one purchase to visits in place (days stay sorted and distinct). */
export function addVisit(visits: Visits, at: string, timeZone?: string): void {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return;
  const day = dayNumberIn(ms, timeZone);
  const d = visits.days;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  if (d[lo] !== day) d.splice(lo, 0, day);
  if (ms > visits.lastMs) {
    visits.lastMs = ms;
    visits.last = at;
  }
}

/** The visits of several contacts read as one person (a merged duplicate and its survivor). */
export function mergeVisits(list: readonly Visits[]): Visits {
  if (list.length === 1) return list[0]!;
  const days = new Set<number>();
  let best = list[0]!;
  for (const v of list) {
    for (const d of v.days) days.add(d);
    if (v.lastMs > best.lastMs) best = v;
  }
  return { days: [...days].sort((a, b) => a - b), lastMs: best.lastMs, last: best.last };
}

/** A customer's usual interval and quiet threshold: from their visit days alone, not "now". */
export interface VisitPattern {
  usualIntervalDays: number | null;
  thresholdDays: number;
}

/** The usual interval (median gap between visit days) and the threshold it gives. */
export function visitPattern(
  visits: Visits,
  options: GoneQuietOptions = DEFAULT_GONE_QUIET,
): VisitPattern {
  const sorted = visits.days;
  if (sorted.length < options.minVisitsForPattern)
    return { usualIntervalDays: null, thresholdDays: options.fallbackDays };
  const gaps = sorted.slice(1).map((d, i) => d - sorted[i]!);
  const usual = median(gaps);
  return {
    usualIntervalDays: usual,
    thresholdDays: Math.max(options.factor * usual, usual + options.minSlackDays),
  };
}

/**
 * Judge one customer from their visits (the rule at the top of this file). `pattern` is
 * visitPattern(visits, options), when the caller kept it from an earlier judgement.
 */
export function quietVerdict(
  visits: Visits,
  now: Date,
  options: GoneQuietOptions = DEFAULT_GONE_QUIET,
  pattern: VisitPattern = visitPattern(visits, options),
): QuietVerdict {
  const daysSince = Math.max(0, Math.floor((now.getTime() - visits.lastMs) / DAY_MS));
  return {
    quiet: daysSince > pattern.thresholdDays,
    lastPurchaseAt: visits.last,
    daysSince,
    usualIntervalDays: pattern.usualIntervalDays,
    thresholdDays: pattern.thresholdDays,
  };
}

/**
 * Judge one customer from the times of their purchases (ISO strings, any order).
 * Returns null when there are no purchases.
 */
export function goneQuiet(
  purchaseTimes: readonly string[],
  now: Date,
  options: GoneQuietOptions = DEFAULT_GONE_QUIET,
  timeZone?: string,
): QuietVerdict | null {
  const visits = visitsOf(purchaseTimes, timeZone);
  return visits && quietVerdict(visits, now, options);
}

/** Most overdue first (days since the last visit over the customer's threshold), then by id. */
export function byMostOverdue(
  a: { id: string; verdict: Pick<QuietVerdict, 'daysSince' | 'thresholdDays'> },
  b: { id: string; verdict: Pick<QuietVerdict, 'daysSince' | 'thresholdDays'> },
): number {
  return (
    b.verdict.daysSince / b.verdict.thresholdDays - a.verdict.daysSince / a.verdict.thresholdDays ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
