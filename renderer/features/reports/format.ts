/** Number, money, percentage and month formatting for the reports, in the user's locale. */
import { formatMoney, type Currency } from '../../../shared/money';
import { monthIndex, type Period } from '../../../shared/reports';
import { offsetIn } from '../../../shared/dates';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, o: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(o)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, o)));
  return f;
}

export const NONE = '—';

/** An amount in the shop currency's minor unit ("Rp 1.250.000", "$12.50"); null is a dash. */
export function money(n: number | null, locale: string, currency: Currency): string {
  return n === null ? NONE : formatMoney(Math.round(n), currency, locale);
}

/**
 * An amount for a CSV cell: the shop currency's major unit (12.5 for $12.50, 1250000 for
 * Rp 1.250.000), so a spreadsheet never reads cents as dollars. Null stays empty.
 */
export function moneyCell(minor: number | null, currency: Currency): number | null {
  return minor === null ? null : Math.round(minor) / 10 ** currency.decimals;
}

/** "Rp 1,2 jt", "$1.2K" for chart axes (`n` in the minor unit). */
export function moneyCompact(n: number, locale: string, currency: Currency): string {
  return nf(locale, {
    style: 'currency',
    currency: currency.code,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(n / 10 ** currency.decimals);
}

export function num(n: number | null, locale: string, digits = 0): string {
  return n === null
    ? NONE
    : nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** A value already in percent (50 = 50 %). */
export function pct(n: number | null, locale: string, digits = 1): string {
  return n === null
    ? NONE
    : nf(locale, { style: 'percent', maximumFractionDigits: digits }).format(n / 100);
}

/**
 * The shop's UTC offset in minutes now (+420 in Jakarta, +480 in Makassar): a report's "this
 * month" is the shop's month. Unset zone: the device's.
 */
export function shopUtcOffset(timeZone?: string, nowMs = Date.now()): number {
  return Math.round(offsetIn(nowMs, timeZone) / 60_000);
}

/** "Mar 2026" for a month index. */
export function monthLabel(index: number, locale: string, long = false): string {
  const y = Math.floor(index / 12);
  return new Intl.DateTimeFormat(locale, {
    month: long ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, index - y * 12, 1)));
}

/** "3 Dec 2026": the day of a moment at the given UTC offset. */
export function dayLabel(ms: number, offset: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(ms + offset * 60_000),
  );
}

/** "March 2026", "Q1 2026", "2026" or "1 Mar 2026 – 10 Mar 2026". */
export function periodLabel(
  p: Period,
  offset: number,
  locale: string,
  quarter: (q: number, year: number) => string,
): string {
  const mi = monthIndex(p.start, offset);
  const year = Math.floor(mi / 12);
  switch (p.kind) {
    case 'month':
      return monthLabel(mi, locale, true);
    case 'quarter':
      return quarter(Math.floor((mi - year * 12) / 3) + 1, year);
    case 'year':
      return String(year);
    case 'custom':
      return `${dayLabel(p.start, offset, locale)} – ${dayLabel(p.end - 1, offset, locale)}`;
  }
}

/** "2026-03" or "2026-03-01_2026-03-10": a period in a file name. */
export function periodSlug(p: Period, offset: number): string {
  const iso = (ms: number) => new Date(ms + offset * 60_000).toISOString().slice(0, 10);
  return p.kind === 'custom'
    ? `${iso(p.start)}_${iso(p.end - 1)}`
    : iso(p.start).slice(0, p.kind === 'year' ? 4 : 7);
}
