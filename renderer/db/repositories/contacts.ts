/**
 * Contacts repository: the only way features read or write contacts. Each user action is one
 * read-write transaction that validates, stamps (HLC + ULID) and writes; deletes are tombstones.
 */
import { contactIndexFields } from '../../../shared/contact-index';
import {
  parseContactInput,
  type ContactInput,
  type FieldError,
} from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { phoneQueryDigits } from '../../../shared/phone';
import { applyPatch, createMutable, restore, tombstone } from '../../../shared/records';
import type { Contact } from '../../../shared/schemas';
import { foldText, wordTokens } from '../../../shared/text';
import type { DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';

export type SaveResult = { ok: true; contact: Contact } | { ok: false; errors: FieldError[] };

export class ContactNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`Contact ${id} not found`);
    this.name = 'ContactNotFoundError';
  }
}

function toRow(contact: Contact): ContactRow {
  return { ...contact, ...contactIndexFields(contact) };
}

/** The stored contact without its derived index keys. */
export function fromRow(row: ContactRow): Contact {
  const { sortKey: _s, nameTokens: _n, phoneKeys: _p, tagKeys: _t, ...contact } = row;
  return contact;
}

const isLive = (c: ContactRow): boolean => c.deletedAt === undefined && c.mergedInto === undefined;

export function createContactsRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const rw = <T>(fn: () => Promise<T>) => db.transaction('rw', db.contacts, db.meta, fn);

  return {
    async create(input: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return parsed;
      return rw(async () => {
        const at = now();
        const contact: Contact = createMutable(parsed.fields, {
          id: newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp: await clock.stamp(),
        });
        await db.contacts.add(toRow(contact));
        return { ok: true, contact };
      });
    },

    /** Save the form over an existing contact; only fields that changed get new stamps. */
    async update(id: string, input: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return parsed;
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row || row.deletedAt) throw new ContactNotFoundError(id);
        const current = fromRow(row);
        // Every form field is sent, so a cleared optional field is an explicit `undefined`.
        const patch = { email: undefined, birthday: undefined, ...parsed.fields };
        const { record, changed } = applyPatch(current, patch, await clock.stamp());
        if (changed.length > 0) await db.contacts.put(toRow(record));
        return { ok: true, contact: record };
      });
    },

    /** Tombstone a contact. Returns it so the caller can offer undo. */
    async remove(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (row.deletedAt) return fromRow(row);
        const record = tombstone(fromRow(row), await clock.stamp());
        await db.contacts.put(toRow(record));
        return record;
      });
    },

    /** Undo a delete. */
    async restore(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (!row.deletedAt) return fromRow(row);
        const record = restore(fromRow(row), await clock.stamp());
        await db.contacts.put(toRow(record));
        return record;
      });
    },

    async get(id: string): Promise<Contact | undefined> {
      const row = await db.contacts.get(id);
      return row && !row.deletedAt ? fromRow(row) : undefined;
    },

    /**
     * The contact an id stands for now: a duplicate merged into another (DESIGN section 4,
     * `mergedInto`) resolves to the survivor, following chains. Cycles (two devices merging
     * A into B and B into A concurrently) end at the smallest id, the same on every device.
     */
    async resolveId(id: string): Promise<string> {
      const seen: string[] = [];
      let current = id;
      for (;;) {
        seen.push(current);
        const row = await db.contacts.get(current);
        const next = row?.mergedInto;
        if (next === undefined) return current;
        if (seen.includes(next)) return [...seen].sort()[0]!;
        current = next;
      }
    },

    /** Every contact id that resolves to this one (itself and what was merged into it). */
    async aliasIds(id: string): Promise<string[]> {
      const out = new Set([id]);
      let frontier = [id];
      while (frontier.length > 0) {
        const merged = await db.contacts.where('mergedInto').anyOf(frontier).primaryKeys();
        frontier = merged.filter((m) => !out.has(m));
        frontier.forEach((m) => out.add(m));
      }
      return [...out];
    },

    async count(): Promise<number> {
      return db.contacts.filter(isLive).count();
    },

    /**
     * Live contacts matching a search, in name order. A query made of digits (and + - ( ) .)
     * is a phone search in any format; otherwise every word must start a word of the name,
     * or the query starts the e-mail address or a tag.
     */
    async search(query: string): Promise<Contact[]> {
      const q = query.trim();
      if (q === '') {
        return (await db.contacts.orderBy('sortKey').filter(isLive).toArray()).map(fromRow);
      }
      const byId = new Map<string, ContactRow>();
      const add = (rows: ContactRow[]) => rows.filter(isLive).forEach((r) => byId.set(r.id, r));

      const digits = phoneQueryDigits(q);
      if (digits !== '') add(await db.contacts.where('phoneKeys').startsWith(digits).toArray());

      const words = wordTokens(q);
      const [first, ...rest] = words;
      if (first !== undefined) {
        const candidates = await db.contacts.where('nameTokens').startsWith(first).toArray();
        add(candidates.filter((c) => rest.every((w) => c.nameTokens.some((t) => t.startsWith(w)))));
        const folded = foldText(q);
        add(await db.contacts.where('tagKeys').startsWith(folded).toArray());
        if (q.includes('@'))
          add(await db.contacts.where('email').startsWith(q.toLowerCase()).toArray());
      }
      return [...byId.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map(fromRow);
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
