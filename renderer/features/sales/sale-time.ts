import { calendarDateIn, parseCalendarDate, zonedTimeToUtc } from '../../../shared/dates';

/**
 * The moment recorded for a sale (or refund) entered by date: now when it is today (so the
 * day's sales keep their order), else noon of that day in the shop's time zone (the device's
 * when the shop has none).
 */
export function saleMoment(
  calendarDate: string,
  timeZone?: string,
  now: Date = new Date(),
): string | null {
  const d = parseCalendarDate(calendarDate);
  if (!d) return null;
  if (calendarDate === calendarDateIn(now.getTime(), timeZone)) return now.toISOString();
  const noon = { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: 12 };
  return new Date(zonedTimeToUtc({ ...noon, mi: 0, s: 0 }, timeZone)).toISOString();
}
