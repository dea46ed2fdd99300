/**
 * RFM: recency, frequency and monetary value, each scored 1 (worst) to 5 (best) by quintiles
 * among the customers who bought at least once before the moment T:
 *
 * - Recency R: days from the last purchase to T (fewer is better).
 * - Frequency F: orders. Monetary M: net revenue.
 *
 * Quintile score with ties: a value's percentile is its mid-rank p = (less + equal / 2) / n,
 * where `less` counts customers with a worse value and `equal` those with the same value
 * (itself included); score = clamp(ceil(5 p), 1, 5). Equal values always get the same score, a
 * tie across a quintile edge lands where its middle lies, and when everyone is equal (or there
 * is a single customer) everyone scores 3.
 *
 * Segments use R and FM = ceil((F + M) / 2), from this table (rows R, columns FM):
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

export function segmentOf(r: number, f: number, m: number): RfmSegment {
  const fm = Math.ceil((f + m) / 2);
  return SEGMENT_TABLE[r - 1]![fm - 1]!;
}

/**
 * Quintile scores 1-5 where a higher value is better (pass negated values when lower is
 * better), with mid-rank ties as described above.
 */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
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
    scores[i] = Math.min(5, Math.max(1, Math.ceil(5 * p - 1e-9)));
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
  const f = quintileScores(freq);
  const m = quintileScores(money);
  const segment = new Uint8Array(n);
  const counts = RFM_SEGMENTS.map(() => 0);
  const revenue = RFM_SEGMENTS.map(() => 0);
  const grid = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  for (let i = 0; i < n; i++) {
    const s = RFM_SEGMENTS.indexOf(segmentOf(r[i]!, f[i]!, m[i]!));
    segment[i] = s;
    counts[s]!++;
    revenue[s]! += money[i]!;
    grid[r[i]! - 1]![Math.ceil((f[i]! + m[i]!) / 2) - 1]!++;
  }
  return { customers, recencyDays, r, f, m, segment, counts, revenue, grid };
}

/** Customer numbers in one segment. */
export function segmentMembers(rfm: RfmResult, segment: RfmSegment): number[] {
  const s = RFM_SEGMENTS.indexOf(segment);
  const out: number[] = [];
  for (let i = 0; i < rfm.customers.length; i++)
    if (rfm.segment[i] === s) out.push(rfm.customers[i]!);
  return out;
}
