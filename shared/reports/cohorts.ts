/**
 * Monthly cohort retention: customers grouped by the month of their first purchase (their
 * cohort); cell (cohort, k) = the share of the cohort who bought again in the k-th month after
 * it (k = 0 is the cohort month itself, so it is always 100 %):
 *   retained(cohort, k) = |{c in cohort : c bought in month cohort + k}| / |cohort| x 100.
 * Cells in months after `lastMonth` do not exist yet (null).
 */
import type { PurchaseIndex } from './purchase-index';
import { monthLocator } from './time';

export interface CohortRow {
  /** Month index of the cohort (see time.ts). */
  month: number;
  size: number;
  /** retained[k]: customers of the cohort who bought in month + k; null if not reached yet. */
  retained: (number | null)[];
  /** The same as a percentage of `size`. */
  rates: (number | null)[];
}

/** Cohorts whose first month is in [firstMonth, lastMonth], with offsets 0..lastMonth-firstMonth. */
export function computeCohorts(
  idx: PurchaseIndex,
  firstMonth: number,
  lastMonth: number,
  utcOffsetMinutes: number,
): CohortRow[] {
  const width = lastMonth - firstMonth + 1;
  if (width <= 0) return [];
  const sizes = new Array<number>(width).fill(0);
  const counts = sizes.map(() => new Array<number>(width).fill(0));
  const locate = monthLocator(firstMonth, lastMonth, utcOffsetMinutes);
  for (let c = 0; c < idx.customerCount; c++) {
    const lo = idx.offsets[c]!;
    const hi = idx.offsets[c + 1]!;
    if (hi === lo) continue;
    const row = locate(idx.times[lo]!);
    if (row < 0) continue;
    sizes[row]!++;
    let previous = -1;
    for (let i = lo; i < hi; i++) {
      const month = locate(idx.times[i]!);
      if (month < 0) break; // times are sorted: the rest are after the range
      if (month === previous) continue; // count each month once
      previous = month;
      counts[row]![month - row]!++;
    }
  }
  return sizes.map((size, row) => {
    const reachable = width - row;
    const retained = counts[row]!.map((n, k) => (k < reachable ? n : null));
    return {
      month: firstMonth + row,
      size,
      retained,
      rates: retained.map((n) => (n === null ? null : size > 0 ? (n / size) * 100 : null)),
    };
  });
}

/** Customers of a cohort who bought in its k-th month. */
export function cohortMembers(
  idx: PurchaseIndex,
  cohortMonth: number,
  k: number,
  utcOffsetMinutes: number,
): number[] {
  const out: number[] = [];
  const locate = monthLocator(cohortMonth, cohortMonth + k, utcOffsetMinutes);
  for (let c = 0; c < idx.customerCount; c++) {
    const lo = idx.offsets[c]!;
    const hi = idx.offsets[c + 1]!;
    if (hi === lo || locate(idx.times[lo]!) !== 0) continue;
    for (let i = lo; i < hi; i++) {
      if (locate(idx.times[i]!) === k) {
        out.push(c);
        break;
      }
    }
  }
  return out;
}
