/**
 * What the report worker holds and how it answers messages, apart from the Worker itself so the
 * same code runs in-process (unit tests, a browser that refuses the worker).
 *
 * Holds only compact typed arrays: the sales-side dataset, the ledger dataset (once needed), and
 * the liability already computed per period end (a period change recomputes the sales reports,
 * which are fast; the ledger replay is cached).
 *
 * The points liability comes from the kept figures (O(customers), no ledger read) whenever they
 * answer exactly: at any moment after every customer's latest ledger entry, which is the
 * period running now. A liability at a moment in the past (the previous period to compare
 * with, a period chosen in the past) needs each customer's balance back then, which neither the
 * kept balances nor monthly totals give (per-lot expiry, overdrafts not netted): the ledger is
 * read and replayed then, in the background, after the current figure is shown.
 */
import {
  computeReport,
  liabilityAt,
  liabilityMoments,
  pointsLiability,
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
  /** Where the kept balances and, on demand, the ledger are read (null: datasets handed over). */
  let source: { reports: ReportsRepository; resolve?: ContactResolver } | null = null;
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
  /** The ledger read in progress; a newer dataset read aborts it. */
  let ledgerRead: AbortController | null = null;
  /**
   * Read the ledger (once, when a liability needs it). Not cancelled by the screen, so a return
   * visit finds it read. Requests waiting meanwhile are answered by the newest read's ledger.
   */
  function startLedger() {
    if (loyalty || ledgerRead || !source || waiters.length === 0) return;
    const ctrl = new AbortController();
    ledgerRead = ctrl;
    source.reports
      .loadLoyalty({ signal: ctrl.signal, resolve: source.resolve })
      .then(
        (l) => ledgerRead === ctrl && setLoyalty(l),
        (err: unknown) => ledgerRead === ctrl && failLoyalty(err),
      )
      .finally(() => {
        if (ledgerRead === ctrl) ledgerRead = null;
      });
  }
  const whenLoyalty = (): Promise<LoyaltyDataset> => {
    if (loyalty) return Promise.resolve(loyalty);
    const answer = new Promise<LoyaltyDataset>((ok, fail) => waiters.push({ ok, fail }));
    startLedger();
    return answer;
  };

  /** The dataset read in progress; a newer read aborts it. */
  let current: AbortController | null = null;
  /** Set while the sales side is read: what the screen's cancel (an 'abort' message) stops. */
  let reading: AbortController | null = null;
  let currentDb = '';

  async function read(id: number, dbName: string, fingerprint: string | undefined) {
    if (
      held &&
      fingerprint !== undefined &&
      held.fingerprint === fingerprint &&
      dbName === currentDb
    ) {
      post({ type: 'loaded', id, customerIds: held.customerIds, cached: true });
      return;
    }
    current?.abort();
    ledgerRead?.abort();
    ledgerRead = null;
    const ctrl = new AbortController();
    current = ctrl;
    reading = ctrl;
    currentDb = dbName;
    held = null;
    source = null;
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
      source = { reports, resolve: loaded.resolve };
      reading = null;
      current = null;
      post({ type: 'loaded', id, customerIds: loaded.customerIds, cached: false });
      // Liability requests that waited for an older read: this read's ledger answers them.
      startLedger();
    } catch (err) {
      if (reading === ctrl) reading = null;
      if (current === ctrl) current = null;
      post(errorMessage(id, err));
    }
  }

  /** The liabilities the kept figures give exactly (null where the ledger must be replayed). */
  async function keptLiabilities(moments: number[], pointValue: number) {
    const kept = source
      ? await source.reports.keptBalances(moments).catch(() => moments.map(() => null))
      : moments.map(() => null);
    return kept.map((b) => (b ? pointsLiability(b, pointValue) : null));
  }

  /**
   * The liability pair. With `exact` false, the current figure alone may come first (from the
   * kept figures) with `pending` set while the previous one needs the ledger.
   */
  async function liability(id: number, options: ReportOptions, exact: boolean) {
    try {
      const key = liabilityKey(options);
      let pair = liabilityCache.get(key);
      if (!pair) {
        const moments = liabilityMoments(options);
        const kept = await keptLiabilities(moments, options.pointValue);
        const [current, previous = null] = kept;
        if (!exact && current && kept.includes(null)) {
          post({ type: 'liability', id, liability: { current, previous: null, pending: true } });
          return;
        }
        const l = kept.includes(null) ? await whenLoyalty() : null;
        const [cur, prev] = moments.map(
          (at, i) => kept[i] ?? liabilityAt(l!, at, options.pointValue),
        );
        pair = { current: current ?? cur!, previous: options.compare ? (previous ?? prev!) : null };
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
        source = null;
        return;
      }
      if (m.type === 'loadLoyalty') return setLoyalty(m.loyalty);
      if (m.type === 'read') return void read(m.id, m.dbName, m.fingerprint);
      if (m.type === 'liability') return void liability(m.id, m.options, m.exact ?? false);
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
