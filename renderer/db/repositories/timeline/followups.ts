/**
 * Follow-ups: add, edit, done (with the next occurrence of a repeating one), reopen, snooze,
 * delete with undo, and the lists. Each write is one read-write transaction over `followUps` +
 * `meta`; contacts are read in it to refuse a write to an erased customer.
 */
import { newId } from '../../../../shared/ids';
import { nextFollowUpEventId } from '../../../../shared/event-ids';
import { applyPatch, createMutable, restore, tombstone } from '../../../../shared/records';
import { err, ok } from '../../../../shared/result';
import type { FollowUp } from '../../../../shared/schemas';
import type { TimelineResult } from '../../../../shared/timeline/errors';
import {
  followUpEdit,
  followUpFields,
  nextFollowUpFields,
} from '../../../../shared/timeline/followups';
import { parseFollowUpInput, type FollowUpInput } from '../../../../shared/timeline/inputs';
import { remindAt } from '../../../../shared/timeline/reminders';
import { isErasedContact } from '../../erased-contacts';
import { aliasIdsOf } from '../../identity';
import {
  erasedError,
  isOpenFollowUp,
  mustGet,
  withContacts,
  type TimelineContext,
} from './context';
import type { FollowUpView } from './types';

const byDoneNewest = (a: FollowUp, b: FollowUp) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '');

export function createFollowUps({ db, clock, now }: TimelineContext) {
  const rwFollowUps = <T>(fn: () => Promise<T>) =>
    db.transaction('rw', db.followUps, db.meta, db.contacts, fn);

  /** Change one follow-up in its own transaction; `change` returns the record to keep. */
  function change(
    id: string,
    fn: (current: FollowUp) => Promise<FollowUp | null>,
  ): Promise<FollowUp> {
    return rwFollowUps(async () => {
      const current = mustGet('followUp', await db.followUps.get(id), id);
      const record = await fn(current);
      if (!record) return current;
      if (record !== current) await db.followUps.put(record);
      return record;
    });
  }

  return {
    async addFollowUp(input: FollowUpInput): Promise<TimelineResult<FollowUp>> {
      const parsed = parseFollowUpInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwFollowUps(async () => {
        if (await isErasedContact(db, v.contactId)) return err([erasedError]);
        const at = now();
        const followUp: FollowUp = createMutable(followUpFields(v), {
          id: newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp: await clock.stamp(),
        });
        await db.followUps.add(followUp);
        return ok(followUp);
      });
    },

    /** Edit or reschedule (shared/timeline/followups.ts `followUpEdit`). */
    async updateFollowUp(id: string, input: FollowUpInput): Promise<TimelineResult<FollowUp>> {
      const parsed = parseFollowUpInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwFollowUps(async () => {
        const current = mustGet('followUp', await db.followUps.get(id), id);
        if (await isErasedContact(db, v.contactId)) return err([erasedError]);
        const patch = followUpEdit(current, v);
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.followUps.put(record);
        return ok(record);
      });
    },

    /**
     * Mark done. A repeating follow-up also gets its next occurrence (shared/timeline/
     * followups.ts `nextFollowUpFields`) as a new follow-up whose id is derived from this one,
     * so two devices completing the same follow-up offline make the same next one, not two.
     */
    async completeFollowUp(id: string): Promise<{ done: FollowUp; next: FollowUp | null }> {
      return rwFollowUps(async () => {
        const current = mustGet('followUp', await db.followUps.get(id), id);
        const at = now();
        const stamp = await clock.stamp();
        const { record: done } = applyPatch(current, { doneAt: at.toISOString() }, stamp);
        await db.followUps.put(done);
        const fields = nextFollowUpFields(current, at);
        if (!fields) return { done, next: null };
        // Derived from this follow-up only (not from "now"), so every device gets the same id.
        const nextId = nextFollowUpEventId(current.id, Date.parse(current.dueAt));
        const existing = await db.followUps.get(nextId);
        if (existing && !existing.deletedAt) return { done, next: existing };
        const base = createMutable(fields, { id: nextId, createdAt: at.toISOString(), stamp });
        const next = existing ? restore({ ...existing, ...base }, stamp) : base;
        await db.followUps.put(next);
        return { done, next };
      });
    },

    /** Undo "done": the follow-up is open again and the next occurrence it made is removed. */
    async reopenFollowUp(id: string, nextId?: string): Promise<FollowUp> {
      return rwFollowUps(async () => {
        const current = mustGet('followUp', await db.followUps.get(id), id);
        const stamp = await clock.stamp();
        const { record } = applyPatch(current, { doneAt: undefined }, stamp);
        await db.followUps.put(record);
        if (nextId) {
          const next = await db.followUps.get(nextId);
          if (next && !next.deletedAt) await db.followUps.put(tombstone(next, stamp));
        }
        return record;
      });
    },

    /** Remind again at `until` (the due date stays, so it still shows as overdue meanwhile). */
    async snoozeFollowUp(id: string, until: Date): Promise<FollowUp> {
      return change(id, async (current) => {
        const snoozedUntil = until.toISOString();
        const { record, changed } = applyPatch(current, { snoozedUntil }, await clock.stamp());
        return changed.length > 0 ? record : current;
      });
    },

    async removeFollowUp(id: string): Promise<FollowUp> {
      return change(id, async (current) =>
        current.deletedAt ? null : tombstone(current, await clock.stamp()),
      );
    },

    async restoreFollowUp(id: string): Promise<FollowUp> {
      return change(id, async (current) =>
        current.deletedAt ? restore(current, await clock.stamp()) : null,
      );
    },

    async getFollowUp(id: string): Promise<FollowUp | undefined> {
      const f = await db.followUps.get(id);
      return f && !f.deletedAt ? f : undefined;
    },

    /** A contact's follow-ups (with merged duplicates): open ones by due time, then done ones. */
    async followUpsForContact(contactId: string): Promise<FollowUp[]> {
      const ids = await aliasIdsOf(db, contactId);
      const all = await db.followUps.where('contactId').anyOf(ids).toArray();
      const live = all.filter((f) => !f.deletedAt);
      const open = live.filter(isOpenFollowUp).sort((a, b) => remindAt(a) - remindAt(b));
      const done = live.filter((f) => f.doneAt !== undefined).sort(byDoneNewest);
      return [...open, ...done];
    },

    /** Every open follow-up, soonest (effective) due first, with its contact. */
    async openFollowUps(): Promise<FollowUpView[]> {
      // One getAll, filtered here: a Dexie filter() walks a cursor, a round trip per row. Ties
      // keep the due-index order the list had when it walked that index (due text, then id).
      const open = (await db.followUps.toArray())
        .filter(isOpenFollowUp)
        .sort(
          (a, b) =>
            remindAt(a) - remindAt(b) ||
            (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        );
      return withContacts(db, open, (followUp, contact) => ({ followUp, contact }));
    },

    /** Recently done follow-ups, newest first. */
    async doneFollowUps(limit = 200): Promise<FollowUpView[]> {
      const done = (await db.followUps.toArray())
        .filter((f) => f.doneAt !== undefined && !f.deletedAt)
        .sort(byDoneNewest)
        .slice(0, limit);
      return withContacts(db, done, (followUp, contact) => ({ followUp, contact }));
    },
  };
}
