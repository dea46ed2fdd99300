/**
 * The in-memory contact search index (shared/contacts/search-index.ts) kept in step with the
 * contacts table, so a keystroke never reads IndexedDB.
 *
 * - Built lazily, the first time something searches, from a projection of the rows read in
 *   chunks (each chunk its own short read transaction, so writers are never held up).
 * - Any write to the table, in this tab or another (Dexie's 'storagemutated' event, which is
 *   what useLiveQuery observes too), marks it dirty. The next query brings it up to date by
 *   reading only the rows written since: every write by this device carries a stamp of its
 *   clock in `updatedAt` (own edits, loyalty imports) or `_localStamp` (the contacts
 *   repository's writes, sync merges, restores), and both are indexed. Rows written without a
 *   newer stamp (a demo book) or removed outright (a restore clears the table) change the row
 *   count, and a count that disagrees with the index means a rebuild.
 * - Every query also reads one primary key of the table, so a live query that goes through the
 *   catalog re-runs on any change of the table.
 * - Kept across restarts: after a build and after changes (a few seconds later, in the
 *   background) the index is written as a snapshot (shared/contacts/search-index.ts) to a side
 *   database `<db>-search-cache`, with the stamps it is up to date with. Opening the app reads
 *   that one record instead of every contact, then catches up like any update, so the first
 *   keystroke is answered at once. It is derived data: never synced or backed up, ignored when
 *   it belongs to another database (device id) or another format, rebuilt when the counts
 *   disagree. A change (an erasure too) is written over it within seconds.
 */
import Dexie, { type Table } from 'dexie';
import {
  ContactSearchIndex,
  type IndexInput,
  type IndexSnapshot,
} from '../../shared/contacts/search-index';
import type { ContactRow, KenalDb } from './database';

const CLOCK_KEY = 'hlc';
const DEVICE_KEY = 'deviceId';
const CHUNK = 5000;
/** Quiet time after a change before the snapshot is written again. */
const PERSIST_DELAY_MS = 2000;
const SNAPSHOT_KEY = 'contacts';

/** The side database the snapshot lives in (one record). */
export const searchCacheName = (dbName: string) => `${dbName}-search-cache`;

interface StoredIndex {
  key: string;
  /** The device id of the indexed database: one deleted and made again has another. */
  deviceId: string;
  localMark: string;
  updatedMark: string;
  snapshot: IndexSnapshot;
}

export class SearchCacheDb extends Dexie {
  indexes!: Table<StoredIndex, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ indexes: 'key' });
  }
}

type Row = ContactRow & { _localStamp?: string };

export function toIndexInput(r: ContactRow): IndexInput {
  return {
    id: r.id,
    live: r.deletedAt === undefined && r.mergedInto === undefined,
    sortKey: r.sortKey,
    nameTokens: r.nameTokens,
    phoneKeys: r.phoneKeys,
    emailKeys: r.emailKeys ?? [],
    tagKeys: r.tagKeys,
    cityKeys: r.cityKeys ?? [],
  };
}

export interface CatalogStatus {
  /** The index exists (it may be catching up with a write). */
  ready: boolean;
  /** Changes whenever the index was built or updated. */
  version: number;
  /** How long the last full build took, in ms (for the benchmark). */
  lastBuildMs?: number;
  /** Where the index came from when the app opened: the kept snapshot or the rows. */
  openedFrom?: 'snapshot' | 'rows';
}

export interface ContactCatalog {
  /** The index, built if needed and brought up to date with the table. */
  current(): Promise<ContactSearchIndex>;
  /** The index as it is, without waiting (null until the first build ends). */
  peek(): ContactSearchIndex | null;
  /** Start building in the background (after `delayMs`) if nothing has yet. */
  warm(delayMs?: number): void;
  /** Resolves once the first build has ended (does not start one: see warm). */
  built(): Promise<void>;
  /** Mark out of date (the repository calls it after its own writes). */
  invalidate(): void;
  status(): CatalogStatus;
  /** Called after each build or update; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Write the snapshot now (brought up to date first); resolves when it is stored. */
  persist(): Promise<void>;
}

export interface CatalogOptions {
  /** Keep the index across restarts (default true). */
  persist?: boolean;
}

export function createContactCatalog(db: KenalDb, options: CatalogOptions = {}): ContactCatalog {
  const keep = options.persist ?? true;
  let cache: SearchCacheDb | undefined;
  const cacheDb = () => (cache ??= new SearchCacheDb(searchCacheName(db.name)));
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let openedFrom: CatalogStatus['openedFrom'];
  let index: ContactSearchIndex | null = null;
  let dirty = true;
  let pending: Promise<ContactSearchIndex> | null = null;
  let localMark = '';
  let updatedMark = '';
  let status: CatalogStatus = { ready: false, version: 0 };
  const listeners = new Set<() => void>();
  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  let markBuilt: () => void = () => undefined;
  const firstBuild = new Promise<void>((resolve) => (markBuilt = resolve));
  const prefix = `idb://${db.name}/contacts/`;

  const onMutation = (parts: Record<string, unknown>) => {
    for (const key of Object.keys(parts)) {
      if (key.startsWith(prefix)) {
        dirty = true;
        // What is kept follows the table within seconds (an erased name must not linger).
        if (index !== null) schedulePersist();
        return;
      }
    }
  };
  Dexie.on('storagemutated', onMutation);
  db.on('close', () => {
    Dexie.on('storagemutated').unsubscribe(onMutation);
    clearTimeout(persistTimer);
    persistTimer = undefined;
    cache?.close();
  });

  const changed = (next: ContactSearchIndex, buildMs?: number) => {
    index = next;
    status = {
      ready: true,
      version: status.version + 1,
      lastBuildMs: buildMs ?? status.lastBuildMs,
      openedFrom,
    };
    markBuilt();
    for (const l of listeners) l();
  };

  function schedulePersist(): void {
    if (!keep || persistTimer !== undefined) return;
    persistTimer = setTimeout(() => {
      persistTimer = undefined;
      void persist().catch(() => undefined);
    }, PERSIST_DELAY_MS);
  }

  /** Bring the index up to date and write its snapshot with the stamps it covers. */
  async function persist(): Promise<void> {
    if (!keep || index === null || !db.isOpen()) return;
    const deviceId = (await db.meta.get(DEVICE_KEY))?.value;
    if (deviceId === undefined) return;
    const current = await settle();
    // Taken together, with no await between: the snapshot and the marks it is up to date with.
    const record: StoredIndex = {
      key: SNAPSHOT_KEY,
      deviceId,
      localMark,
      updatedMark,
      snapshot: current.snapshot(),
    };
    if (!db.isOpen()) return;
    await cacheDb().indexes.put(record);
  }

  /** The kept snapshot, if it is this database's and this code can read it. */
  async function reopen(): Promise<ContactSearchIndex | null> {
    if (!keep) return null;
    try {
      const [stored, deviceId] = await Promise.all([
        cacheDb().indexes.get(SNAPSHOT_KEY),
        db.meta.get(DEVICE_KEY).then((r) => r?.value),
      ]);
      if (!stored || deviceId === undefined || stored.deviceId !== deviceId) return null;
      if (typeof stored.localMark !== 'string' || typeof stored.updatedMark !== 'string') {
        return null;
      }
      const reopened = ContactSearchIndex.fromSnapshot(stored.snapshot);
      if (!reopened) return null;
      localMark = stored.localMark;
      updatedMark = stored.updatedMark;
      return reopened;
    } catch {
      return null; // no side database (private mode, quota): build from the rows
    }
  }

  /** The first index of this session: the kept snapshot brought up to date, else a build. */
  async function open(): Promise<ContactSearchIndex> {
    const reopened = await reopen();
    if (reopened) {
      openedFrom = 'snapshot';
      const caughtUp = await refresh(reopened);
      if (caughtUp !== reopened) {
        // The counts disagreed (a restore, a demo book): it was built from the rows after all.
        openedFrom = 'rows';
        status = { ...status, openedFrom };
      }
      return caughtUp;
    }
    openedFrom = 'rows';
    return build();
  }

  const max = (a: string, b: string) => (a > b ? a : b);

  async function build(): Promise<ContactSearchIndex> {
    const started = performance.now();
    dirty = false;
    const clock = (await db.meta.get(CLOCK_KEY))?.value ?? '';
    const rows: IndexInput[] = [];
    let newest = clock;
    let last: string | null = null;
    for (;;) {
      const from = last;
      const chunk: Row[] = await (from === null
        ? db.contacts.limit(CHUNK).toArray()
        : db.contacts.where(':id').above(from).limit(CHUNK).toArray());
      for (const r of chunk) {
        rows.push(toIndexInput(r));
        newest = max(newest, r.updatedAt);
      }
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.id;
    }
    localMark = clock;
    updatedMark = newest;
    const next = ContactSearchIndex.build(rows);
    changed(next, performance.now() - started);
    schedulePersist();
    return next;
  }

  async function refresh(current: ContactSearchIndex): Promise<ContactSearchIndex> {
    dirty = false;
    const { clock, rows, count } = await db.transaction('r', db.contacts, db.meta, async () => {
      const clock = (await db.meta.get(CLOCK_KEY))?.value ?? '';
      const [byLocal, byUpdated, count] = await Promise.all([
        db.contacts.where('_localStamp').above(localMark).toArray() as Promise<Row[]>,
        db.contacts.where('updatedAt').above(updatedMark).toArray(),
        db.contacts.count(),
      ]);
      return { clock, rows: [...byLocal, ...byUpdated], count };
    });
    current.upsert(rows.map(toIndexInput));
    if (current.knownRows !== count) return build();
    localMark = max(localMark, clock);
    updatedMark = rows.reduce((m, r) => max(m, r.updatedAt), max(updatedMark, clock));
    changed(current);
    if (rows.length > 0) schedulePersist();
    return current;
  }

  function settle(): Promise<ContactSearchIndex> {
    if (pending) return pending;
    const work = index === null ? open() : dirty ? refresh(index) : null;
    if (!work) return Promise.resolve(index!);
    pending = work.finally(() => {
      pending = null;
    });
    return pending;
  }

  return {
    async current() {
      // Subscribes a surrounding live query to every change of the table (one key read).
      await db.contacts.limit(1).primaryKeys();
      let next = await settle();
      // A write landed while we were updating: catch up once more.
      if (dirty) next = await settle();
      return next;
    },
    peek: () => index,
    warm(delayMs = 0) {
      if (index !== null || pending || warmTimer !== undefined) return;
      warmTimer = setTimeout(() => {
        warmTimer = undefined;
        void settle().catch(() => undefined);
      }, delayMs);
    },
    built: () => firstBuild,
    invalidate() {
      dirty = true;
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async persist() {
      clearTimeout(persistTimer);
      persistTimer = undefined;
      await persist();
    },
  };
}
