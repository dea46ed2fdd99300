/**
 * What the report worker holds and how it answers messages, apart from the Worker itself so the
 * same code runs in-process (unit tests, a browser that refuses the worker).
 *
 * Holds only compact typed arrays: the sales-side dataset, the ledger dataset, and the liability
 * already computed per period end (a period change recomputes the sales reports, which are fast;
 * the ledger replay is cached).
 */
import {
  computeLiability,
  computeReport,
  drillCustomers,
  rfmScoresAsOf,
  reportPeriods,
  type LoyaltyDataset,
  type ReportDataset,
  type ReportOptions,
} from '../../../shared/reports';
import type { ContactResolver, ReportsRepository } from '../../db/repositories/reports';
import type { FromWorker, LiabilityPair, ToWorker } from './worker-protocol';

export interface WorkerState {
  handle(m: ToWorker): void;
}

interface Held {
  fingerprint: string | undefined;
  dataset: ReportDataset;
  customerIds: string[];
}

/** What the liability depends on: the periods measured (now, for a running one) and a point's value. */
const liabilityKey = (o: ReportOptions) =>
  JSON.stringify([reportPeriods(o), o.compare, o.pointValue]);

function errorMessage(id: number, err: unknown): FromWorker {
  return {
    type: 'error',
    id,
    message: err instanceof Error ? err.message : String(err),
    name: err instanceof Error ? err.name : undefined,
  };
}

function cancelled(): Error {
  const e = new Error('Loading the report was cancelled');
  e.name = 'AbortError';
  return e;
}

export function createWorkerState(
  post: (m: FromWorker) => void,
  reportsFor: (dbName: string) => Promise<ReportsRepository>,
): WorkerState {
  let held: Held | null = null;
  let loyalty: LoyaltyDataset | null = null;
  /** Liability requests waiting for the ledger of the current (or next) read. */
  let waiters: { ok: (l: LoyaltyDataset) => void; fail: (e: unknown) => void }[] = [];
  const liabilityCache = new Map<string, LiabilityPair>();

  const setLoyalty = (l: LoyaltyDataset) => {
    loyalty = l;
    liabilityCache.clear();
    const ready = waiters;
    waiters = [];
    for (const w of ready) w.ok(l);
  };
  const failLoyalty = (err: unknown) => {
    const failed = waiters;
    waiters = [];
    for (const w of failed) w.fail(err);
  };
  const whenLoyalty = (): Promise<LoyaltyDataset> =>
    loyalty ? Promise.resolve(loyalty) : new Promise((ok, fail) => waiters.push({ ok, fail }));

  /** The read in progress (both phases); a newer read aborts it. */
  let current: AbortController | null = null;
  /** Set while the sales side is read: what the screen's cancel (an 'abort' message) stops. */
  let reading: AbortController | null = null;
  let currentDb = '';

  /** Phase 2: the ledger. Not cancelled by the screen, so a return visit finds it read. */
  async function readLedger(
    reports: ReportsRepository,
    ctrl: AbortController,
    resolve: ContactResolver | undefined,
  ) {
    try {
      const l = await reports.loadLoyalty({ signal: ctrl.signal, resolve });
      if (current === ctrl) setLoyalty(l);
    } catch (err) {
      // A newer read took over: its ledger is what the waiting requests get.
      if (current === ctrl) failLoyalty(err);
    } finally {
      if (current === ctrl) current = null;
    }
  }

  async function read(id: number, dbName: string, fingerprint: string | undefined) {
    if (
      held &&
      fingerprint !== undefined &&
      held.fingerprint === fingerprint &&
      dbName === currentDb
    ) {
      post({ type: 'loaded', id, customerIds: held.customerIds, cached: true });
      // The ledger read failed earlier: try again for the liability.
      if (!loyalty && current === null) {
        const ctrl = new AbortController();
        current = ctrl;
        void readLedger(await reportsFor(dbName), ctrl, undefined);
      }
      return;
    }
    current?.abort();
    const ctrl = new AbortController();
    current = ctrl;
    reading = ctrl;
    currentDb = dbName;
    held = null;
    loyalty = null;
    liabilityCache.clear();
    try {
      const reports = await reportsFor(dbName);
      const loaded = await reports.loadDataset({
        signal: ctrl.signal,
        onProgress: ({ done, total }) => post({ type: 'readProgress', id, done, total }),
      });
      if (ctrl.signal.aborted) throw cancelled();
      held = { fingerprint, dataset: loaded.dataset, customerIds: loaded.customerIds };
      reading = null;
      post({ type: 'loaded', id, customerIds: loaded.customerIds, cached: false });
      await readLedger(reports, ctrl, loaded.resolve);
    } catch (err) {
      if (reading === ctrl) reading = null;
      if (current === ctrl) current = null;
      post(errorMessage(id, err));
    }
  }

  async function liability(id: number, options: ReportOptions) {
    try {
      const l = await whenLoyalty();
      const key = liabilityKey(options);
      let pair = liabilityCache.get(key);
      if (!pair) {
        pair = computeLiability(l, options);
        liabilityCache.set(key, pair);
      }
      post({ type: 'liability', id, liability: pair });
    } catch (err) {
      post(errorMessage(id, err));
    }
  }

  return {
    handle(m) {
      if (m.type === 'abort') return reading?.abort();
      if (m.type === 'load') {
        held = { fingerprint: undefined, dataset: m.dataset, customerIds: [] };
        return;
      }
      if (m.type === 'loadLoyalty') return setLoyalty(m.loyalty);
      if (m.type === 'read') return void read(m.id, m.dbName, m.fingerprint);
      if (m.type === 'liability') return void liability(m.id, m.options);
      try {
        if (!held) throw new Error('no dataset loaded');
        const dataset = held.dataset;
        if (m.type === 'compute') {
          const result = computeReport(dataset, m.options, (fraction) =>
            post({ type: 'progress', id: m.id, fraction }),
          );
          const cached = liabilityCache.get(liabilityKey(m.options));
          if (cached) {
            result.current.liability = cached.current;
            if (result.previous) result.previous.liability = cached.previous;
          }
          post({ type: 'result', id: m.id, result });
        } else if (m.type === 'scores') {
          post({ type: 'scores', id: m.id, scores: rfmScoresAsOf(dataset, m.asOf) });
        } else {
          post({
            type: 'drill',
            id: m.id,
            customers: drillCustomers(dataset, m.options, m.query),
          });
        }
      } catch (err) {
        post(errorMessage(m.id, err));
      }
    },
  };
}
