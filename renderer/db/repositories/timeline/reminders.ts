/**
 * Reminders, per device: when this device last showed them (in `meta`, never synced) and the
 * open follow-ups the scheduler (renderer/features/followups/ReminderScheduler.tsx) plans from.
 */
import type { FollowUp } from '../../../../shared/schemas';
import { isOpenFollowUp, type TimelineContext } from './context';

/** Per-device, never synced: when this device last showed reminders. */
export const LAST_REMINDER_CHECK_KEY = 'timeline.lastReminderCheck';

/** The stored last check (ms), or null when there is none or it is unreadable. */
const lastCheckOf = (row: { value: unknown } | undefined): number | null => {
  const ms = row ? Number(row.value) : NaN;
  return Number.isFinite(ms) ? ms : null;
};

export function createReminders({ db }: TimelineContext) {
  return {
    async lastReminderCheck(): Promise<number | null> {
      return lastCheckOf(await db.meta.get(LAST_REMINDER_CHECK_KEY));
    },

    /**
     * Claim the reminders due in (from, to]: moves the last check from `from` to `to` only if
     * no other window of the app moved it first. The caller shows the reminders only when this
     * returns true, so two open windows never show the same reminder twice.
     */
    async claimReminderWindow(from: number | null, to: number): Promise<boolean> {
      return db.transaction('rw', db.meta, async () => {
        const current = lastCheckOf(await db.meta.get(LAST_REMINDER_CHECK_KEY));
        if (current !== from || (from !== null && to <= from)) return false;
        await db.meta.put({ key: LAST_REMINDER_CHECK_KEY, value: String(to) });
        return true;
      });
    },

    /** Open follow-ups as reminder sources, for the scheduler. */
    async reminderSources(): Promise<FollowUp[]> {
      // One getAll: a Dexie filter() walks a cursor, a round trip per row.
      return (await db.followUps.toArray()).filter(isOpenFollowUp);
    },
  };
}
