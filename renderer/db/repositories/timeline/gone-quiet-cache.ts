/**
 * What "gone quiet" keeps between runs so a new day or another table's change does not read
 * every sale again: each customer's visits (one pass over the sales, then only the sales added
 * since), the contact rows it has read, and each customer's visit pattern. Dexie's
 * `storagemutated` event says when sales or contacts may have changed; a fingerprint of the
 * table (count, newest `updatedAt`, newest `_localStamp`) says what changed.
 */
import { sameFingerprint, tableFingerprint, type TableFingerprint } from '../../table-fingerprint';
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Sale } from '../../../../shared/schemas';
import {
  addVisit,
  visitPattern,
  visitsOf,
  type GoneQuietOptions,
  type VisitPattern,
  type Visits,
} from '../../../../shared/timeline/gone-quiet';
import type { ContactRow, KenalDb } from '../../database';
import { shopZone } from './context';

/** Sales read per request while projecting visits (bounded memory per step). */
const VISITS_CHUNK = 5_000;

type SalesFingerprint = TableFingerprint;

/** Count one more live purchase in a visits projection. */
function addPurchase(byContact: Map<string, Visits>, s: Sale, zone?: string): void {
  if (s.kind !== 'purchase' || s.deletedAt) return;
  const v = byContact.get(s.contactId);
  if (v) addVisit(v, s.at, zone);
  else {
    const fresh = visitsOf([s.at], zone);
    if (fresh) byContact.set(s.contactId, fresh);
  }
}

export function createQuietProjection(db: KenalDb) {
  /**
   * Whether sales or contacts may have changed since goneQuiet last checked: set by Dexie's
   * change event, which every write in every window and worker of the app fires (the sales
   * import announces its raw writes the same way). Until it is set, the kept copies are used
   * without counting the table (a count walks the whole table in Chromium).
   */
  let salesDirty = true;
  let contactsDirty = true;
  const onMutation = (parts: ObservabilitySet) => {
    for (const key of Object.keys(parts)) {
      if (key === 'all' || key.startsWith(`idb://${db.name}/sales/`)) salesDirty = true;
      if (key === 'all' || key.startsWith(`idb://${db.name}/contacts/`)) contactsDirty = true;
    }
  };
  Dexie.on('storagemutated', onMutation);
  db.on('close', () => Dexie.on('storagemutated').unsubscribe(onMutation));

  /** The projection goneQuiet keeps between runs, with the fingerprint it was made at. */
  let visitsCache:
    (SalesFingerprint & { byContact: Map<string, Visits>; zone: string | undefined }) | null = null;

  /** What changes whenever the sales (or contacts) table does (renderer/db/table-fingerprint). */
  function salesFingerprint(table: KenalDb['sales'] | KenalDb['contacts'] = db.sales) {
    return tableFingerprint(table);
  }

  /**
   * Each customer's visit pattern (the median of their gaps), kept with the visits it came
   * from: it depends on the visit days only, which grow in place as sales are added, so a kept
   * one is good while the day count and the options are the same.
   */
  const patterns = new WeakMap<Visits, { days: number; options: string; p: VisitPattern }>();
  const patternOf = (v: Visits, options: GoneQuietOptions, optionsKey: string): VisitPattern => {
    const kept = patterns.get(v);
    if (kept && kept.days === v.days.length && kept.options === optionsKey) return kept.p;
    const p = visitPattern(v, options);
    patterns.set(v, { days: v.days.length, options: optionsKey, p });
    return p;
  };

  /** Contact rows goneQuiet has read, kept with the contacts table's fingerprint. */
  let contactsCache: { fp: SalesFingerprint; rows: Map<string, ContactRow | undefined> } | null =
    null;

  /**
   * These contacts' rows, from the kept copies: rows written since (a newer `updatedAt` or
   * `_localStamp`, as every edit, merge and restore has) are read again; a table that shrank
   * (rows hard-deleted) is read afresh.
   */
  async function contactRows(ids: readonly string[]): Promise<Map<string, ContactRow | undefined>> {
    return db.transaction('r', db.contacts, async () => {
      const clean = contactsCache !== null && !contactsDirty;
      contactsDirty = false;
      const fp = clean ? contactsCache!.fp : await salesFingerprint(db.contacts);
      // A read a live query observes, so it runs again when a contact changes.
      if (clean) await db.contacts.orderBy('updatedAt').lastKey();
      let cache = contactsCache;
      if (!cache || fp.count < cache.fp.count) {
        cache = { fp, rows: new Map() };
      } else if (!sameFingerprint(cache.fp, fp)) {
        const [own, merged] = await Promise.all([
          db.contacts.where('updatedAt').above(cache.fp.lastUpdated).toArray(),
          db.contacts.where('_localStamp').above(cache.fp.lastLocal).toArray(),
        ]);
        for (const c of [...own, ...merged]) if (cache.rows.has(c.id)) cache.rows.set(c.id, c);
        cache.fp = fp;
      }
      const missing = ids.filter((id) => !cache.rows.has(id));
      if (missing.length > 0) {
        const got = await db.contacts.bulkGet(missing);
        missing.forEach((id, i) => cache.rows.set(id, got[i]));
      }
      contactsCache = cache;
      return cache.rows;
    });
  }

  /** Contact id -> visits (live purchases only), for every contact id that has a purchase. */
  async function purchaseVisits(): Promise<Map<string, Visits>> {
    return db.transaction('r', db.sales, db.settings, async () => {
      const zone = await shopZone(db);
      if (visitsCache?.zone !== zone) visitsCache = null;
      if (visitsCache && !salesDirty) {
        // Nothing written since: reuse it; read one key so a live query watches the sales.
        await db.sales.orderBy('updatedAt').lastKey();
        return visitsCache.byContact;
      }
      salesDirty = false; // before reading: a write meanwhile marks it again
      const fp = await salesFingerprint();
      const cached = visitsCache;
      if (cached && sameFingerprint(cached, fp)) return cached.byContact;
      if (cached) {
        const added = await addedSince(cached, fp);
        if (added) {
          for (const s of added) addPurchase(cached.byContact, s, zone);
          visitsCache = { ...fp, byContact: cached.byContact, zone };
          return cached.byContact;
        }
      }
      const times = new Map<string, string[]>();
      let after: string | undefined;
      for (;;) {
        const chunk = await (
          after === undefined
            ? db.sales.limit(VISITS_CHUNK)
            : db.sales.where(':id').above(after).limit(VISITS_CHUNK)
        ).toArray();
        for (const s of chunk) {
          if (s.kind !== 'purchase' || s.deletedAt) continue;
          const list = times.get(s.contactId);
          if (list) list.push(s.at);
          else times.set(s.contactId, [s.at]);
        }
        if (chunk.length < VISITS_CHUNK) break;
        after = chunk[chunk.length - 1]!.id;
      }
      const byContact = new Map<string, Visits>();
      for (const [id, list] of times) {
        const v = visitsOf(list, zone);
        if (v) byContact.set(id, v);
      }
      visitsCache = { ...fp, byContact, zone };
      return byContact;
    });
  }

  /**
   * The rows added since `cached` was made, when that is all that changed: every row written
   * since is new (the count grew by exactly their number) and none is a tombstone. Otherwise
   * null, and the caller reads everything again.
   */
  async function addedSince(
    cached: SalesFingerprint,
    fp: SalesFingerprint,
  ): Promise<Sale[] | null> {
    const grew = fp.count - cached.count;
    if (grew <= 0 || grew > VISITS_CHUNK) return null;
    const [own, merged] = await Promise.all([
      db.sales.where('updatedAt').above(cached.lastUpdated).toArray(),
      db.sales.where('_localStamp').above(cached.lastLocal).toArray(),
    ]);
    const byId = new Map<string, Sale>();
    for (const s of [...own, ...merged]) byId.set(s.id, s);
    if (byId.size !== grew) return null;
    const rows = [...byId.values()];
    return rows.some((s) => s.deletedAt !== undefined) ? null : rows;
  }

  return { purchaseVisits, contactRows, patternOf };
}
