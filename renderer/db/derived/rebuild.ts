/**
 * Rebuild the kept figures from the events: after an upgrade (no version in meta yet), a
 * restore or a rules change (the middleware marked them stale), or the Settings repair action.
 * Contacts are walked in id order in short transactions of their own, so the app stays usable;
 * writes meanwhile keep their customers' rows up to date through the middleware. Progress is
 * observable (the app shows a bar) and the user may cancel: the figures then stay marked stale
 * and the next screen that needs them starts again.
 */
import { RebuildCancelledError } from '../errors';
import { FIGURES_VERSION } from '../../../shared/derived/customer-figures';
import type { KenalDb } from '../database';
import { FIGURES_META_KEY, KEEP_FIGURES, STALE } from './keys';
import { currentTransactionSource } from './middleware';
import { refreshFigures } from './refresh';

const CHUNK = 500;
const CURRENT = String(FIGURES_VERSION);

export interface RebuildProgress {
  done: number;
  total: number;
}

type Listener = (p: RebuildProgress | null) => void;

interface Runner {
  running: Promise<void> | null;
  progress: RebuildProgress | null;
  listeners: Set<Listener>;
  cancel: AbortController | null;
}

const runners = new WeakMap<KenalDb, Runner>();
function runnerOf(db: KenalDb): Runner {
  let r = runners.get(db);
  if (!r) {
    r = { running: null, progress: null, listeners: new Set(), cancel: null };
    runners.set(db, r);
  }
  return r;
}

function report(r: Runner, p: RebuildProgress | null) {
  r.progress = p;
  r.listeners.forEach((l) => l(p));
}

const TABLES = (db: KenalDb) => [
  db.customerFigures,
  db.contacts,
  db.sales,
  db.ledger,
  db.settings,
  db.meta,
];

async function rebuildOnce(db: KenalDb, r: Runner, signal: AbortSignal): Promise<void> {
  for (;;) {
    const mark = (await db.meta.get(FIGURES_META_KEY))?.value;
    if (mark === CURRENT) return;
    const total = await db.contacts.count();
    let done = 0;
    report(r, { done, total });
    let after: string | undefined;
    for (;;) {
      if (signal.aborted) throw new RebuildCancelledError();
      const ids = await (
        after === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(after)
      )
        .limit(CHUNK)
        .primaryKeys();
      if (ids.length === 0) break;
      await db.transaction('rw', TABLES(db), () =>
        refreshFigures(currentTransactionSource(db.core), ids),
      );
      after = ids[ids.length - 1];
      done += ids.length;
      report(r, { done: Math.min(done, total), total });
      // Let the screen paint between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Rows no contact produced (a contact gone since an older build): recompute, which drops them.
    const finished = await db.transaction('rw', TABLES(db), async () => {
      const kept = await db.customerFigures.toCollection().primaryKeys();
      const live = new Set(await db.contacts.bulkGet(kept).then((l) => l.map((c) => c?.id)));
      const orphans = kept.filter((id) => !live.has(id));
      if (orphans.length > 0) await refreshFigures(currentTransactionSource(db.core), orphans);
      // A write that marked them stale meanwhile (restore, rules) means another round.
      if ((await db.meta.get(FIGURES_META_KEY))?.value !== mark) return false;
      await db.meta.put({ key: FIGURES_META_KEY, value: CURRENT });
      return true;
    });
    if (finished) return;
  }
}

/**
 * Resolve once the figures are built for FIGURES_VERSION (rebuilding them first when needed;
 * one rebuild at a time per database).
 */
export async function ensureFigures(db: KenalDb, signal?: AbortSignal): Promise<void> {
  if (!KEEP_FIGURES) return;
  const r = runnerOf(db);
  if (r.running) return follow(r, signal);
  const mark = (await db.meta.get(FIGURES_META_KEY))?.value;
  if (mark === CURRENT) return;
  return startRebuild(db, signal);
}

/**
 * The running rebuild, stopped when `signal` aborts. Every cancel goes through an AbortSignal:
 * the runner's own controller (cancelRebuild, a repair replacing a rebuild) and the caller's.
 */
function follow(r: Runner, signal: AbortSignal | undefined): Promise<void> {
  const running = r.running!;
  const cancel = r.cancel;
  if (signal && cancel) {
    if (signal.aborted) cancel.abort();
    else signal.addEventListener('abort', () => cancel.abort(), { once: true });
  }
  return running;
}

function startRebuild(db: KenalDb, signal?: AbortSignal): Promise<void> {
  const r = runnerOf(db);
  if (r.running) return follow(r, signal);
  const cancel = new AbortController();
  r.cancel = cancel;
  r.running = rebuildOnce(db, r, cancel.signal).finally(() => {
    r.running = null;
    r.cancel = null;
    report(r, null);
  });
  return follow(r, signal);
}

/** The Settings repair action: mark the figures stale and rebuild them from the events. */
export async function repairFigures(db: KenalDb, signal?: AbortSignal): Promise<void> {
  if (!KEEP_FIGURES) return;
  const r = runnerOf(db);
  if (r.running) {
    r.cancel?.abort();
    await r.running.catch(() => undefined);
  }
  await db.meta.put({ key: FIGURES_META_KEY, value: `${STALE}:repair:${Date.now()}` });
  return startRebuild(db, signal);
}

/** Stop a running rebuild (the figures stay stale): aborts the rebuild's AbortSignal. */
export function cancelRebuild(db: KenalDb): void {
  runnerOf(db).cancel?.abort();
}

/** Follow the rebuild's progress (null: none running). Returns the unsubscribe. */
export function watchRebuild(db: KenalDb, listener: Listener): () => void {
  const r = runnerOf(db);
  r.listeners.add(listener);
  listener(r.progress);
  return () => r.listeners.delete(listener);
}
