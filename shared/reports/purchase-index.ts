/**
 * Each customer's purchase times, sorted (a compressed sparse row layout: customer c's times are
 * times[offsets[c]..offsets[c+1])). Built once per dataset; answers "did c buy in [a, b)?" and
 * "when did c first buy?" with a binary search. Refunds are not activity and are left out.
 */
import { SALE_PURCHASE, type SalesColumns } from './dataset';

export interface PurchaseIndex {
  customerCount: number;
  offsets: Int32Array;
  times: Float64Array;
}

export function buildPurchaseIndex(sales: SalesColumns, customerCount: number): PurchaseIndex {
  const counts = new Int32Array(customerCount + 1);
  const n = sales.kind.length;
  for (let i = 0; i < n; i++)
    if (sales.kind[i] === SALE_PURCHASE) counts[sales.customer[i]! + 1]!++;
  const offsets = new Int32Array(customerCount + 1);
  for (let c = 0; c < customerCount; c++) offsets[c + 1] = offsets[c]! + counts[c + 1]!;
  const times = new Float64Array(offsets[customerCount]!);
  const fill = offsets.slice(0, customerCount);
  for (let i = 0; i < n; i++) {
    if (sales.kind[i] !== SALE_PURCHASE) continue;
    const c = sales.customer[i]!;
    times[fill[c]!++] = sales.at[i]!;
  }
  for (let c = 0; c < customerCount; c++) times.subarray(offsets[c], offsets[c + 1]).sort();
  return { customerCount, offsets, times };
}

/** Position of the first time >= t in customer c's times (may be the end of their range). */
function lowerBound(idx: PurchaseIndex, c: number, t: number): number {
  let lo = idx.offsets[c]!;
  let hi = idx.offsets[c + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idx.times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether customer c made a purchase in [from, to). */
export function boughtIn(idx: PurchaseIndex, c: number, from: number, to: number): boolean {
  const i = lowerBound(idx, c, from);
  return i < idx.offsets[c + 1]! && idx.times[i]! < to;
}

/** Customer c's first purchase time, or NaN if none. */
export function firstPurchase(idx: PurchaseIndex, c: number): number {
  return idx.offsets[c + 1]! > idx.offsets[c]! ? idx.times[idx.offsets[c]!]! : Number.NaN;
}

/** Customer c's last purchase before `before`, or NaN if none. */
export function lastPurchaseBefore(idx: PurchaseIndex, c: number, before: number): number {
  const i = lowerBound(idx, c, before);
  return i > idx.offsets[c]! ? idx.times[i - 1]! : Number.NaN;
}
