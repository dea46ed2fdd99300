import { localCalendarDate, parseCalendarDate } from '../../../shared/dates';

/**
 * The moment recorded for a sale entered by date: now when it is today (so the day's sales
 * keep their order), else noon of that day in the device's time zone.
 */
export function saleMoment(calendarDate: string, now: Date = new Date()): string | null {
  const d = parseCalendarDate(calendarDate);
  if (!d) return null;
  if (calendarDate === localCalendarDate(now)) return now.toISOString();
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12).toISOString();
}
