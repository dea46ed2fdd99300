/** Dates for people: formatted with Intl in the user's locale, parsed strictly. */

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateFormatters.set(key, f);
  }
  return f;
}

/** "23 Nov 2026" (en-ID) or "23 Nov 2026" (id-ID): a calendar date, no time zone shift. */
export function formatCalendarDate(isoDate: string, locale: string): string {
  const d = parseCalendarDate(isoDate);
  if (!d) return isoDate;
  return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** "23 November" — a birthday without its year. */
export function formatDayMonth(isoDate: string, locale: string): string {
  const d = parseCalendarDate(isoDate);
  if (!d) return isoDate;
  return formatter(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/** A moment (ISO timestamp) in the user's time zone: "23 Nov 2026, 14.05". */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse "YYYY-MM-DD" as a real calendar date (UTC midnight), or null (2026-02-30 is null). */
export function parseCalendarDate(value: string): Date | null {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date;
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

/** The calendar date "YYYY-MM-DD" of a moment in the device's own time zone. */
export function localCalendarDate(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

// ---- Typed dates: one parser for every date a person types or a file holds ----------------

/** The order of day, month and year in a written date. */
export const DATE_ORDERS = ['dmy', 'ymd', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const orderCache = new Map<string, DateOrder>();

/** The order the locale writes a short date in (id-ID and en-ID: day first; en-US: month). */
export function dateOrderOf(locale: string): DateOrder {
  let order = orderCache.get(locale);
  if (!order) {
    const parts = formatter(locale, { timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2025, 9, 1)))
      .map((p) => p.type)
      .filter((t) => t === 'day' || t === 'month' || t === 'year');
    const key = parts.map((t) => t[0]).join('');
    order = key === 'mdy' ? 'mdy' : key === 'ymd' ? 'ymd' : 'dmy';
    orderCache.set(locale, order);
  }
  return order;
}

/** The pattern to show for typing a date in this locale: "DD/MM/YYYY" or "MM/DD/YYYY". */
export function datePattern(locale: string): string {
  const order = dateOrderOf(locale);
  return order === 'mdy' ? 'MM/DD/YYYY' : order === 'ymd' ? 'YYYY/MM/DD' : 'DD/MM/YYYY';
}

/** A date and time as written, with no time zone: what a file or a person means. */
export interface NaiveDateTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const NUMERIC_DATE =
  /^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T\s]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;

export type DateTextResult =
  | { ok: true; value: NaiveDateTime }
  /** `format`: not a date at all; `impossible`: looks like one but does not exist (31/02). */
  | { ok: false; code: 'format' | 'impossible' };

function checked(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): DateTextResult {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  t.setUTCFullYear(y);
  if (
    y < 1 ||
    t.getUTCFullYear() !== y ||
    t.getUTCMonth() !== mo - 1 ||
    t.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return { ok: false, code: 'impossible' };
  }
  return { ok: true, value: { y, mo, d, h, mi, s } };
}

/**
 * A numeric date (and optional time) in the given order: "23/11/2026 14:05", "23-11-2026",
 * "2026-11-23T14:05:00". A four-digit first number is always the year (ISO); a two-digit year
 * is 20xx. Says whether the text is no date at all or a date that does not exist.
 */
export function readDateText(text: string, order: DateOrder): DateTextResult {
  const m = NUMERIC_DATE.exec(text);
  if (!m) return { ok: false, code: 'format' };
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let y: number;
  let mo: number;
  let d: number;
  if (m[1]!.length >= 3) [y, mo, d] = [a, b, c];
  else if (m[3]!.length < 3 && order === 'ymd') [y, mo, d] = [a, b, c];
  else if (order === 'mdy') [mo, d, y] = [a, b, c];
  else [d, mo, y] = [a, b, c];
  if (m[1]!.length === 3 || m[3]!.length === 3) return { ok: false, code: 'format' };
  if (y < 100) y += 2000;
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const s = m[6] ? Number(m[6]) : 0;
  return checked(y, mo, d, h, mi, s);
}

const monthNameCache = new Map<string, Map<string, number>>();

/** Month names (long and short, folded) of a locale plus English, to the month number. */
function monthNames(locale: string): Map<string, number> {
  let names = monthNameCache.get(locale);
  if (!names) {
    names = new Map();
    for (const l of [locale, 'en-US']) {
      for (const month of ['long', 'short'] as const) {
        const f = formatter(l, { month, timeZone: 'UTC' });
        for (let i = 0; i < 12; i++) {
          const name = f
            .format(new Date(Date.UTC(2025, i, 1)))
            .toLowerCase()
            .replace(/\./g, '');
          if (!names.has(name)) names.set(name, i + 1);
        }
      }
    }
    monthNameCache.set(locale, names);
  }
  return names;
}

function monthByName(word: string, locale: string): number | undefined {
  const w = word.toLowerCase().replace(/\./g, '');
  if (w.length < 3) return undefined;
  const names = monthNames(locale);
  const exact = names.get(w);
  if (exact !== undefined) return exact;
  // "Agus", "Sept": a prefix of one month's name only.
  const hits = new Set([...names].filter(([n]) => n.startsWith(w)).map(([, m]) => m));
  return hits.size === 1 ? [...hits][0] : undefined;
}

export type TypedDateResult =
  { ok: true; date: string } | { ok: false; code: 'format' | 'impossible' };

/**
 * A calendar date typed by a person, read in the locale's order (id-ID: "01/10/2025" is
 * 1 October; en-US: 10 January), or with a month name ("17 Agustus 1990", "Aug 17, 1990"), or
 * ISO "1990-08-17". Returns "YYYY-MM-DD", or why it is not a date: a date that does not exist
 * ("31/02/1990") is `impossible`, never quietly dropped or moved. Empty text is null.
 */
export function parseTypedDate(text: string, locale: string): TypedDateResult | null {
  const v = text.trim();
  if (v === '') return null;
  const named =
    /^(\d{1,2})\s+([^\d\s,]+)\s*,?\s*(\d{4})$|^([^\d\s,]+)\s+(\d{1,2})\s*,?\s*(\d{4})$/u.exec(v);
  let r: DateTextResult;
  if (named) {
    const [dText, monthText, yText] = named[1]
      ? [named[1], named[2]!, named[3]!]
      : [named[5]!, named[4]!, named[6]!];
    const mo = monthByName(monthText, locale);
    if (mo === undefined) return { ok: false, code: 'format' };
    r = checked(Number(yText), mo, Number(dText));
  } else {
    // Only a date (no time), with a four-digit year: "1/10/25" is too easy to misread.
    if (!/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(v) || !/(^\d{4}[-/.])|([-/.]\d{4}$)/.test(v)) {
      return { ok: false, code: 'format' };
    }
    r = readDateText(v, dateOrderOf(locale));
  }
  if (!r.ok) return r;
  const { y, mo, d } = r.value;
  return {
    ok: true,
    date: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}

// ---- Time zones: a shop's wall clock, the same on every device -----------------------------

/** Is this a time zone Intl knows ("Asia/Jakarta")? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC (ms) at a moment: +7 h for Asia/Jakarta. */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The moment a wall-clock time in `timeZone` means (e.g. 10:00 in Asia/Makassar = 02:00 UTC).
 * Without a zone, the device's own zone (what older code did).
 */
export function zonedTimeToUtc(t: NaiveDateTime, timeZone?: string): number {
  if (!timeZone) return new Date(t.y, t.mo - 1, t.d, t.h, t.mi, t.s).getTime();
  const naive = Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s);
  const first = naive - zoneOffsetMs(timeZone, naive);
  const second = naive - zoneOffsetMs(timeZone, first);
  return second;
}

/** The calendar date "YYYY-MM-DD" of a moment in a zone (the device's when none is given). */
export function calendarDateIn(ms: number, timeZone?: string): string {
  if (!timeZone) return localCalendarDate(new Date(ms));
  const d = new Date(ms + zoneOffsetMs(timeZone, ms));
  return d.toISOString().slice(0, 10);
}

// ---- Shop-zone days: every "which day is this" and "when does that day start" ------------
//
// The shop's calendar is read in its zone (shared/shop-settings.ts SHOP_TIME_ZONE_KEY), so a
// device in WIB and one in WITA agree on which day a sale fell on, when points expire and
// which months a tier counts. `timeZone` undefined means the device's own zone (what a shop
// without the setting always had), except addMonthsIn, which then keeps its old UTC months.

const DAY = 86_400_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset at a moment (the device's zone when none is given). Cached per zone and
 * UTC day when the offset is the same at both ends of that day (no change of clocks in it).
 */
export function offsetIn(ms: number, timeZone?: string): number {
  if (!timeZone) return -new Date(ms).getTimezoneOffset() * 60_000;
  const bucket = Math.floor(ms / DAY);
  const key = `${timeZone}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const a = zoneOffsetMs(timeZone, bucket * DAY);
  const b = zoneOffsetMs(timeZone, (bucket + 1) * DAY - 1000);
  if (a !== b) return zoneOffsetMs(timeZone, ms);
  if (offsetCache.size > 20_000) offsetCache.clear();
  offsetCache.set(key, a);
  return a;
}

/** The moment a wall-clock time (as if it were UTC, in ms) means in a zone. */
function wallToUtc(wallMs: number, timeZone?: string): number {
  const first = wallMs - offsetIn(wallMs, timeZone);
  return wallMs - offsetIn(first, timeZone);
}

/** Days since 1970-01-01 of the calendar date a moment falls on in the zone. */
export function dayNumberIn(ms: number, timeZone?: string): number {
  return Math.floor((ms + offsetIn(ms, timeZone)) / DAY);
}

/**
 * The first moment of a calendar date in a zone (the device's when none is given): midnight,
 * or where the clocks skip midnight (Sao Paulo until 2019), the moment they jump.
 */
export function startOfDayIn(calendarDate: string, timeZone?: string): number | null {
  const d = parseCalendarDate(calendarDate);
  if (!d) return null;
  if (!timeZone) {
    return zonedTimeToUtc(
      { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: 0, mi: 0, s: 0 },
      timeZone,
    );
  }
  // Midnight read with each offset in force around the day; the earliest that is on the day.
  const naive = d.getTime();
  let best: number | null = null;
  for (const at of [naive - DAY, naive, naive + DAY]) {
    const t = naive - offsetIn(at, timeZone);
    if (calendarDateIn(t, timeZone) === calendarDate && (best === null || t < best)) best = t;
  }
  return best ?? wallToUtc(naive, timeZone);
}

/** The calendar date "YYYY-MM-DD" of a day number (see dayNumberIn). */
export function dayNumberDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" plus whole days, on the calendar (no zone involved). */
export function addCalendarDays(calendarDate: string, days: number): string | null {
  const d = parseCalendarDate(calendarDate);
  return d ? dayNumberDate(Math.round(d.getTime() / DAY) + days) : null;
}

/** The last millisecond of the zone's calendar day that `ms` falls on. */
export function endOfDayIn(ms: number, timeZone?: string): number {
  const next = dayNumberDate(dayNumberIn(ms, timeZone) + 1);
  return startOfDayIn(next, timeZone)! - 1;
}

/**
 * A day plus whole days at a wall-clock time in the zone: "tomorrow at 09:00" on the shop's
 * clock (`days` 1, `hour` 9), whatever zone the device is in.
 */
export function dayAtIn(ms: number, days: number, hour: number, timeZone?: string): number {
  const wall = (dayNumberIn(ms, timeZone) + days) * DAY + hour * 3_600_000;
  return wallToUtc(wall, timeZone);
}

/**
 * `ms` plus whole calendar months on the zone's wall clock; the day is clamped (31 Jan + 1
 * month = 28/29 Feb). Without a zone, UTC months (what the loyalty rules always used).
 */
export function addMonthsIn(ms: number, months: number, timeZone?: string): number {
  const offset = timeZone ? offsetIn(ms, timeZone) : 0;
  const d = new Date(ms + offset);
  const m = d.getUTCMonth() + months;
  const y = d.getUTCFullYear() + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const wall = Date.UTC(
    y,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return timeZone ? wallToUtc(wall, timeZone) : wall;
}
