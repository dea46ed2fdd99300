/**
 * Duplicates and merges (ARCHITECTURE.md "Merged contacts"): find likely pairs, warn on save,
 * merge one or a group into a survivor, and undo.
 */
import { contactIndexFields } from '../../../../shared/contact-index';
import { parseContactInput, type ContactInput } from '../../../../shared/contact-input';
import {
  findDuplicatePairs,
  sharedKeyReasons,
  type DuplicatePair,
} from '../../../../shared/contacts/duplicates';
import { planMerge } from '../../../../shared/contacts/merge';
import { isErased } from '../../../../shared/privacy/erase';
import { applyPatch } from '../../../../shared/records';
import type { Contact } from '../../../../shared/schemas';
import { ok } from '../../../../shared/result';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import { ContactNotFoundError, ErasedContactError } from '../../errors';
import { fromRow, isLive, patchRow, toRow, type ContactsContext } from './context';
import type { ContactWrites, SaveResult } from './write';

/** Survivor fields a merge filled that are still as the merge left them: back to before. */
function undoPatch(current: Contact, merged: { before: Contact; after: Contact }) {
  const same = (x: unknown, y: unknown) => canonicalJson(x ?? null) === canonicalJson(y ?? null);
  const patch: Record<string, unknown> = {};
  const fields = new Set([...Object.keys(merged.before), ...Object.keys(merged.after)]);
  for (const field of fields) {
    if (['id', 'createdAt', 'updatedAt', 'stamps'].includes(field)) continue;
    const f = field as keyof Contact;
    if (!same(merged.after[f], merged.before[f]) && same(current[f], merged.after[f]))
      patch[field] = merged.before[f];
  }
  return patch as Partial<Contact>;
}

export function contactMerges({ db, clock, rw }: ContactsContext, writes: ContactWrites) {
  /**
   * Merge duplicate `loserId` into `survivorId` (shared/contacts/merge.ts): the survivor
   * gets the union of the loser's fields, the loser gets `mergedInto`; both are stamped
   * changes that sync like any edit. Events are not touched: they resolve through the alias.
   */
  async function merge(loserId: string, survivorId: string): Promise<Contact> {
    if (loserId === survivorId) throw new Error('A contact cannot be merged into itself');
    return rw(async () => {
      const [loserRow, survivorRow] = await db.contacts.bulkGet([loserId, survivorId]);
      if (!loserRow || !isLive(loserRow)) throw new ContactNotFoundError(loserId);
      if (!survivorRow || !isLive(survivorRow)) throw new ContactNotFoundError(survivorId);
      // Merging would copy one person's data onto an erased id, or an erased one's onto a live one.
      if (isErased(loserRow)) throw new ErasedContactError(loserId);
      if (isErased(survivorRow)) throw new ErasedContactError(survivorId);
      const stamp = await clock.stamp();
      const loser = fromRow(loserRow);
      const survivor = fromRow(survivorRow);
      const { record } = applyPatch<Contact>(survivor, planMerge(loser, survivor), stamp);
      const merged = applyPatch<Contact>(loser, { mergedInto: survivorId }, stamp).record;
      await db.contacts.bulkPut([toRow(record, stamp), toRow(merged, stamp)]);
      return record;
    });
  }

  /** Undo a merge: the loser is its own contact again (the survivor keeps what it gained). */
  async function unmerge(loserId: string): Promise<void> {
    await rw(async () => {
      const row = await db.contacts.get(loserId);
      if (!row || row.mergedInto === undefined) return;
      const next = patchRow(row, { mergedInto: undefined }, await clock.stamp());
      if (next) await db.contacts.put(next);
    });
  }

  return {
    /** Likely duplicate pairs among live contacts (shared/contacts/duplicates.ts). */
    async duplicatePairs(): Promise<{ pair: DuplicatePair; a: Contact; b: Contact }[]> {
      const live = (await db.contacts.toArray()).filter(isLive);
      const byId = new Map(live.map((c) => [c.id, c]));
      return findDuplicatePairs(live).map((pair) => ({
        pair,
        a: fromRow(byId.get(pair.a)!),
        b: fromRow(byId.get(pair.b)!),
      }));
    },

    merge,

    /**
     * Live contacts that already have a phone number or e-mail address of this form's values
     * (the warning on save), with the reason; `exceptId` is the contact being edited.
     */
    async existingMatches(
      input: ContactInput,
      exceptId?: string,
    ): Promise<{ contact: Contact; reasons: ('phone' | 'email')[] }[]> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return [];
      const keys = contactIndexFields(parsed.fields);
      const rows = [
        ...(keys.phoneKeys.length > 0
          ? await db.contacts.where('phoneKeys').anyOf(keys.phoneKeys).toArray()
          : []),
        ...(keys.emailKeys.length > 0
          ? await db.contacts.where('emailKeys').anyOf(keys.emailKeys).toArray()
          : []),
      ];
      const out = new Map<string, { contact: Contact; reasons: ('phone' | 'email')[] }>();
      for (const row of rows) {
        if (!isLive(row) || row.id === exceptId || out.has(row.id)) continue;
        const contact = fromRow(row);
        const reasons = sharedKeyReasons(parsed.fields, contact);
        if (reasons.length > 0) out.set(row.id, { contact, reasons });
      }
      return [...out.values()].sort((a, b) => a.contact.name.localeCompare(b.contact.name));
    },

    /**
     * Save the form (a new contact, or `editing` one) and merge it into `survivorId` at once,
     * in one transaction: the choice "merge" of the duplicate warning.
     */
    async saveInto(
      survivorId: string,
      input: ContactInput,
      editing?: { id: string; base?: ContactInput },
    ): Promise<SaveResult> {
      return rw(async () => {
        const saved = editing
          ? await writes.update(editing.id, input, editing.base)
          : await writes.create(input);
        if (!saved.ok) return saved;
        return ok(await merge(saved.value.id, survivorId));
      }, [db.history]);
    },

    /**
     * Merge every contact of `loserIds` into `survivorId` in one transaction (a duplicate
     * group). Returns the survivor before and after, for `undoMergeGroup`.
     */
    async mergeGroup(
      survivorId: string,
      loserIds: readonly string[],
    ): Promise<{ before: Contact; after: Contact }> {
      return rw(async () => {
        const row = await db.contacts.get(survivorId);
        if (!row || !isLive(row)) throw new ContactNotFoundError(survivorId);
        const before = fromRow(row);
        let after = before;
        for (const id of loserIds) after = await merge(id, survivorId);
        return { before, after };
      });
    },

    /**
     * Undo `mergeGroup`: the merged contacts are their own again, and each survivor field the
     * merge filled goes back to what it was, unless it was changed since (that change stays).
     */
    async undoMergeGroup(
      loserIds: readonly string[],
      merged: { before: Contact; after: Contact },
    ): Promise<void> {
      await rw(async () => {
        for (const id of loserIds) await unmerge(id);
        const row = await db.contacts.get(merged.before.id);
        if (!row || !isLive(row)) return;
        const patch = undoPatch(fromRow(row), merged);
        if (Object.keys(patch).length === 0) return;
        const next = patchRow(row, patch, await clock.stamp());
        if (next) await db.contacts.put(next);
      });
    },

    unmerge,
  };
}
