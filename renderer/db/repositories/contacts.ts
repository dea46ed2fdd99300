/**
 * Contacts repository: the only way features read or write contacts. Each user action is one
 * read-write transaction that validates, stamps (HLC + ULID) and writes; deletes are tombstones.
 */
import { aliasIdsOf } from '../aliases';
import { contactIndexFields } from '../../../shared/contact-index';
import {
  parseContactInput,
  type ContactInput,
  type ContactInputFields,
  type FieldError,
} from '../../../shared/contact-input';
import {
  editDistance,
  findDuplicatePairs,
  matchKeys,
  type DuplicatePair,
} from '../../../shared/contacts/duplicates';
import {
  isEmptyFilter,
  matchesFilter,
  needsFacts,
  type ContactFacts,
  type ContactFilter,
} from '../../../shared/contacts/filters';
import { deriveStage, summarizePurchases, type SaleFact } from '../../../shared/contacts/lifecycle';
import { planMerge } from '../../../shared/contacts/merge';
import { newId } from '../../../shared/ids';
import { phoneQueryDigits } from '../../../shared/phone';
import { applyPatch, createMutable, restore, tombstone } from '../../../shared/records';
import type { Contact } from '../../../shared/schemas';
import { foldText, wordTokens } from '../../../shared/text';
import { rankContacts } from '../../../shared/contacts/search-rank';
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
  const {
    sortKey: _s,
    nameTokens: _n,
    phoneKeys: _p,
    tagKeys: _t,
    emailKeys: _e,
    cityKeys: _c,
    ...contact
  } = row;
  return contact;
}

const isLive = (c: ContactRow): boolean => c.deletedAt === undefined && c.mergedInto === undefined;

/** What to do with an imported contact that matches one already in the book (phone/e-mail). */
export type DuplicateChoice = 'skip' | 'merge' | 'add';

export interface ImportOptions {
  onDuplicate: DuplicateChoice;
  /** Called between chunks with how many rows are done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when aborted the whole import rolls back. */
  signal?: AbortSignal;
}

export interface ImportSummary {
  added: number;
  merged: number;
  skipped: number;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}

const IMPORT_CHUNK = 1000;

/** The optional form fields: cleared when the form sends them empty. */
const CLEARABLE = { email: undefined, birthday: undefined } as const;

/** A consent change is dated (UU PDP: we must be able to show when it was given). */
function withConsentDate(
  fields: ContactInputFields,
  before: Contact | undefined,
  at: Date,
): ContactInputFields & { marketingConsentAt?: string } {
  if (fields.marketingConsent === undefined || fields.marketingConsent === before?.marketingConsent)
    return fields;
  return { ...fields, marketingConsentAt: at.toISOString() };
}
export function createContactsRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const rw = <T>(fn: () => Promise<T>) => db.transaction('rw', db.contacts, db.meta, fn);

  /**
   * Typo tolerance, only when nothing matched exactly: every query word of 4+ letters may be
   * one edit away from the start of a name word with the same first letter ("sity" finds "Siti", "rahyu" finds "Rahayu").
   */
  async function fuzzyNameMatches(words: string[]): Promise<ContactRow[]> {
    if (words.some((w) => w.length < 4)) return [];
    const tokens = (await db.contacts.orderBy('nameTokens').uniqueKeys()) as string[];
    const near = (w: string) =>
      tokens.filter(
        (t) =>
          t[0] === w[0] &&
          t.length >= w.length - 1 &&
          (editDistance(t.slice(0, w.length), w, 1) <= 1 ||
            editDistance(t.slice(0, w.length + 1), w, 1) <= 1 ||
            editDistance(t.slice(0, w.length - 1), w, 1) <= 1),
      );
    const [first, ...rest] = words;
    const firstNear = near(first!);
    if (firstNear.length === 0) return [];
    const restNear = rest.map((w) => new Set(near(w)));
    const candidates = await db.contacts.where('nameTokens').anyOf(firstNear).toArray();
    return candidates.filter((c) => restNear.every((set) => c.nameTokens.some((t) => set.has(t))));
  }

  /** Purchase facts (stage, last purchase) per surviving contact id, from the sales table. */
  async function purchaseFacts(at: Date): Promise<Map<string, ContactFacts>> {
    const [sales, merged] = await Promise.all([
      db.sales.toArray(),
      db.contacts.where('mergedInto').above('').toArray(),
    ]);
    const alias = new Map(merged.map((c) => [c.id, c.mergedInto!]));
    const resolve = (id: string) => {
      const seen = new Set<string>();
      let cur = id;
      while (alias.has(cur) && !seen.has(cur)) {
        seen.add(cur);
        cur = alias.get(cur)!;
      }
      return cur;
    };
    const byContact = new Map<string, SaleFact[]>();
    for (const s of sales) {
      if (s.deletedAt) continue;
      const id = resolve(s.contactId);
      const list = byContact.get(id);
      if (list) list.push(s);
      else byContact.set(id, [s]);
    }
    const out = new Map<string, ContactFacts>();
    for (const [id, list] of byContact) {
      const summary = summarizePurchases(list);
      // No purchase left (all refunded): the contact's own manual stage applies.
      if (summary.count > 0)
        out.set(id, { stage: deriveStage(summary, undefined, at), lastPurchaseAt: summary.lastAt });
    }
    return out;
  }

  /** The stored row's fields with a patch applied and its index keys recomputed. */
  const patchRow = (row: ContactRow, patch: Partial<Contact>, stamp: string) => {
    const { record, changed } = applyPatch(fromRow(row), patch, stamp as Contact['updatedAt']);
    return changed.length > 0 ? toRow(record) : undefined;
  };

  return {
    async create(input: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return parsed;
      return rw(async () => {
        const at = now();
        const contact: Contact = createMutable(withConsentDate(parsed.fields, undefined, at), {
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
        const patch = { ...CLEARABLE, ...withConsentDate(parsed.fields, current, now()) };
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
     * A into B and B into A concurrently) end at the cycle's smallest id, on every device.
     */
    async resolveId(id: string): Promise<string> {
      const seen: string[] = [];
      let current = id;
      for (;;) {
        seen.push(current);
        const row = await db.contacts.get(current);
        const next = row?.mergedInto;
        if (next === undefined) return current;
        // A cycle: the smallest id of the cycle itself (not of the path into it), as the
        // repair after a sync import (shared/contacts/merge-cycles.ts) decides.
        if (seen.includes(next)) return seen.slice(seen.indexOf(next)).sort()[0]!;
        current = next;
      }
    },

    /** Every contact id that resolves to this one (itself and what was merged into it). */
    async aliasIds(id: string): Promise<string[]> {
      return aliasIdsOf(db, id);
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
        add(await db.contacts.where('emailKeys').startsWith(q.toLowerCase()).toArray());
        const cityHits = await db.contacts.where('cityKeys').startsWith(first).toArray();
        add(cityHits.filter((c) => rest.every((w) => c.cityKeys.some((t) => t.startsWith(w)))));
      }
      if (byId.size === 0 && digits === '' && words.length > 0) {
        add(await fuzzyNameMatches(words));
      }
      return rankContacts([...byId.values()], q).map(fromRow);
    },
    /** Live contacts with these ids (merged ones resolve to their survivor), in name order. */
    async listByIds(ids: readonly string[]): Promise<Contact[]> {
      const rows = await db.contacts.bulkGet([...new Set(ids)]);
      const out = new Map<string, ContactRow>();
      for (const row of rows) {
        if (!row) continue;
        const id = row.mergedInto ? await this.resolveId(row.id) : row.id;
        const live = id === row.id ? row : await db.contacts.get(id);
        if (live && isLive(live)) out.set(live.id, live);
      }
      return [...out.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map(fromRow);
    },

    /**
     * The contact list: search, then filters (shared/contacts/filters.ts), optionally limited
     * to a set of ids another screen sent (Reports' "at risk", ...).
     */
    async list(
      query: string,
      filter: ContactFilter = {},
      onlyIds?: readonly string[],
      at: Date = now(),
    ): Promise<Contact[]> {
      let found = await this.search(query);
      if (onlyIds) {
        const allowed = new Set<string>();
        for (const id of onlyIds) allowed.add(await this.resolveId(id));
        found = found.filter((c) => allowed.has(c.id));
      }
      if (isEmptyFilter(filter)) return found;
      const facts = needsFacts(filter) ? await purchaseFacts(at) : new Map<string, ContactFacts>();
      return found.filter((c) => matchesFilter(c, facts.get(c.id), filter, at));
    },

    /** Lifecycle stage and last purchase of one contact (its merged duplicates count too). */
    async facts(id: string, at: Date = now()): Promise<ContactFacts & { purchases: number }> {
      const ids = await this.aliasIds(id);
      const row = await db.contacts.get(id);
      const sales = (
        await db.sales.where('[contactId+at]').between([ids[0]!, ''], [ids[0]!, '\uffff']).toArray()
      ).concat(
        ...(await Promise.all(
          ids
            .slice(1)
            .map((x) => db.sales.where('[contactId+at]').between([x, ''], [x, '\uffff']).toArray()),
        )),
      );
      const summary = summarizePurchases(sales.filter((s) => !s.deletedAt));
      return {
        stage: deriveStage(summary, row?.stage, at),
        lastPurchaseAt: summary.lastAt,
        purchases: summary.count,
      };
    },

    /** Tags, sources and cities in use, for the filter pickers. */
    async facets(): Promise<{ tags: string[]; sources: string[]; cities: string[] }> {
      const tags = new Map<string, string>();
      const sources = new Set<string>();
      const cities = new Map<string, string>();
      await db.contacts.each((c) => {
        if (!isLive(c)) return;
        for (const t of c.tags) if (!tags.has(foldText(t))) tags.set(foldText(t), t);
        if (c.source) sources.add(c.source);
        if (c.city && !cities.has(foldText(c.city))) cities.set(foldText(c.city), c.city.trim());
      });
      const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b));
      return {
        tags: sorted(tags.values()),
        sources: sorted(sources),
        cities: sorted(cities.values()),
      };
    },

    /** Add a tag to many contacts, in one transaction. Returns how many changed. */
    async tagMany(ids: readonly string[], tag: string): Promise<number> {
      const t = tag.trim();
      if (t === '' || t.length > 50) return 0;
      return rw(async () => {
        const stamp = await clock.stamp();
        const rows = (await db.contacts.bulkGet([...ids])).filter(
          (r): r is ContactRow => !!r && isLive(r),
        );
        const changed = rows.flatMap((r) => {
          if (r.tags.some((x) => foldText(x) === foldText(t)) || r.tags.length >= 50) return [];
          const next = patchRow(r, { tags: [...r.tags, t] }, stamp);
          return next ? [next] : [];
        });
        await db.contacts.bulkPut(changed);
        return changed.length;
      });
    },

    /** Remove a tag (any case) from many contacts, in one transaction. */
    async untagMany(ids: readonly string[], tag: string): Promise<number> {
      const f = foldText(tag);
      return rw(async () => {
        const stamp = await clock.stamp();
        const rows = (await db.contacts.bulkGet([...ids])).filter(
          (r): r is ContactRow => !!r && isLive(r),
        );
        const changed = rows.flatMap((r) => {
          if (!r.tags.some((x) => foldText(x) === f)) return [];
          const next = patchRow(r, { tags: r.tags.filter((x) => foldText(x) !== f) }, stamp);
          return next ? [next] : [];
        });
        await db.contacts.bulkPut(changed);
        return changed.length;
      });
    },

    /** Tombstone many contacts in one transaction; returns the ids deleted (for undo). */
    async removeMany(ids: readonly string[]): Promise<string[]> {
      return rw(async () => {
        const stamp = await clock.stamp();
        const rows = (await db.contacts.bulkGet([...ids])).filter(
          (r): r is ContactRow => !!r && !r.deletedAt,
        );
        await db.contacts.bulkPut(rows.map((r) => toRow(tombstone(fromRow(r), stamp))));
        return rows.map((r) => r.id);
      });
    },

    /** Undo removeMany. */
    async restoreMany(ids: readonly string[]): Promise<void> {
      await rw(async () => {
        const stamp = await clock.stamp();
        const rows = (await db.contacts.bulkGet([...ids])).filter(
          (r): r is ContactRow => !!r && !!r.deletedAt,
        );
        await db.contacts.bulkPut(rows.map((r) => toRow(restore(fromRow(r), stamp))));
      });
    },

    /**
     * For the import preview: every phone (E.164) and e-mail of a live contact, with the
     * contact it belongs to.
     */
    async matchIndex(): Promise<Map<string, { id: string; name: string }>> {
      const out = new Map<string, { id: string; name: string }>();
      await db.contacts.each((c) => {
        if (!isLive(c)) return;
        for (const k of matchKeys(c)) if (!out.has(k)) out.set(k, { id: c.id, name: c.name });
      });
      return out;
    },

    /**
     * Import validated contacts in ONE transaction: all of them land or none (a failure or a
     * cancel rolls everything back). A contact matching one in the book (or an earlier one in
     * the same file) by phone or e-mail is skipped, merged into it, or added anyway.
     */
    async importMany(
      rows: readonly ContactInputFields[],
      options: ImportOptions,
    ): Promise<ImportSummary> {
      const summary: ImportSummary = { added: 0, merged: 0, skipped: 0 };
      const at = now();
      await rw(async () => {
        const stamp = await clock.stamp();
        const createdAt = at.toISOString();
        const byKey = new Map<string, string>();
        if (options.onDuplicate !== 'add') {
          await db.contacts.each((c) => {
            if (isLive(c)) for (const k of matchKeys(c)) if (!byKey.has(k)) byKey.set(k, c.id);
          });
        }
        // Rows of this import, by id, until written; existing contacts changed by a merge.
        const pending = new Map<string, Contact>();
        const touched = new Map<string, Contact>();
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
          if (options.signal?.aborted) throw new ImportCancelledError();
          const chunk = rows.slice(i, i + IMPORT_CHUNK);
          for (const fields of chunk) {
            const contact = createMutable(withConsentDate(fields, undefined, at), {
              id: newId(at.getTime()),
              createdAt,
              stamp,
            }) as Contact;
            const keys = matchKeys(contact);
            const matchId =
              options.onDuplicate === 'add'
                ? undefined
                : keys.map((k) => byKey.get(k)).find(Boolean);
            if (matchId && options.onDuplicate === 'skip') {
              summary.skipped++;
              continue;
            }
            if (matchId) {
              const target =
                pending.get(matchId) ??
                touched.get(matchId) ??
                fromRow((await db.contacts.get(matchId))!);
              const { record } = applyPatch<Contact>(target, planMerge(contact, target), stamp);
              if (pending.has(matchId)) pending.set(matchId, record);
              else touched.set(matchId, record);
              for (const k of matchKeys(record)) if (!byKey.has(k)) byKey.set(k, matchId);
              summary.merged++;
              continue;
            }
            pending.set(contact.id, contact);
            for (const k of keys) if (!byKey.has(k)) byKey.set(k, contact.id);
            summary.added++;
          }
          options.onProgress?.(Math.min(i + chunk.length, rows.length), rows.length);
          // Write what this chunk made, so memory stays flat and IndexedDB works in parallel.
          const ready = [...pending.values()];
          pending.clear();
          if (ready.length > 0) await db.contacts.bulkAdd(ready.map(toRow));
        }
        if (options.signal?.aborted) throw new ImportCancelledError();
        if (touched.size > 0) await db.contacts.bulkPut([...touched.values()].map(toRow));
      });
      return summary;
    },

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

    /**
     * Merge duplicate `loserId` into `survivorId` (shared/contacts/merge.ts): the survivor
     * gets the union of the loser's fields, the loser gets `mergedInto`; both are stamped
     * changes that sync like any edit. Events are not touched: they resolve through the alias.
     */
    async merge(loserId: string, survivorId: string): Promise<Contact> {
      if (loserId === survivorId) throw new Error('A contact cannot be merged into itself');
      return rw(async () => {
        const [loserRow, survivorRow] = await db.contacts.bulkGet([loserId, survivorId]);
        if (!loserRow || !isLive(loserRow)) throw new ContactNotFoundError(loserId);
        if (!survivorRow || !isLive(survivorRow)) throw new ContactNotFoundError(survivorId);
        const stamp = await clock.stamp();
        const loser = fromRow(loserRow);
        const survivor = fromRow(survivorRow);
        const { record } = applyPatch<Contact>(survivor, planMerge(loser, survivor), stamp);
        const merged = applyPatch<Contact>(loser, { mergedInto: survivorId }, stamp).record;
        await db.contacts.bulkPut([toRow(record), toRow(merged)]);
        return record;
      });
    },

    /** Undo a merge: the loser is its own contact again (the survivor keeps what it gained). */
    async unmerge(loserId: string): Promise<void> {
      await rw(async () => {
        const row = await db.contacts.get(loserId);
        if (!row || row.mergedInto === undefined) return;
        const next = patchRow(row, { mergedInto: undefined }, await clock.stamp());
        if (next) await db.contacts.put(next);
      });
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
