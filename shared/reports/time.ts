/**
 * Calendar arithmetic for reports. Times are epoch milliseconds; calendar months are taken in a
 * fixed UTC offset (the device's, e.g. +420 minutes for WIB) so the math stays pure and
 * deterministic: the caller passes `utcOffsetMinutes` instead of relying on the host time zone.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A mean Gregorian year, for "per year" rates. */
export const YEAR_MS = 365.2425 * DAY_MS;

/** Months since year 0: year x 12 + month (0-based), of a moment at the given UTC offset. */
export function monthIndex(ms: number, utcOffsetMinutes: number): number {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The first millisecond of a month index at the given UTC offset. */
export function monthStart(index: number, utcOffsetMinutes: number): number {
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  return Date.UTC(year, month, 1) - utcOffsetMinutes * 60_000;
}

/** "2026-03" for a month index. */
export function monthKey(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Month index of "2026-03" (the inverse of monthKey). */
export function parseMonthKey(key: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`not a month key: ${key}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * A fast "which month of [first, last] is this moment in?" (-1 outside), from the month
 * boundaries computed once: scanning a million sales must not build a Date per sale.
 */
export function monthLocator(
  first: number,
  last: number,
  utcOffsetMinutes: number,
): (ms: number) => number {
  const n = Math.max(0, last - first + 1);
  const bounds = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) bounds[i] = monthStart(first + i, utcOffsetMinutes);
  return (ms) => {
    if (!(ms >= bounds[0]!) || ms >= bounds[n]!) return -1;
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (ms >= bounds[mid]!) lo = mid;
      else hi = mid;
    }
    return lo;
  };
}
