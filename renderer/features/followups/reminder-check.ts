import {
  planReminders,
  type Reminder,
  type ReminderSource,
} from '../../../shared/timeline/reminders';

/** What one reminder check needs from the timeline repository (per-device meta + follow-ups). */
export interface ReminderStore {
  reminderSources(): Promise<readonly ReminderSource[]>;
  lastReminderCheck(): Promise<number | null>;
  claimReminderWindow(from: number | null, to: number): Promise<boolean>;
}

/** A claim lost to another window is retried at once this many times before waiting. */
const CLAIM_ATTEMPTS = 3;
const RETRY_MS = 1000;

/**
 * One reminder check: plan from the stored last check to now, claim that window, and show what
 * fell due. Returns how long to wait before the next check.
 *
 * When another window (or an overlapping check of this one) moved the last check first, the
 * window (its check, now] is still unclaimed: re-read and try again at once rather than leave
 * a due reminder waiting for the next timer, which can be a minute away.
 */
export async function runReminderCheck(
  store: ReminderStore,
  sessionStart: number,
  show: (due: Reminder[]) => Promise<void>,
  clock: () => number = Date.now,
): Promise<number> {
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const [sources, last] = await Promise.all([store.reminderSources(), store.lastReminderCheck()]);
    const now = clock();
    const plan = planReminders(sources, last, now, sessionStart);
    // This device's clock is behind its last check: nothing can be claimed until it catches up.
    if (last !== null && now <= last) return plan.delayMs;
    if (await store.claimReminderWindow(last, now)) {
      if (plan.due.length > 0) await show(plan.due);
      return plan.delayMs;
    }
  }
  // Still contended: look again soon, not in a minute.
  return RETRY_MS;
}
