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
