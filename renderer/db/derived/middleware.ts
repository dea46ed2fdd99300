/**
 * The one place the kept figures (`customerFigures`) are maintained: a Dexie DBCore middleware
 * under every write of the app. Any read-write transaction that touches sales, ledger,
 * contacts or settings is widened to also hold the tables the figures are computed from and
 * the figures table itself, and after each write to those tables the customers it touched
 * are recomputed inside that same transaction (so the figures commit or roll back with the
 * events). No repository calls it: a sale, a refund, a redemption, a merge, a sync import,
 * a sales or contacts import, an erasure all go through it because they all write rows.
 *
 * - Writes that replace a whole table (a restore's `clear()`) or change the loyalty rules
 *   (which can move every expiry) do not recompute in the write: they mark the figures
 *   stale in `meta`, and the next reader rebuilds them (rebuild.ts, with a progress bar).
 * - Upkeeps of one transaction run one after another, so the last one for a customer always
 *   reads every write placed before it.
 */
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreIndex,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type {
  ContactFact,
  CustomerFigures,
  LedgerEvent,
  SaleEvent,
} from '../../../shared/derived/customer-figures';
import { LOYALTY_RULES_KEY, parseRules } from '../../../shared/loyalty/rules';
import { SHOP_TIME_ZONE_KEY } from '../../../shared/shop-settings';
import type { AppendedEvents } from '../../../shared/derived/figures-append';
import { FIGURES_META_KEY, FIGURES_TABLE, STALE } from './keys';
import { appendFigures, refreshFigures, type FiguresSource } from './refresh';

const EVENT_TABLES = new Set(['sales', 'ledger']);
/** Settings the figures are computed with: a change makes every row stale. */
const FIGURE_SETTINGS = new Set([LOYALTY_RULES_KEY, SHOP_TIME_ZONE_KEY]);
const TRIGGERS = new Set(['sales', 'ledger', 'contacts', 'settings']);
const NEEDED = [FIGURES_TABLE, 'contacts', 'sales', 'ledger', 'settings', 'meta'];

interface TxState {
  /** The previous upkeep of this transaction (they run in order). */
  queue: Promise<void>;
  /** The figures were marked stale in this transaction: skip the upkeep. */
  stale: boolean;
}

/**
 * Inside batchFigures: the ids written so far (those of contacts apart: a contact's old
 * customers are found through the kept aliases), recomputed once when the batch ends.
 */
interface Batch {
  events: Set<string>;
  contacts: Set<string>;
  /** New sales and ledger rows (adds), by contact: the incremental step may take them. */
  added: Map<string, { sales: SaleEvent[]; ledger: LedgerEvent[] }>;
}

/** Note rows just added to a sales or ledger table under their contact ids. */
function noteAdded(
  into: Map<string, { sales: SaleEvent[]; ledger: LedgerEvent[] }>,
  table: string,
  values: readonly unknown[],
): void {
  for (const v of values) {
    const id = String((v as Row).contactId);
    let entry = into.get(id);
    if (!entry) into.set(id, (entry = { sales: [], ledger: [] }));
    if (table === 'sales') entry.sales.push(v as SaleEvent);
    else entry.ledger.push(v as LedgerEvent);
  }
}

/**
 * Bring the figures up to date after writes: customers whose only writes were new events go
 * through the incremental step (appendFigures); the rest, and those it declines, are
 * recomputed in full.
 */
async function upkeep(
  src: FiguresSource,
  full: Iterable<string>,
  added: ReadonlyMap<string, AppendedEvents>,
): Promise<void> {
  const all = new Set(full);
  const onlyAdded = new Map([...added].filter(([id]) => !all.has(id)));
  for (const id of await appendFigures(src, onlyAdded)) all.add(id);
  if (all.size > 0) await refreshFigures(src, all);
}

/** Per transaction (a DBCoreTransaction is the IDBTransaction, unique across databases). */
const states = new WeakMap<DBCoreTransaction, TxState>();
const stateOf = (trans: DBCoreTransaction): TxState => {
  let s = states.get(trans);
  if (!s) {
    s = { queue: Promise.resolve(), stale: false };
    states.set(trans, s);
  }
  return s;
};

/**
 * Batches are kept per Dexie transaction (the outermost, read from the zone), which the
 * upkeep below sees in its zone too (the DBCore transaction a write carries is not one the
 * caller can reach).
 */
const batches = new WeakMap<object, Batch>();
function rootTransaction(psd: unknown): object | undefined {
  let tx = (psd as { trans?: { parent?: unknown } } | null)?.trans;
  while (tx?.parent) tx = tx.parent as { parent?: unknown };
  return tx;
}
const batchOf = (psd: unknown): Batch | undefined => {
  const tx = rootTransaction(psd);
  return tx && batches.get(tx);
};

/** The IDB transaction of the Dexie transaction the caller is inside. */
function currentTrans(): DBCoreTransaction {
  const tx = Dexie.currentTransaction as unknown as { idbtrans?: DBCoreTransaction } | null;
  if (!tx?.idbtrans) throw new Error('the kept figures need a transaction here');
  return tx.idbtrans;
}

/**
 * Run `fn` (inside a read-write transaction that holds the figures' tables) with the upkeep
 * held back: each write of `fn` only notes its customers, and they are recomputed once when
 * `fn` is done, still in the same transaction. A sale writes a sale, an earn and perhaps a
 * bonus: without this each of those writes re-read the customer's whole history.
 * The transaction's scope function must be `async` (Dexie then follows native awaits in its
 * zone; otherwise the writes after the first await leave the transaction).
 */
export async function batchFigures<T>(core: DBCore, fn: () => Promise<T>): Promise<T> {
  const trans = currentTrans();
  // The transaction's zone, taken now: after the awaits below the current one is lost.
  const zone = zoneApi();
  const psd = zone.PSD;
  const tx = rootTransaction(psd);
  if (!tx) throw new Error('batchFigures needs a transaction');
  if (batches.has(tx)) return fn();
  const batch: Batch = { events: new Set(), contacts: new Set(), added: new Map() };
  batches.set(tx, batch);
  // A failed `fn` aborts the transaction: nothing of it (figures included) is kept.
  let result: T;
  try {
    result = await fn();
  } finally {
    batches.delete(tx);
  }
  const { events, contacts, added } = batch;
  if (events.size === 0 && contacts.size === 0 && added.size === 0) return result;
  const src = coreSource(core, trans, (f) => zone.usePSD(psd, f));
  const also = contacts.size > 0 ? await src.countedFor([...contacts]) : [];
  // A contact written in the batch (a merge) may move events: everything the full way then.
  if (contacts.size > 0) for (const id of added.keys()) events.add(id);
  await upkeep(src, [...events, ...contacts, ...also], contacts.size > 0 ? new Map() : added);
  return result;
}

type Row = Record<string, unknown>;

// DBCoreRangeType is a const enum (not importable with isolatedModules): 1 Equal, 2 Range.
const equal = (key: unknown): DBCoreKeyRange => ({ type: 1, lower: key, upper: key });
const between = (lower: unknown, upper: unknown): DBCoreKeyRange => ({
  type: 2,
  lower,
  upper,
  lowerOpen: false,
  upperOpen: false,
});

function index(table: DBCoreTable, keyPath: string | string[]): DBCoreIndex {
  const found = table.schema.getIndexByKeyPath(keyPath);
  if (!found) throw new Error(`index ${String(keyPath)} missing on ${table.name}`);
  return found;
}

/**
 * Dexie's zone (PSD) of the write: the layers below (hooks, live-query observability) read the
 * current transaction from it, and our continuations after an await have lost it. Dexie.Promise
 * exposes it at runtime (PSD, usePSD), untyped; checked once here.
 */
interface ZoneApi {
  PSD: unknown;
  usePSD<T>(zone: unknown, fn: () => T): T;
}
function zoneApi(): ZoneApi {
  const api = Dexie.Promise as unknown as Partial<ZoneApi>;
  if (typeof api.usePSD !== 'function' || !('PSD' in api)) {
    throw new Error('Dexie.Promise has no PSD/usePSD: the derived figures need them');
  }
  return api as ZoneApi;
}

type Zoned = <T>(fn: () => T) => T;

function zonedTable(down: DBCore, name: string, zoned: Zoned): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    mutate: (req) => zoned(() => table.mutate(req)),
    get: (req) => zoned(() => table.get(req)),
    getMany: (req) => zoned(() => table.getMany(req)),
    query: (req) => zoned(() => table.query(req)),
    openCursor: (req) => zoned(() => table.openCursor(req)),
    count: (req) => zoned(() => table.count(req)),
  };
}

/** The figures' inputs read through the core below this middleware, in the write's transaction. */
function coreSource(
  down: DBCore,
  trans: DBCoreTransaction,
  zoned: Zoned,
): FiguresSource & { countedFor(ids: string[]): Promise<string[]> } {
  const tbl = (name: string) => zonedTable(down, name, zoned);
  const byContact = async (name: string, id: string) => {
    const table = tbl(name);
    const res = await table.query({
      trans,
      values: true,
      query: {
        index: index(table, ['contactId', 'at']),
        range: between([id, down.MIN_KEY], [id, down.MAX_KEY]),
      },
    });
    return res.result;
  };
  return {
    contacts: async (ids) => (await tbl('contacts').getMany({ trans, keys: ids })) as ContactFact[],
    async mergedFrom(ids) {
      const table = tbl('contacts');
      const out: string[] = [];
      for (const id of ids) {
        const res = await table.query({
          trans,
          values: false,
          query: { index: index(table, 'mergedInto'), range: equal(id) },
        });
        out.push(...(res.result as string[]));
      }
      return out;
    },
    async eventsBetween(name, lo, hi, limit) {
      const table = tbl(name);
      const res = await table.query({
        trans,
        values: true,
        limit: limit + 1,
        query: {
          index: index(table, ['contactId', 'at']),
          range: between([lo, down.MIN_KEY], [hi, down.MAX_KEY]),
        },
      });
      return res.result.length > limit ? null : (res.result as (SaleEvent | LedgerEvent)[]);
    },
    async mergedBetween(lo, hi, limit) {
      const table = tbl('contacts');
      const res = await table.query({
        trans,
        values: true,
        limit: limit + 1,
        query: { index: index(table, 'mergedInto'), range: between(lo, hi) },
      });
      return res.result.length > limit ? null : (res.result as ContactFact[]);
    },
    async countedFor(ids) {
      const table = tbl(FIGURES_TABLE);
      const out: string[] = [];
      for (const id of ids) {
        const res = await table.query({
          trans,
          values: false,
          query: { index: index(table, 'aliases'), range: equal(id) },
        });
        out.push(...(res.result as string[]));
      }
      return out;
    },
    sales: (id) => byContact('sales', id) as Promise<SaleEvent[]>,
    ledger: (id) => byContact('ledger', id) as Promise<LedgerEvent[]>,
    async rules() {
      const table = tbl('settings');
      const setting = async (key: string) => {
        const res = await table.query({
          trans,
          values: true,
          query: { index: index(table, 'key'), range: equal(key) },
        });
        const row = res.result[0] as { value?: unknown; deletedAt?: string } | undefined;
        return row && !row.deletedAt ? row.value : undefined;
      };
      // The shop's zone decides expiry months and visit days: the figures depend on it too.
      return parseRules(await setting(LOYALTY_RULES_KEY), await setting(SHOP_TIME_ZONE_KEY));
    },
    async kept(id) {
      return (await tbl(FIGURES_TABLE).get({ trans, key: id })) as CustomerFigures | undefined;
    },
    async figuresVersion() {
      const row = (await tbl('meta').get({ trans, key: FIGURES_META_KEY })) as
        { value?: unknown } | undefined;
      return row?.value;
    },
    async put(rows: CustomerFigures[]) {
      await tbl(FIGURES_TABLE).mutate({ type: 'put', trans, values: rows });
    },
    async remove(ids) {
      await tbl(FIGURES_TABLE).mutate({ type: 'delete', trans, keys: ids });
    },
  };
}

/**
 * The figures' inputs for a Dexie transaction the caller is inside (the rebuild): read through
 * the whole stack (`db.core`) with that transaction's zone, as the upkeep reads.
 */
export function currentTransactionSource(core: DBCore): FiguresSource {
  const trans = currentTrans();
  const zone = zoneApi();
  const psd = zone.PSD;
  return coreSource(core, trans, (fn) => zone.usePSD(psd, fn));
}

async function markStale(down: DBCore, trans: DBCoreTransaction, zoned: Zoned): Promise<void> {
  const meta = down.table('meta');
  await zoned(() =>
    meta.mutate({
      type: 'put',
      trans,
      // A new value each time, so a rebuild running meanwhile sees it changed and goes again.
      values: [{ key: FIGURES_META_KEY, value: `${STALE}:${Date.now()}:${Math.random()}` }],
    }),
  );
}

const keyOf = (req: DBCoreMutateRequest, i: number): unknown =>
  req.type === 'add' || req.type === 'put'
    ? (req.keys?.[i] ?? (req.values[i] as Row).id)
    : undefined;

export const figuresMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KenalDerivedFigures',
  create(down: DBCore): Partial<DBCore> {
    // Without the table (an older schema opened by a test), there is nothing to keep.
    const enabled = down.schema.tables.some((s) => s.name === FIGURES_TABLE);
    const zone = zoneApi();

    return {
      transaction(stores, mode, options) {
        if (enabled && mode === 'readwrite' && stores.some((s) => TRIGGERS.has(s))) {
          const widened = [...new Set([...stores, ...NEEDED])];
          return down.transaction(widened, mode, options);
        }
        return down.transaction(stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!enabled || !TRIGGERS.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const state = stateOf(req.trans);
            if (state.stale) return table.mutate(req);
            const psd = zone.PSD;
            const zoned: Zoned = (fn) => zone.usePSD(psd, fn);
            const { ids, staleAfter } = await before(down, name, req, zoned);
            const res = await zoned(() => table.mutate(req));
            if (staleAfter) {
              state.stale = true;
              await state.queue;
              await markStale(down, req.trans, zoned);
              return res;
            }
            if (ids.length === 0) return res;
            // New sales or ledger rows (an add that wrote them all) may take the incremental
            // step; any other write recomputes its customers in full.
            const added =
              EVENT_TABLES.has(name) && req.type === 'add' && res.numFailures === 0
                ? req.values
                : null;
            const batch = batchOf(psd);
            if (batch) {
              if (added) noteAdded(batch.added, name, added);
              else {
                const into = name === 'contacts' ? batch.contacts : batch.events;
                for (const id of ids) into.add(id);
              }
              return res;
            }
            const src = coreSource(down, req.trans, zoned);
            const run = state.queue.then(async () => {
              if (added) {
                const map = new Map<string, { sales: SaleEvent[]; ledger: LedgerEvent[] }>();
                noteAdded(map, name, added);
                return upkeep(src, [], map);
              }
              const also = name === 'contacts' ? await src.countedFor(ids) : [];
              await refreshFigures(src, [...ids, ...also]);
            });
            state.queue = run.catch(() => undefined);
            await run;
            return res;
          },
        };
      },
    };
  },
};

/**
 * Before a write: the ids whose customers it may change (for contacts, also where a contact
 * resolved before the write, since a merge moves its events away), or that it goes stale.
 */
async function before(
  down: DBCore,
  name: string,
  req: DBCoreMutateRequest,
  zoned: Zoned,
): Promise<{ ids: string[]; staleAfter: boolean }> {
  const table = zonedTable(down, name, zoned);
  if (req.type === 'deleteRange') return { ids: [], staleAfter: true };
  if (name === 'settings') {
    const touchesRules =
      req.type === 'delete' || req.values.some((v) => FIGURE_SETTINGS.has(String((v as Row).key)));
    return { ids: [], staleAfter: touchesRules };
  }
  if (EVENT_TABLES.has(name)) {
    if (req.type === 'delete') {
      const old = (await table.getMany({ trans: req.trans, keys: req.keys })) as (
        Row | undefined
      )[];
      return { ids: old.flatMap((o) => (o ? [String(o.contactId)] : [])), staleAfter: false };
    }
    return { ids: req.values.map((v) => String((v as Row).contactId)), staleAfter: false };
  }
  // contacts: no read before the write (reading first broke live queries in Chromium); the
  // customers a contact counted for before are found after it through the kept `aliases`.
  const keys = req.type === 'delete' ? req.keys : req.values.map((_, i) => keyOf(req, i));
  const ids = keys.map(String);
  return { ids, staleAfter: false };
}
