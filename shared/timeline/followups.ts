/**
 * The rules of a follow-up's life that do not need the database: what an edit changes, and the
 * next occurrence of a repeating one when it is done.
 */
import type { FollowUp } from '../schemas';
import { nextDue } from './recurrence';

/** The follow-up's own fields, as the form gives them after validation. */
export interface FollowUpFields {
  contactId: string;
  title: string;
  note: string;
  dueAt: string;
  repeat: FollowUp['repeat'];
}

/** The stored fields of `v`: an empty note is no note. */
export function followUpFields(
  v: FollowUpFields,
): Pick<FollowUp, 'contactId' | 'title' | 'note' | 'dueAt' | 'repeat'> {
  return {
    contactId: v.contactId,
    title: v.title,
    note: v.note.trim() === '' ? undefined : v.note,
    dueAt: v.dueAt,
    repeat: v.repeat,
  };
}

/**
 * An edit of `current`. A new due time ends any snooze (the user chose a time) and restarts a
 * repeating series from that time.
 */
export function followUpEdit(
  current: Pick<FollowUp, 'dueAt'>,
  v: FollowUpFields,
): Partial<FollowUp> {
  const patch: Partial<FollowUp> = followUpFields(v);
  if (v.dueAt !== current.dueAt) {
    patch.snoozedUntil = undefined;
    patch.repeatAnchor = undefined;
  }
  return patch;
}

/**
 * The fields of the next occurrence of `current`, done at `doneAt`, or null when it does not
 * repeat (shared/timeline/recurrence.ts `nextDue`: never in the past, counted from the series'
 * anchor so a late completion does not drift).
 */
export function nextFollowUpFields(
  current: Pick<
    FollowUp,
    'id' | 'contactId' | 'title' | 'note' | 'dueAt' | 'repeat' | 'repeatAnchor'
  >,
  doneAt: Date,
): Pick<
  FollowUp,
  'contactId' | 'title' | 'note' | 'dueAt' | 'repeat' | 'repeatAnchor' | 'previousId'
> | null {
  const anchor = new Date(current.repeatAnchor ?? current.dueAt);
  const due = nextDue(current.repeat, new Date(current.dueAt), doneAt, anchor);
  if (!due) return null;
  return {
    contactId: current.contactId,
    title: current.title,
    note: current.note,
    dueAt: due.toISOString(),
    repeat: current.repeat,
    repeatAnchor: anchor.toISOString(),
    previousId: current.id,
  };
}
