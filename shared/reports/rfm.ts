/**
 * RFM: recency, frequency and monetary value, each scored 1 (worst) to 5 (best) by quintiles
 * among the customers who bought at least once before the moment T:
 *
 * - Recency R: days from the last purchase to T (fewer is better), quintiles among everyone.
 * - Frequency F: orders. A customer with one order scores F = 1. Customers with two or more
 *   orders score 2-5 by quartiles among the repeat buyers only. (Scored among everyone, a book
 *   where half the customers bought once gives all of them the same mid-rank, F = 2 or 3, and
 *   a one-time buyer would look like a repeat one.)
 * - Monetary M: net revenue, quintiles among everyone.
 *
 * Quintile score with ties: a value's percentile is its mid-rank p = (less + equal / 2) / n,
 * where `less` counts customers with a worse value and `equal` those with the same value
 * (itself included); score = clamp(ceil(5 p), 1, 5) (quartiles: ceil(4 p), 1-4). Equal values
 * always get the same score, a tie across an edge lands where its middle lies, and when
 * everyone is equal (or there is a single customer) everyone scores the middle.
 *
 * Segments use R and FM = ceil((F + M) / 2), except that FM = 1 for a one-time buyer: one
 * purchase, however large, does not show loyalty yet. So a one-time buyer lands in the first
 * column: New (R 5) or Promising (R 4) when recent, else Need attention, Hibernating or Lost.
 * The segment comes from this table (rows R, columns FM):
 *
 * | R \ FM | 1              | 2                  | 3                  | 4               | 5               |
 * | ------ | -------------- | ------------------ | ------------------ | --------------- | --------------- |
 * | 5      | New            | Potential loyalist | Potential loyalist | Champions       | Champions       |
 * | 4      | Promising      | Potential loyalist | Potential loyalist | Loyal           | Loyal           |
 * | 3      | Need attention | Need attention     | Need attention     | Loyal           | Loyal           |
 * | 2      | Hibernating    | Hibernating        | At risk            | At risk         | Can't lose them |
 * | 1      | Lost           | Lost               | At risk            | At risk         | Can't lose them |
 */
import type { CustomerTotals } from './value';
import { DAY_MS } from './time';

export const RFM_SEGMENTS = [
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
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** SEGMENT_TABLE[R - 1][FM - 1]: the table in this file's comment. */
export const SEGMENT_TABLE: readonly (readonly RfmSegment[])[] = [
  ['lost', 'lost', 'atRisk', 'atRisk', 'cantLoseThem'],
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  ['needAttention', 'needAttention', 'needAttention', 'loyal', 'loyal'],
  ['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'],
  ['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'],
];

/** FM: the mean of F and M rounded up, and 1 for a one-time buyer (F = 1). */
export function fmOf(f: number, m: number): number {
  return f <= 1 ? 1 : Math.ceil((f + m) / 2);
}

export function segmentOf(r: number, f: number, m: number): RfmSegment {
  return SEGMENT_TABLE[r - 1]![fmOf(f, m) - 1]!;
}

/**
 * Quintile scores 1-5 where a higher value is better (pass negated values when lower is
 * better), with mid-rank ties as described above.
 */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
  return rankScores(values, 5);
}

/**
 * F: 1 for at most one order; 2-5 by quartiles of the orders among customers with two or more.
 */
export function frequencyScores(orders: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(orders.length).fill(1);
  const repeat: number[] = [];
  for (let i = 0; i < orders.length; i++) if (orders[i]! >= 2) repeat.push(i);
  const scores = rankScores(
    repeat.map((i) => orders[i]!),
    4,
  );
  repeat.forEach((i, k) => (out[i] = 1 + scores[k]!));
  return out;
}

/** Scores 1..buckets by mid-rank (see the file comment). */
function rankScores(values: ArrayLike<number>, buckets: number): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const sorted = Float64Array.from(values).sort();
  const lowerBound = (v: number, strict: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? sorted[mid]! < v : sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const less = lowerBound(v, true);
    const equal = lowerBound(v, false) - less;
    const p = (less + equal / 2) / n;
    scores[i] = Math.min(buckets, Math.max(1, Math.ceil(buckets * p - 1e-9)));
  }
  return scores;
}

export interface RfmResult {
  /** Customer numbers scored (those with a purchase before T). */
  customers: Int32Array;
  recencyDays: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** The FM column of the grid (fmOf). */
  fm: Uint8Array;
  segment: Uint8Array;
  /** Customers per segment, in RFM_SEGMENTS order. */
  counts: number[];
  /** Net revenue per segment. */
  revenue: number[];
  /** grid[R - 1][FM - 1]: customers in each cell. */
  grid: number[][];
}

/** Score every customer with a purchase before `asOf` (totals over all history before it). */
export function computeRfm(totals: CustomerTotals, asOf: number): RfmResult {
  const ids: number[] = [];
  for (let c = 0; c < totals.last.length; c++) if (!Number.isNaN(totals.last[c]!)) ids.push(c);
  const customers = Int32Array.from(ids);
  const n = customers.length;
  const recencyDays = new Float64Array(n);
  const negRecency = new Float64Array(n);
  const freq = new Float64Array(n);
  const money = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    recencyDays[i] = Math.floor((asOf - totals.last[c]!) / DAY_MS);
    negRecency[i] = -recencyDays[i]!;
    freq[i] = totals.orders[c]!;
    money[i] = totals.revenue[c]!;
  }
  const r = quintileScores(negRecency);
  const f = frequencyScores(freq);
  const m = quintileScores(money);
  const fm = new Uint8Array(n);
  const segment = new Uint8Array(n);
  const counts = RFM_SEGMENTS.map(() => 0);
  const revenue = RFM_SEGMENTS.map(() => 0);
  const grid = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  for (let i = 0; i < n; i++) {
    fm[i] = fmOf(f[i]!, m[i]!);
    const s = RFM_SEGMENTS.indexOf(SEGMENT_TABLE[r[i]! - 1]![fm[i]! - 1]!);
    segment[i] = s;
    counts[s]!++;
    revenue[s]! += money[i]!;
    grid[r[i]! - 1]![fm[i]! - 1]!++;
  }
  return { customers, recencyDays, r, f, m, fm, segment, counts, revenue, grid };
}

/** Customer numbers in one segment. */
export function segmentMembers(rfm: RfmResult, segment: RfmSegment): number[] {
  const s = RFM_SEGMENTS.indexOf(segment);
  const out: number[] = [];
  for (let i = 0; i < rfm.customers.length; i++)
    if (rfm.segment[i] === s) out.push(rfm.customers[i]!);
  return out;
}
