/**
 * Interactions (notes, calls, WhatsApp chats, visits, e-mails, complaints), the complaint
 * workflow, the WhatsApp log and a contact's timeline. Each write is one read-write transaction
 * over `notes` + `meta` (the clock); contacts are read in it to refuse a write to an erased
 * customer. Deletes are tombstones with undo.
 */
import { newId } from '../../../../shared/ids';
import { applyPatch, createMutable, restore, tombstone } from '../../../../shared/records';
import { err, ok } from '../../../../shared/result';
import type { FollowUp, LedgerEntry, Note, Sale } from '../../../../shared/schemas';
import {
  complaintStatusPatch,
  isOpenComplaint,
  startsOpen,
} from '../../../../shared/timeline/complaints';
import type { TimelineResult } from '../../../../shared/timeline/errors';
import {
  parseInteractionInput,
  parseResolutionInput,
  type InteractionInput,
  type ResolutionInput,
} from '../../../../shared/timeline/inputs';
import { isErasedContact } from '../../erased-contacts';
import { aliasIdsOf, contactEvents } from '../../identity';
import { erasedError, mustGet, withContacts, type TimelineContext } from './context';
import type { ComplaintView, TimelineItem, TimelineKind } from './types';

const isLiveNote = (n: Note) => n.deletedAt === undefined;

/** `kinds` empty = every kind. */
const wanted = (kinds: readonly TimelineKind[]) => (k: TimelineKind) =>
  kinds.length === 0 || kinds.includes(k);

/** ISO strings with offsets do not sort as text: instants, newest first, then ids for stability. */
const newestFirst = (a: TimelineItem, b: TimelineItem) =>
  Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id);

/**
 * A contact's timeline entries from the rows read (the timeline and its pages share it): live
 * notes of the wanted kinds, sales, done follow-ups (at their done time) and points entries.
 * Synchronous, so the reads stay in the caller's live-query zone.
 */
function itemsOf(
  want: (k: TimelineKind) => boolean,
  notes: readonly Note[],
  sales: readonly Sale[],
  followUps: readonly FollowUp[],
  ledger: readonly LedgerEntry[],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const note of notes)
    if (isLiveNote(note) && want(note.kind))
      items.push({ type: 'note', at: note.at, id: note.id, note });
  for (const sale of sales) items.push({ type: 'sale', at: sale.at, id: sale.id, sale });
  for (const f of followUps)
    if (f.doneAt !== undefined && !f.deletedAt)
      items.push({ type: 'followup', at: f.doneAt, id: f.id, followUp: f });
  for (const entry of ledger) items.push({ type: 'points', at: entry.at, id: entry.id, entry });
  return items;
}

export function createNotes({ db, clock, now }: TimelineContext) {
  const rwNotes = <T>(fn: () => Promise<T>) =>
    db.transaction('rw', db.notes, db.meta, db.contacts, fn);

  /** Record an interaction; a complaint starts open. Empty text is refused, long text kept. */
  async function addInteraction(input: InteractionInput): Promise<TimelineResult<Note>> {
    const parsed = parseInteractionInput(input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return rwNotes(async () => {
      if (await isErasedContact(db, v.contactId)) return err([erasedError]);
      const at = now();
      const note: Note = createMutable(
        {
          contactId: v.contactId,
          kind: v.kind,
          at: v.at,
          text: v.text,
          outcome: v.outcome.trim() === '' ? undefined : v.outcome,
          complaintStatus: startsOpen(v.kind),
        },
        { id: newId(at.getTime()), createdAt: at.toISOString(), stamp: await clock.stamp() },
      );
      await db.notes.add(note);
      return ok(note);
    });
  }

  /** A tombstone (`remove`) or its undo (`restore`): no-op when already in that state. */
  function setDeleted(id: string, deleted: boolean): Promise<Note> {
    return rwNotes(async () => {
      const current = mustGet('note', await db.notes.get(id), id);
      if ((current.deletedAt !== undefined) === deleted) return current;
      const stamp = await clock.stamp();
      const record = deleted ? tombstone(current, stamp) : restore(current, stamp);
      await db.notes.put(record);
      return record;
    });
  }

  return {
    addInteraction,

    /** Correct an interaction; only fields that changed get new stamps. */
    async updateInteraction(id: string, input: InteractionInput): Promise<TimelineResult<Note>> {
      const parsed = parseInteractionInput(input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      return rwNotes(async () => {
        const current = mustGet('note', await db.notes.get(id), id);
        const open = startsOpen(v.kind, current);
        const patch: Partial<Note> = {
          kind: v.kind,
          at: v.at,
          text: v.text,
          outcome: v.outcome.trim() === '' ? undefined : v.outcome,
          ...(open && { complaintStatus: open }),
        };
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.notes.put(record);
        return ok(record);
      });
    },

    /**
     * Move a complaint along open -> in progress -> resolved (shared/timeline/complaints.ts
     * `complaintStatusPatch`: resolving needs resolution text and stamps `resolvedAt`).
     */
    async setComplaintStatus(id: string, input: ResolutionInput): Promise<TimelineResult<Note>> {
      const parsed = parseResolutionInput(input);
      if (!parsed.ok) return parsed;
      const { status, resolution } = parsed.value;
      return rwNotes(async () => {
        const current = mustGet('note', await db.notes.get(id), id);
        const patch = complaintStatusPatch(current, status, resolution, now().toISOString());
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.notes.put(record);
        return ok(record);
      });
    },

    removeInteraction: (id: string): Promise<Note> => setDeleted(id, true),

    restoreInteraction: (id: string): Promise<Note> => setDeleted(id, false),

    /**
     * A contact's timeline, newest first: interactions, sales and points events of the contact
     * and of every duplicate merged into it. `kinds` (empty or absent = all) filters it.
     */
    async timeline(
      contactId: string,
      kinds: readonly TimelineKind[] = [],
    ): Promise<TimelineItem[]> {
      const want = wanted(kinds);
      const notes = await contactEvents(db, 'notes', contactId);
      const sales = want('sale') ? await contactEvents(db, 'sales', contactId) : [];
      const followUps = want('followup')
        ? await db.followUps
            .where('contactId')
            .anyOf(await aliasIdsOf(db, contactId))
            .toArray()
        : [];
      const ledger = want('points') ? await contactEvents(db, 'ledger', contactId) : [];
      return itemsOf(want, notes, sales, followUps, ledger).sort(newestFirst);
    },

    /**
     * The newest `limit` entries of a contact's timeline (as `timeline`, newest first) and
     * whether there are older ones: each kind is read backwards by its [contactId+at] index,
     * at most `limit` rows, so a regular with 5,000 sales opens on one page, not every event.
     * A kind that filled its `limit` is complete only down to its oldest row read: nothing
     * older than that is shown (the next, longer page brings it in order).
     */
    async timelinePage(
      contactId: string,
      kinds: readonly TimelineKind[],
      limit: number,
    ): Promise<{ items: TimelineItem[]; more: boolean }> {
      const want = wanted(kinds);
      let floor = -Infinity;
      let more = false;
      // Across merged aliases each read is newest-first on its own: the page's floor is the
      // latest "oldest row read" of any alias list that was cut. Synchronous on purpose: an
      // async helper around the Dexie reads would lose the live query's zone, and the page
      // would no longer re-run when a follow-up is marked done (Dexie tracks reads per zone).
      const cut = <R extends { contactId: string; at: string }>(rows: R[]): R[] => {
        const byAlias = new Map<string, number[]>();
        for (const r of rows) {
          const list = byAlias.get(r.contactId) ?? [];
          list.push(Date.parse(r.at));
          byAlias.set(r.contactId, list);
        }
        for (const times of byAlias.values()) {
          if (times.length < limit) continue;
          more = true;
          floor = Math.max(floor, Math.min(...times));
        }
        return rows;
      };
      const page = { newest: limit };
      const notes = cut(await contactEvents(db, 'notes', contactId, page));
      const sales = want('sale') ? cut(await contactEvents(db, 'sales', contactId, page)) : [];
      const followUps = want('followup')
        ? await db.followUps
            .where('contactId')
            .anyOf(await aliasIdsOf(db, contactId))
            .toArray()
        : [];
      const ledger = want('points') ? cut(await contactEvents(db, 'ledger', contactId, page)) : [];
      const items = itemsOf(want, notes, sales, followUps, ledger);
      const sorted = items.filter((i) => Date.parse(i.at) >= floor).sort(newestFirst);
      if (sorted.length > limit || sorted.length < items.length) more = true;
      return { items: sorted.slice(0, limit), more };
    },

    /** Complaints not yet resolved: of one contact (with its merged duplicates) or of everyone. */
    async openComplaints(contactId?: string): Promise<ComplaintView[]> {
      let notes = await db.notes.where('kind').equals('complaint').toArray();
      if (contactId !== undefined) {
        const ids = new Set(await aliasIdsOf(db, contactId));
        notes = notes.filter((n) => ids.has(n.contactId));
      }
      const open = notes
        .filter(isOpenComplaint)
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      return withContacts(db, open, (note, contact) => ({ note, contact }));
    },

    /** Record that a WhatsApp message was sent (or a chat opened) from the app. */
    async logWhatsApp(contactId: string, text: string): Promise<TimelineResult<Note>> {
      return addInteraction({ contactId, kind: 'whatsapp', at: now().toISOString(), text });
    },
  };
}
