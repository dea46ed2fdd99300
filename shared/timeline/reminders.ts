/**
 * Reminder scheduling, pure: given the follow-ups, the last time this device checked, and now,
 * which reminders fire, which were missed while the app was closed, and when to look again.
 * The renderer runs it with the real clock; tests run it with a fake one.
 */

export interface ReminderSource {
  id: string;
  contactId: string;
  title: string;
  dueAt: string;
  doneAt?: string;
  snoozedUntil?: string;
  deletedAt?: string;
}

export interface Reminder {
  followUpId: string;
  contactId: string;
  title: string;
  /** When it was meant to fire (the due time, or the end of a snooze). */
  at: string;
  /** It came due before this session started: the app was closed at the time. */
  missed: boolean;
}

/** The longest a timer waits before re-checking, so a sleeping laptop or a changed clock is noticed soon. */
export const MAX_TIMER_MS = 60_000;

/** When a follow-up's reminder fires: the end of its snooze if later than the due time. */
export function remindAt(f: ReminderSource): number {
  const due = Date.parse(f.dueAt);
  const snooze = f.snoozedUntil ? Date.parse(f.snoozedUntil) : NaN;
  return Number.isNaN(snooze) ? due : Math.max(due, snooze);
}

const isActive = (f: ReminderSource) => f.doneAt === undefined && f.deletedAt === undefined;

export interface ReminderPlan {
  /** Reminders to show now, oldest first. */
  due: Reminder[];
  /** The next moment one will fire, or null when nothing is pending. */
  nextAt: number | null;
  /** How long to wait before running the plan again (0 <= delay <= MAX_TIMER_MS). */
  delayMs: number;
}

/**
 * Plan reminders. A reminder is due when its time is in (lastCheck, now]: each fires once per
 * device, because the caller saves `now` as the new lastCheck after showing them. On a device
 * that never checked (lastCheck null) nothing is "missed": the first run only starts the clock.
 * `sessionStart` is when the app opened; reminders whose time is before it are marked missed.
 */
export function planReminders(
  followUps: readonly ReminderSource[],
  lastCheck: number | null,
  now: number,
  sessionStart: number,
): ReminderPlan {
  const due: Reminder[] = [];
  let nextAt: number | null = null;
  for (const f of followUps) {
    if (!isActive(f)) continue;
    const at = remindAt(f);
    if (Number.isNaN(at)) continue;
    if (at > now) {
      if (nextAt === null || at < nextAt) nextAt = at;
    } else if (lastCheck !== null && at > lastCheck) {
      due.push({
        followUpId: f.id,
        contactId: f.contactId,
        title: f.title,
        at: new Date(at).toISOString(),
        missed: at < sessionStart,
      });
    }
  }
  due.sort((a, b) => a.at.localeCompare(b.at));
  return { due, nextAt, delayMs: timerDelay(nextAt, now) };
}

/** Milliseconds until `nextAt`, clamped to [0, MAX_TIMER_MS]. */
export function timerDelay(nextAt: number | null, now: number): number {
  if (nextAt === null) return MAX_TIMER_MS;
  return Math.min(MAX_TIMER_MS, Math.max(0, nextAt - now));
}

/** The tag a reminder notification carries, and back: a click on it opens the contact. */
export function reminderTag(r: Pick<Reminder, 'followUpId' | 'contactId'>): string {
  return `followup:${r.followUpId}:${r.contactId}`;
}

export function parseReminderTag(tag: string): { followUpId: string; contactId: string } | null {
  const m = /^followup:([0-9A-HJKMNP-TV-Z]{26}):([0-9A-HJKMNP-TV-Z]{26})$/.exec(tag);
  return m ? { followUpId: m[1]!, contactId: m[2]! } : null;
}

/**
 * How many separate OS notifications to show at once; more than this become one summary, so
 * opening the app after a holiday does not bury the screen.
 */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
