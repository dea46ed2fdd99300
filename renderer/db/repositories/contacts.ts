/**
 * Contacts repository: the only way features read or write contacts. Each user action is one
 * read-write transaction that validates, stamps (HLC + ULID) and writes; deletes are tombstones.
 */
import { withLocalStamp, withoutLocalStamp } from '../local-fields';
import { ImportCancelledError } from '../errors';
import { ContactNotFoundError } from '../errors';
import { isErased } from '../../../shared/privacy/erase';
import { ERASED_CONTACT_ERROR, ErasedContactError } from '../errors';
import type { Table } from 'dexie';
import { survivorResolver } from '../../../shared/contacts/survivor';
import { aliasIdsOf, mergeLinks, survivorIdOf } from '../identity';
import { contactIndexFields } from '../../../shared/contact-index';
import {
  parseContactInput,
  type ContactInput,
  type ContactInputFields,
  type FieldError,
} from '../../../shared/contact-input';
import {
  findDuplicatePairs,
  sharedKeyReasons,
  type DuplicatePair,
} from '../../../shared/contacts/duplicates';
import {
  bookKeys,
  planImport,
  type BookMatch,
  type DuplicateChoice,
  type PlanAction,
} from '../../../shared/contacts/import-plan';
import {
  isEmptyFilter,
  lastPurchaseSpans,
  matchesFilter,
  needsFacts,
  withoutFacts,
  type ContactFacts,
  type ContactFilter,
} from '../../../shared/contacts/filters';
import { deriveStage, summarizePurchases, type SaleFact } from '../../../shared/contacts/lifecycle';
import { planMerge } from '../../../shared/contacts/merge';
import { findCustomField, type CustomFieldDef } from '../../../shared/contacts/custom-fields';
import { derivedId, newId } from '../../../shared/ids';
import { addCustomFields, readCustomFields } from './custom-fields';
import { DEFAULT_PHONE_REGION, isPhoneRegion, PHONE_REGION_SETTING } from '../../../shared/phone';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { applyPatch, createMutable, restore, tombstone } from '../../../shared/records';
import type { Contact } from '../../../shared/schemas';
import { foldText } from '../../../shared/text';
import { hitsOf, type SearchHits } from '../../../shared/contacts/search-index';
import type { DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';
import { createContactCatalog, type CatalogStatus } from '../contact-catalog';
import { figuresReady } from '../derived/read';
import { stageAt, stageRanges } from '../../../shared/derived/customer-figures';

const erasedError = { path: 'name', message: ERASED_CONTACT_ERROR };

export type SaveResult = { ok: true; contact: Contact } | { ok: false; errors: FieldError[] };

/**
 * The stored row: the contact, its derived search keys and `_localStamp`, this device's stamp of
 * the write (indexed: the search index catches up by reading rows written since its last look).
 */
function toRow(contact: Contact, localStamp: string): ContactRow {
  return withLocalStamp({ ...contact, ...contactIndexFields(contact) }, localStamp);
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
  } = withoutLocalStamp(row);
  return contact;
}

const isLive = (c: ContactRow): boolean => c.deletedAt === undefined && c.mergedInto === undefined;

/** What to do with an imported contact that matches one in the book or earlier in the file. */
export type { DuplicateChoice };

export interface ImportOptions {
  onDuplicate: DuplicateChoice;
  /** Called between chunks with how many rows are done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when aborted the whole import rolls back. */
  signal?: AbortSignal;
  /** The shop's fields this import creates for columns kept as fields (same transaction). */
  newCustomFields?: readonly CustomFieldDef[];
}

export interface ImportSummary {
  added: number;
  merged: number;
  skipped: number;
}

const IMPORT_CHUNK = 1000;
/** One record on every device, so two devices that set it write the same record. */
const PHONE_REGION_SETTING_ID = derivedId(0, `setting:${PHONE_REGION_SETTING}`);
const READ_PAGE = 5000;

/** Rows shown while the search index builds (more than one screen). */
const FIRST_PAGE = 100;
/** Rows read for that first page (a few deleted or merged ones among them are skipped). */
const FIRST_READ = 150;
/** How long a count waits before it starts the index build itself (the list starts it first). */
const STARTUP_DELAY_MS = 300;

/** The optional form fields: cleared when the form sends them empty. */
const CLEARABLE = { email: undefined, birthday: undefined } as const;

/** Same value, compared as data (phones and tags are arrays of plain values). */
const sameValue = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/** The fields whose value differs from what the form opened with. */
function changedFields(
  now: Partial<ContactInputFields>,
  opened: Partial<ContactInputFields>,
): Partial<ContactInputFields> {
  const keys = new Set([...Object.keys(now), ...Object.keys(opened)]) as Set<
    keyof ContactInputFields
  >;
  const out: Partial<Record<keyof ContactInputFields, unknown>> = {};
  for (const k of keys) if (!sameValue(now[k], opened[k])) out[k] = now[k];
  return out as Partial<ContactInputFields>;
}

/** Fields this save changes that someone else changed (to another value) after the form opened. */
function overwrittenSinceOpened(
  current: Contact,
  opened: Partial<ContactInputFields>,
  edited: Partial<ContactInputFields>,
): string[] {
  return Object.keys(edited).filter((k) => {
    const key = k as keyof ContactInputFields;
    const stored = current[key];
    return !sameValue(stored, opened[key]) && !sameValue(stored, edited[key]);
  });
}

/** The stored custom values with the keys the form changed (from `opened` to `now`) applied. */
function customEdits(
  stored: Readonly<Record<string, string>> | undefined,
  opened: Readonly<Record<string, string>> | undefined,
  now: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = { ...stored };
  for (const k of new Set([...Object.keys(opened ?? {}), ...Object.keys(now ?? {})])) {
    const v = now?.[k];
    if (v === opened?.[k]) continue;
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A row's custom values with field ids replaced (a field another device created first). */
function withCustomIds(
  row: ContactInputFields,
  renamed: ReadonlyMap<string, string>,
): ContactInputFields {
  if (!row.custom) return row;
  const custom: Record<string, string> = {};
  for (const [id, v] of Object.entries(row.custom)) custom[renamed.get(id) ?? id] = v;
  return { ...row, custom };
}

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
  const catalog = createContactCatalog(db);
  const rw = async <T>(fn: () => Promise<T>, also: Table[] = []): Promise<T> => {
    try {
      return await db.transaction('rw', [db.contacts, db.meta, ...also], fn);
    } finally {
      catalog.invalidate();
    }
  };

  /**
   * Every live row, a page at a time in primary-key order: one getAll per page is far faster in
   * IndexedDB than a cursor stepping row by row (`each`) through 100,000 contacts.
   */
  async function forEachLiveRow(fn: (row: ContactRow) => void): Promise<void> {
    let last: string | undefined;
    for (;;) {
      const page: ContactRow[] = await (last === undefined
        ? db.contacts.limit(READ_PAGE).toArray()
        : db.contacts.where(':id').above(last).limit(READ_PAGE).toArray());
      for (const row of page) if (isLive(row)) fn(row);
      if (page.length < READ_PAGE) return;
      last = page[page.length - 1]!.id;
    }
  }

  /** Live contacts with these ids, in the order given (missing and dead ones left out). */
  async function liveByIds(ids: readonly string[]): Promise<Contact[]> {
    const out: Contact[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await db.contacts.bulkGet(ids.slice(i, i + 5000));
      for (const r of rows) if (r && isLive(r)) out.push(fromRow(r));
    }
    return out;
  }

  /** Purchase facts (stage, last purchase) per surviving contact id, from the sales table. */
  async function purchaseFacts(at: Date): Promise<Map<string, ContactFacts>> {
    const [sales, links] = await Promise.all([db.sales.toArray(), mergeLinks(db)]);
    const resolve = survivorResolver(links);
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

  /**
   * Which surviving contacts meet the filter's purchase conditions (stage, last purchase), read
   * as index ranges of the kept figures (shared/derived/customer-figures.ts stageRanges,
   * shared/contacts/filters.ts lastPurchaseSpans): keys only, no sale read. Null while the
   * figures are being rebuilt (or a date does not parse): the caller replays the sales.
   */
  async function purchaseMatch(
    filter: ContactFilter,
    at: Date,
  ): Promise<((id: string) => boolean) | null> {
    const spans = lastPurchaseSpans(filter, at);
    if (spans === null) return null;
    const figures = db.customerFigures;
    return db.transaction('r', [figures, db.meta], async () => {
      if (!(await figuresReady(db))) return null;
      const tests: ((id: string) => boolean)[] = [];
      if (filter.stages?.length) {
        const ids = new Set<string>();
        for (const stage of new Set(filter.stages)) {
          const { bases, spans: ranges } = stageRanges(stage, at.getTime());
          for (const b of bases) {
            for (const id of await figures.where('stageBase').equals(b).primaryKeys()) ids.add(id);
          }
          for (const r of ranges) {
            const keys = await figures
              .where('[stageBase+lastPurchaseMs]')
              .between([r.base, r.lo], [r.base, r.hi], true, false)
              .primaryKeys();
            for (const id of keys) ids.add(id);
          }
        }
        tests.push((id) => ids.has(id));
      }
      if (spans.within) {
        const { lo, hi } = spans.within;
        const ids = new Set(
          await figures.where('lastPurchaseMs').between(lo, hi, true, false).primaryKeys(),
        );
        tests.push((id) => ids.has(id));
      }
      if (spans.notAfter !== undefined) {
        const recent = new Set(
          await figures.where('lastPurchaseMs').above(spans.notAfter).primaryKeys(),
        );
        tests.push((id) => !recent.has(id));
      }
      return (id: string) => tests.every((t) => t(id));
    });
  }

  /** The stored row's fields with a patch applied and its index keys recomputed. */
  const patchRow = (row: ContactRow, patch: Partial<Contact>, stamp: string) => {
    const { record, changed } = applyPatch(fromRow(row), patch, stamp as Contact['updatedAt']);
    return changed.length > 0 ? toRow(record, stamp) : undefined;
  };

  return {
    async create(input: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return parsed;
      return rw(async () => {
        const at = now();
        const stamp = await clock.stamp();
        const contact: Contact = createMutable(withConsentDate(parsed.fields, undefined, at), {
          id: newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp,
        });
        await db.contacts.add(toRow(contact, stamp));
        return { ok: true, contact };
      });
    },

    /** Save the form over an existing contact; only fields that changed get new stamps. */
    /**
     * Save the edit form. With `base` (the values the form opened with) only the fields the
     * user changed are written: a field another tab or a sync changed meanwhile keeps its new
     * value. Where both changed the same field this save wins (it is the later one) and the
     * value it replaces goes to `history`, as a losing value of a merge does.
     */
    async update(id: string, input: ContactInput, base?: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return parsed;
      if (parsed.fields.referredBy === id)
        return {
          ok: false,
          errors: [{ path: 'referredBy', message: 'checkout.errors.referSelf' }],
        };
      const opened = base ? parseContactInput(base) : undefined;
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row || row.deletedAt) throw new ContactNotFoundError(id);
        if (isErased(row)) return { ok: false, errors: [erasedError] };
        const current = fromRow(row);
        // Every form field is sent, so a cleared optional field is an explicit `undefined`.
        const all: Partial<ContactInputFields> = { ...CLEARABLE, ...parsed.fields };
        const edited = opened?.ok ? changedFields(all, { ...CLEARABLE, ...opened.fields }) : all;
        // Custom fields change one by one: a field this form did not touch keeps the value a
        // sync or another tab gave it meanwhile.
        if (opened?.ok && Object.hasOwn(edited, 'custom'))
          edited.custom = customEdits(current.custom, opened.fields.custom, parsed.fields.custom);
        const patch = withConsentDate(edited as ContactInputFields, current, now());
        const stamp = await clock.stamp();
        const { record, changed } = applyPatch(current, patch, stamp);
        if (changed.length > 0) await db.contacts.put(toRow(record, stamp));
        if (opened?.ok) {
          const replaced = overwrittenSinceOpened(current, opened.fields, edited);
          if (replaced.length > 0) {
            const at = now().toISOString();
            await db.history.bulkAdd(
              replaced.map((field) => ({
                table: 'contacts',
                recordId: id,
                field,
                value: current[field as keyof Contact],
                stamp: current.stamps[field] ?? current.updatedAt,
                at,
              })),
            );
          }
        }
        return { ok: true, contact: record };
      }, [db.history]);
    },

    /** Tombstone a contact. Returns it so the caller can offer undo. */
    async remove(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (row.deletedAt) return fromRow(row);
        const stamp = await clock.stamp();
        const record = tombstone(fromRow(row), stamp);
        await db.contacts.put(toRow(record, stamp));
        return record;
      });
    },

    /** Undo a delete. */
    async restore(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (!row.deletedAt) return fromRow(row);
        const stamp = await clock.stamp();
        const record = restore(fromRow(row), stamp);
        await db.contacts.put(toRow(record, stamp));
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
    resolveId(id: string): Promise<string> {
      return survivorIdOf(db, id);
    },

    /** Every contact id that resolves to this one (itself and what was merged into it). */
    async aliasIds(id: string): Promise<string[]> {
      return aliasIdsOf(db, id);
    },

    /** Live contacts (the search index's count: no table scan). */
    async count(): Promise<number> {
      if (catalog.peek() === null) {
        // A live query must read the table before it awaits anything that is not Dexie's.
        await db.contacts.limit(1).primaryKeys();
        // Opening the app: the list's first screen is read first, then the index builds.
        catalog.warm(STARTUP_DELAY_MS);
        await catalog.built();
      }
      return (await catalog.current()).size;
    },

    /**
     * Live contacts matching a search, best match first (shared/contacts/search-rank.ts), then
     * name order. A query made of digits (and + - ( ) .) is a phone search in any format;
     * otherwise every word must start a word of the name, or the query starts the e-mail
     * address, a tag or the city's words; when nothing matches, one typo per word is forgiven.
     * Answered by the in-memory index (contact-catalog.ts); `limit` reads only the first rows.
     */
    async search(query: string, limit?: number): Promise<Contact[]> {
      const hits = (await catalog.current()).find(query);
      return liveByIds(hits.slice(0, limit ?? hits.length));
    },

    /**
     * The contact list's ids: search, then filters, then (optionally) the ids another screen
     * sent. Before the index exists the first screen of everyone (query and filters empty)
     * comes straight from the `sortKey` index, flagged `partial`, while the index builds.
     */
    async listIds(
      query: string,
      filter: ContactFilter = {},
      onlyIds?: readonly string[],
      at: Date = now(),
    ): Promise<{ hits: SearchHits; partial: boolean; rows?: Contact[] }> {
      const plain = isEmptyFilter(filter) && !onlyIds;
      if (catalog.peek() === null && query.trim() === '' && plain) {
        // One indexed read (no cursor stepping row by row) brings the first screen's ids and
        // rows; the index starts building only after it, so the two do not compete.
        const first = (await db.contacts.orderBy('sortKey').limit(FIRST_READ).toArray())
          .filter(isLive)
          .slice(0, FIRST_PAGE);
        catalog.warm();
        return { hits: hitsOf(first.map((r) => r.id)), partial: true, rows: first.map(fromRow) };
      }
      const hits = (await catalog.current()).find(query);
      if (plain) return { hits, partial: false };
      let ids = hits.all();
      if (onlyIds) {
        const allowed = new Set<string>();
        for (const id of onlyIds) allowed.add(await this.resolveId(id));
        ids = ids.filter((id) => allowed.has(id));
      }
      const fast = needsFacts(filter) ? await purchaseMatch(filter, at) : null;
      if (fast) {
        ids = ids.filter(fast);
        const rest = withoutFacts(filter);
        if (!isEmptyFilter(rest)) {
          ids = (await liveByIds(ids))
            .filter((c) => matchesFilter(c, undefined, rest, at))
            .map((c) => c.id);
        }
      } else if (!isEmptyFilter(filter)) {
        const facts = needsFacts(filter)
          ? await purchaseFacts(at)
          : new Map<string, ContactFacts>();
        ids = (await liveByIds(ids))
          .filter((c) => matchesFilter(c, facts.get(c.id), filter, at))
          .map((c) => c.id);
      }
      return { hits: hitsOf(ids), partial: false };
    },

    /** Display data for the rows on screen, by id (undefined: gone since the list was made). */
    async rowsByIds(ids: readonly string[]): Promise<(Contact | undefined)[]> {
      const rows = await db.contacts.bulkGet([...ids]);
      return rows.map((r) => (r && isLive(r) ? fromRow(r) : undefined));
    },

    /** Live contacts with these ids, in the order given (exports of a list or a selection). */
    async getMany(ids: readonly string[]): Promise<Contact[]> {
      return liveByIds(ids);
    },

    /** Whether the search index is built, and a version that changes with it. */
    indexStatus(): CatalogStatus {
      return catalog.status();
    },

    /** Called when the search index was built or updated. Returns the unsubscribe function. */
    onIndexChange(listener: () => void): () => void {
      return catalog.subscribe(listener);
    },

    /** The index itself, up to date (for its size and the benchmark). */
    async searchIndex() {
      return catalog.current();
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
      await catalog.current();
      const { hits } = await this.listIds(query, filter, onlyIds, at);
      return liveByIds(hits.all());
    },

    /** Lifecycle stage and last purchase of one contact (its merged duplicates count too). */
    async facts(id: string, at: Date = now()): Promise<ContactFacts & { purchases: number }> {
      // The kept figures answer with one row (a regular's 5,000 sales are not read again after
      // each sale); a merged-away id or a rebuild in progress reads the sales.
      if ((await figuresReady(db)) && (await this.resolveId(id)) === id) {
        const kept = await db.customerFigures.get(id);
        if (kept) {
          return {
            stage: stageAt(kept, at),
            lastPurchaseAt: kept.lastPurchaseAt,
            purchases: kept.purchases,
          };
        }
      }
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
      await forEachLiveRow((c) => {
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
        await db.contacts.bulkPut(rows.map((r) => toRow(tombstone(fromRow(r), stamp), stamp)));
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
        await db.contacts.bulkPut(rows.map((r) => toRow(restore(fromRow(r), stamp), stamp)));
      });
    },

    /** The shop's default phone country (a synced setting; Indonesia until changed). */
    async phoneRegion(): Promise<string> {
      const row = await db.settings.where('key').equals(PHONE_REGION_SETTING).first();
      const v = row && !row.deletedAt ? row.value : undefined;
      return typeof v === 'string' && isPhoneRegion(v) ? v : DEFAULT_PHONE_REGION;
    },

    async setPhoneRegion(region: string): Promise<void> {
      if (!isPhoneRegion(region)) throw new Error(`Unknown phone region ${region}`);
      await db.transaction('rw', db.settings, db.meta, async () => {
        const row = await db.settings.where('key').equals(PHONE_REGION_SETTING).first();
        const stamp = await clock.stamp();
        if (row) await db.settings.put(applyPatch(row, { value: region }, stamp).record);
        else
          await db.settings.add(
            createMutable(
              { key: PHONE_REGION_SETTING, value: region },
              { id: PHONE_REGION_SETTING_ID, createdAt: now().toISOString(), stamp },
            ),
          );
      });
    },

    /**
     * For the import preview: every phone (E.164), e-mail and name key of a live contact, with
     * the contact it belongs to (shared/contacts/import-plan.ts).
     */
    async matchIndex(): Promise<Map<string, BookMatch>> {
      const out = new Map<string, BookMatch>();
      await forEachLiveRow((c) => {
        for (const k of bookKeys(c)) if (!out.has(k)) out.set(k, { id: c.id, name: c.name });
      });
      return out;
    },

    /**
     * Import validated contacts in ONE transaction: all of them land or none (a failure or a
     * cancel rolls everything back). What happens to each row is the preview's plan
     * (planImport), made again inside the transaction against the book as it is now: a row
     * matching a contact in the book or an earlier row of the file is skipped, merged into it,
     * or added anyway.
     */
    async importMany(
      importRows: readonly ContactInputFields[],
      options: ImportOptions,
    ): Promise<ImportSummary> {
      let rows = importRows;
      const summary: ImportSummary = { added: 0, merged: 0, skipped: 0 };
      const at = now();
      await rw(async () => {
        const stamp = await clock.stamp();
        const createdAt = at.toISOString();
        if (options.newCustomFields?.length) {
          // Another device or tab may have added a field by that name meanwhile: one field.
          const existing = await readCustomFields(db);
          const fresh = options.newCustomFields.filter((d) => !findCustomField(existing, d.name));
          await addCustomFields(db, fresh, stamp, createdAt);
          const renamed = new Map<string, string>();
          for (const d of options.newCustomFields) {
            const other = findCustomField(existing, d.name);
            if (other) renamed.set(d.id, other.id);
          }
          if (renamed.size > 0) rows = rows.map((r) => withCustomIds(r, renamed));
        }
        const byKey = new Map<string, BookMatch>();
        if (options.onDuplicate !== 'add') {
          await forEachLiveRow((c) => {
            for (const k of bookKeys(c))
              if (!byKey.has(k)) byKey.set(k, { id: c.id, name: c.name });
          });
        }
        const plan =
          options.onDuplicate === 'add'
            ? rows.map((): PlanAction => ({ kind: 'add' }))
            : planImport(rows, (k) => byKey.get(k));
        /** The contact each row became or was merged into (undefined: skipped). */
        const targetOf: (string | undefined)[] = [];
        // Rows of this import, by id, until written; existing contacts changed by a merge.
        const pending = new Map<string, Contact>();
        const touched = new Map<string, Contact>();
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
          if (options.signal?.aborted) throw new ImportCancelledError();
          const end = Math.min(i + IMPORT_CHUNK, rows.length);
          for (let r = i; r < end; r++) {
            const contact = createMutable(withConsentDate(rows[r]!, undefined, at), {
              id: newId(at.getTime()),
              createdAt,
              stamp,
            }) as Contact;
            const action = plan[r]!;
            const matchId =
              action.kind === 'in-book'
                ? action.id
                : action.kind === 'in-file'
                  ? targetOf[action.row]
                  : undefined;
            if (action.kind !== 'add' && options.onDuplicate === 'skip') {
              summary.skipped++;
              targetOf.push(matchId);
              continue;
            }
            if (matchId && options.onDuplicate === 'merge') {
              const target =
                pending.get(matchId) ??
                touched.get(matchId) ??
                fromRow((await db.contacts.get(matchId))!);
              const { record } = applyPatch<Contact>(target, planMerge(contact, target), stamp);
              if (pending.has(matchId)) pending.set(matchId, record);
              else touched.set(matchId, record);
              summary.merged++;
              targetOf.push(matchId);
              continue;
            }
            pending.set(contact.id, contact);
            targetOf.push(contact.id);
            summary.added++;
          }
          options.onProgress?.(end, rows.length);
          // Write what this chunk made, so memory stays flat and IndexedDB works in parallel.
          // A row merged into one written by an earlier chunk is written with `touched`.
          const ready = [...pending.values()];
          pending.clear();
          if (ready.length > 0) await db.contacts.bulkAdd(ready.map((c) => toRow(c, stamp)));
        }
        if (options.signal?.aborted) throw new ImportCancelledError();
        if (touched.size > 0)
          await db.contacts.bulkPut([...touched.values()].map((c) => toRow(c, stamp)));
      }, [db.settings]);
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
    },

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
          ? await this.update(editing.id, input, editing.base)
          : await this.create(input);
        if (!saved.ok) return saved;
        return { ok: true, contact: await this.merge(saved.contact.id, survivorId) };
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
        for (const id of loserIds) after = await this.merge(id, survivorId);
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
        for (const id of loserIds) await this.unmerge(id);
        const row = await db.contacts.get(merged.before.id);
        if (!row || !isLive(row)) return;
        const current = fromRow(row);
        const same = (x: unknown, y: unknown) =>
          canonicalJson(x ?? null) === canonicalJson(y ?? null);
        const patch: Record<string, unknown> = {};
        const fields = new Set([...Object.keys(merged.before), ...Object.keys(merged.after)]);
        for (const field of fields) {
          if (['id', 'createdAt', 'updatedAt', 'stamps'].includes(field)) continue;
          const f = field as keyof Contact;
          if (!same(merged.after[f], merged.before[f]) && same(current[f], merged.after[f]))
            patch[field] = merged.before[f];
        }
        if (Object.keys(patch).length === 0) return;
        const next = patchRow(row, patch as Partial<Contact>, await clock.stamp());
        if (next) await db.contacts.put(next);
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
