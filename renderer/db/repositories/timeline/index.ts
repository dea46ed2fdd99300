/**
 * Repository for notes and interactions, follow-ups, message templates, the Today screen's
 * lists and reminders, one file per operation group. Each user action is one read-write
 * transaction (its table + `meta` for the clock); deletes are tombstones with undo. Sales and
 * the loyalty ledger are read, never written here.
 */
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import type { TimelineContext } from './context';
import { createFollowUps } from './followups';
import { createNotes } from './notes';
import { createReminders } from './reminders';
import { createTemplates } from './templates';
import { createToday } from './today';

export type * from './types';
export { LAST_REMINDER_CHECK_KEY } from './reminders';

export function createTimelineRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const ctx: TimelineContext = { db, clock, now };
  return {
    ...createNotes(ctx),
    ...createFollowUps(ctx),
    ...createTemplates(ctx),
    ...createToday(ctx),
    ...createReminders(ctx),
  };
}

export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
