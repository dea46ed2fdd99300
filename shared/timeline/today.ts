/** The Today screen's rules: which follow-ups are overdue or due today, whose birthday is near. */
import { endOfDayIn, localCalendarDate, parseCalendarDate } from '../dates';
import { remindAt, type ReminderSource } from './reminders';

/**
 * The last millisecond of the calendar day that `now` is in, on the shop's clock (`timeZone`;
 * the device's when unset).
 */
export function endOfLocalDay(now: Date, timeZone?: string): Date {
  return new Date(endOfDayIn(now.getTime(), timeZone));
}

export interface FollowUpBuckets<F> {
  /** Effective due time (due, or end of snooze) already passed; oldest first. */
  overdue: F[];
  /** Due later today; soonest first. */
  today: F[];
}

/** Split open follow-ups into overdue and due-today; done, deleted and later ones are left out. */
export function bucketFollowUps<F extends ReminderSource>(
  followUps: readonly F[],
  now: Date,
  timeZone?: string,
): FollowUpBuckets<F> {
  const nowMs = now.getTime();
  const end = endOfLocalDay(now, timeZone).getTime();
  const open = followUps
    .filter((f) => f.doneAt === undefined && f.deletedAt === undefined)
    .map((f) => ({ f, at: remindAt(f) }))
    .filter((x) => !Number.isNaN(x.at))
    .sort((a, b) => a.at - b.at);
  return {
    overdue: open.filter((x) => x.at < nowMs).map((x) => x.f),
    today: open.filter((x) => x.at >= nowMs && x.at <= end).map((x) => x.f),
  };
}

/** Is this follow-up overdue now (shown in red everywhere)? */
export function isOverdue(f: ReminderSource, now: Date): boolean {
  return f.doneAt === undefined && f.deletedAt === undefined && remindAt(f) < now.getTime();
}

export interface UpcomingBirthday {
  contactId: string;
  /** This year's (or next year's) birthday, "YYYY-MM-DD". */
  date: string;
  /** 0 = today. */
  inDays: number;
  /** The age they turn, when the birth year is known and plausible. */
  turns: number | null;
}

/**
 * Birthdays from `today` (a local calendar date) to `days` days ahead, soonest first. A 29
 * February birthday is celebrated on 28 February in other years.
 */
export function upcomingBirthdays(
  contacts: readonly { id: string; birthday?: string }[],
  today: string,
  days = 7,
): UpcomingBirthday[] {
  const start = parseCalendarDate(today);
  if (!start) return [];
  const out: UpcomingBirthday[] = [];
  for (const c of contacts) {
    const born = c.birthday ? parseCalendarDate(c.birthday) : null;
    if (!born) continue;
    for (const year of [start.getUTCFullYear(), start.getUTCFullYear() + 1]) {
      const month = born.getUTCMonth();
      const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      const date = new Date(Date.UTC(year, month, Math.min(born.getUTCDate(), lastDay)));
      const inDays = Math.round((date.getTime() - start.getTime()) / 86_400_000);
      if (inDays >= 0 && inDays <= days) {
        const turns = year - born.getUTCFullYear();
        out.push({
          contactId: c.id,
          date: date.toISOString().slice(0, 10),
          inDays,
          turns: turns > 0 && turns < 130 ? turns : null,
        });
        break;
      }
    }
  }
  return out.sort((a, b) => a.inDays - b.inDays);
}

/** Today's local calendar date (re-exported so features need one import). */
export const todayLocal = (now: Date): string => localCalendarDate(now);
