/** Reading contacts: one, many by id, the searched and filtered list, facts and facets. */
import {
  isEmptyFilter,
  matchesFilter,
  needsFacts,
  withoutFacts,
  type ContactFacts,
  type ContactFilter,
} from '../../../../shared/contacts/filters';
import { deriveStage, summarizePurchases } from '../../../../shared/contacts/lifecycle';
import { hitsOf, type SearchHits } from '../../../../shared/contacts/search-index';
import { stageAt } from '../../../../shared/derived/customer-figures';
import type { Contact } from '../../../../shared/schemas';
import { foldText } from '../../../../shared/text';
import type { CatalogStatus } from '../../contact-catalog';
import type { ContactRow } from '../../database';
import { figuresReady } from '../../derived/read';
import { aliasIdsOf, contactEvents, survivorIdOf } from '../../identity';
import { forEachLiveRow, fromRow, isLive, liveByIds, type ContactsContext } from './context';
import { purchaseFacts, purchaseMatch } from './purchase-filter';

/** Rows shown while the search index builds (more than one screen). */
const FIRST_PAGE = 100;
/** Rows read for that first page (a few deleted or merged ones among them are skipped). */
const FIRST_READ = 150;
/** How long a count waits before it starts the index build itself (the list starts it first). */
const STARTUP_DELAY_MS = 300;

export function contactReads({ db, now, catalog }: ContactsContext) {
  /**
   * The contact an id stands for now: a duplicate merged into another (ARCHITECTURE.md
   * "Merged contacts", `mergedInto`) resolves to the survivor, following chains. Cycles (two
   * devices merging A into B and B into A concurrently) end at the cycle's smallest id.
   */
  const resolveId = (id: string): Promise<string> => survivorIdOf(db, id);

  /**
   * The contact list's ids: search, then filters, then (optionally) the ids another screen
   * sent. Before the index exists the first screen of everyone (query and filters empty)
   * comes straight from the `sortKey` index, flagged `partial`, while the index builds.
   */
  async function listIds(
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
      for (const id of onlyIds) allowed.add(await resolveId(id));
      ids = ids.filter((id) => allowed.has(id));
    }
    const fast = needsFacts(filter) ? await purchaseMatch(db, filter, at) : null;
    if (fast) {
      ids = ids.filter(fast);
      const rest = withoutFacts(filter);
      if (!isEmptyFilter(rest)) {
        ids = (await liveByIds(db, ids))
          .filter((c) => matchesFilter(c, undefined, rest, at))
          .map((c) => c.id);
      }
    } else if (!isEmptyFilter(filter)) {
      const facts = needsFacts(filter)
        ? await purchaseFacts(db, at)
        : new Map<string, ContactFacts>();
      ids = (await liveByIds(db, ids))
        .filter((c) => matchesFilter(c, facts.get(c.id), filter, at))
        .map((c) => c.id);
    }
    return { hits: hitsOf(ids), partial: false };
  }

  return {
    async get(id: string): Promise<Contact | undefined> {
      const row = await db.contacts.get(id);
      return row && !row.deletedAt ? fromRow(row) : undefined;
    },

    resolveId,

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
      return liveByIds(db, hits.slice(0, limit ?? hits.length));
    },

    listIds,

    /** Display data for the rows on screen, by id (undefined: gone since the list was made). */
    async rowsByIds(ids: readonly string[]): Promise<(Contact | undefined)[]> {
      const rows = await db.contacts.bulkGet([...ids]);
      return rows.map((r) => (r && isLive(r) ? fromRow(r) : undefined));
    },

    /** Live contacts with these ids, in the order given (exports of a list or a selection). */
    async getMany(ids: readonly string[]): Promise<Contact[]> {
      return liveByIds(db, ids);
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
        const id = row.mergedInto ? await resolveId(row.id) : row.id;
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
      const { hits } = await listIds(query, filter, onlyIds, at);
      return liveByIds(db, hits.all());
    },

    /** Lifecycle stage and last purchase of one contact (its merged duplicates count too). */
    async facts(id: string, at: Date = now()): Promise<ContactFacts & { purchases: number }> {
      // The kept figures answer with one row (a regular's 5,000 sales are not read again after
      // each sale); a merged-away id or a rebuild in progress reads the sales.
      if ((await figuresReady(db)) && (await resolveId(id)) === id) {
        const kept = await db.customerFigures.get(id);
        if (kept) {
          return {
            stage: stageAt(kept, at),
            lastPurchaseAt: kept.lastPurchaseAt,
            purchases: kept.purchases,
          };
        }
      }
      const row = await db.contacts.get(id);
      const summary = summarizePurchases(await contactEvents(db, 'sales', id));
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
      await forEachLiveRow(db, (c) => {
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
  };
}
