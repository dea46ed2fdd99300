/**
 * Recompute the kept figures of the customers some ids stand for, over any storage (the
 * write-time upkeep reads through Dexie's DBCore inside the write's own transaction; the
 * rebuild reads through Dexie). The inputs are gathered exactly as the loyalty repository
 * gathers them (the survivor and every contact merged into it; events not tombstoned), and
 * shared/derived/customer-figures.ts does the math.
 */
import { aliasGroup, resolveSurvivor } from '../../../shared/contacts/survivor';
import {
  customerFigures,
  FIGURES_VERSION,
  type ContactFact,
  type CustomerFigures,
  type LedgerEvent,
  type SaleEvent,
} from '../../../shared/derived/customer-figures';
import { appendToFigures, type AppendedEvents } from '../../../shared/derived/figures-append';
import type { LoyaltyRules } from '../../../shared/loyalty/rules';

/** What a recomputation reads and writes. */
export interface FiguresSource {
  contacts(ids: string[]): Promise<(ContactFact | undefined)[]>;
  /** Ids of contacts whose mergedInto is one of `ids`. */
  mergedFrom(ids: string[]): Promise<string[]>;
  sales(contactId: string): Promise<SaleEvent[]>;
  ledger(contactId: string): Promise<LedgerEvent[]>;
  rules(): Promise<LoyaltyRules>;
  /**
   * Every sale or ledger entry whose contactId is in [lo, hi], or null when there are more
   * than `limit` (then each contact is read on its own). Ids made together (an import, a
   * rebuild's chunk in id order) are neighbours, so one range read serves them all.
   */
  eventsBetween(
    table: 'sales' | 'ledger',
    lo: string,
    hi: string,
    limit: number,
  ): Promise<(SaleEvent | LedgerEvent)[] | null>;
  /** Contacts whose mergedInto is in [lo, hi] (null above `limit`). */
  mergedBetween(lo: string, hi: string, limit: number): Promise<ContactFact[] | null>;
  /** The kept row of `id` (a survivor's; none for an id merged away). */
  kept(id: string): Promise<CustomerFigures | undefined>;
  /** The FIGURES_VERSION the kept rows were built with, or the stale mark (keys.ts). */
  figuresVersion(): Promise<unknown>;
  put(rows: CustomerFigures[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

/**
 * Bring the figures of every customer `ids` stand for up to date: each id's survivor gets its
 * row recomputed; an id that is no longer a survivor (merged away) or no longer a contact
 * loses its row.
 */
export async function refreshFigures(src: FiguresSource, ids: Iterable<string>): Promise<void> {
  const cache = new Map<string, ContactFact | undefined>();
  const contactOf = async (id: string): Promise<ContactFact | undefined> => {
    if (cache.has(id)) return cache.get(id);
    const [row] = await src.contacts([id]);
    cache.set(id, row);
    return row;
  };
  const unique = [...new Set(ids)];
  // Read the touched contacts at once; chains are followed one get at a time (short).
  const first = await src.contacts(unique);
  unique.forEach((id, i) => cache.set(id, first[i]));

  const survivors = new Set<string>();
  const gone = new Set<string>();
  for (const id of unique) {
    const s = await resolveSurvivor(id, async (c) => (await contactOf(c))?.mergedInto);
    if (s !== id) gone.add(id);
    survivors.add(s);
  }
  const pre = await prefetch(src, [...survivors]);
  const inRange = (id: string) => pre !== null && id >= pre.lo && id <= pre.hi;
  const mergedFrom = async (list: string[]) => {
    const out: string[] = [];
    const rest = list.filter((id) => !inRange(id));
    for (const id of list) if (inRange(id)) out.push(...(pre!.merged.get(id) ?? []));
    if (rest.length > 0) out.push(...(await src.mergedFrom(rest)));
    return out;
  };
  let rules: LoyaltyRules | undefined;
  const rows: CustomerFigures[] = [];
  for (const id of survivors) {
    const contact = await contactOf(id);
    if (contact === undefined) {
      gone.add(id);
      continue;
    }
    const group = await aliasGroup(id, mergedFrom);
    const sales: SaleEvent[] = [];
    const ledger: LedgerEvent[] = [];
    for (const alias of group) {
      if (inRange(alias)) {
        sales.push(...((pre!.sales.get(alias) ?? []) as SaleEvent[]));
        ledger.push(...((pre!.ledger.get(alias) ?? []) as LedgerEvent[]));
      } else {
        sales.push(...(await src.sales(alias)));
        ledger.push(...(await src.ledger(alias)));
      }
    }
    rules ??= await src.rules();
    rows.push(customerFigures({ id, contact, aliases: group, sales, ledger, rules }));
  }
  for (const row of rows) gone.delete(row.id);
  if (gone.size > 0) await src.remove([...gone]);
  if (rows.length > 0) await src.put(rows);
}

/**
 * Events just added (new rows, by contact id) that come after everything their customer's
 * kept row holds (the ordinary sale, its points, a redemption now): the row is updated by the
 * incremental step (shared/derived/figures-append.ts) without reading the customer's history.
 * Returns the ids it could not do so (stale figures, no row of that id, a back-dated or
 * refund-like event): the caller recomputes those with refreshFigures.
 */
export async function appendFigures(
  src: FiguresSource,
  appended: ReadonlyMap<string, AppendedEvents>,
): Promise<string[]> {
  if (appended.size === 0) return [];
  if ((await src.figuresVersion()) !== String(FIGURES_VERSION)) return [...appended.keys()];
  const rest: string[] = [];
  const rows: CustomerFigures[] = [];
  let rules: LoyaltyRules | undefined;
  for (const [id, events] of appended) {
    // Rows are kept under survivors only: an alias's events go the full way (to its survivor).
    const row = await src.kept(id);
    rules ??= await src.rules();
    const next = row ? appendToFigures(row, events, rules) : null;
    if (next) rows.push(next);
    else rest.push(id);
  }
  if (rows.length > 0) await src.put(rows);
  return rest;
}

/** Rows one range read may bring before each contact is read on its own instead. */
const PREFETCH_LIMIT = 20_000;

interface Prefetched {
  lo: string;
  hi: string;
  sales: Map<string, unknown[]>;
  ledger: Map<string, unknown[]>;
  merged: Map<string, string[]>;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The events and merges of every id in [min, max] of `ids`, in three range reads, or null. */
async function prefetch(src: FiguresSource, ids: string[]): Promise<Prefetched | null> {
  if (ids.length < 2) return null;
  const sorted = [...ids].sort();
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const sales = await src.eventsBetween('sales', lo, hi, PREFETCH_LIMIT);
  if (sales === null) return null;
  const ledger = await src.eventsBetween('ledger', lo, hi, PREFETCH_LIMIT);
  if (ledger === null) return null;
  const merged = await src.mergedBetween(lo, hi, PREFETCH_LIMIT);
  if (merged === null) return null;
  const byContact = (e: { contactId?: unknown }) => String(e.contactId);
  return {
    lo,
    hi,
    sales: groupBy(sales as { contactId?: unknown }[], byContact),
    ledger: groupBy(ledger as { contactId?: unknown }[], byContact),
    merged: new Map(
      [...groupBy(merged, (c) => c.mergedInto!)].map(([k, v]) => [k, v.map((c) => c.id)]),
    ),
  };
}
