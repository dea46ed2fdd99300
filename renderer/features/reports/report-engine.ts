/**
 * Runs the report reading and math in a Web Worker when there is one (the app), in-process
 * otherwise (unit tests, or a browser that refuses the worker). Either way the caller gets
 * promises, progress and cancel, and the same messages are answered by the same code
 * (worker-state.ts).
 *
 * The screen holds only results (and the contact id of each customer number); the rows and
 * the typed-array datasets stay in the worker. One engine serves the app for its whole session
 * (sharedReportEngine), so opening the Reports screen again with nothing changed reads nothing.
 */
import {
  datasetBuffers,
  type DrillQuery,
  type LoyaltyDataset,
  type ReportDataset,
  type ReportOptions,
  type ReportResult,
  type RfmScores,
} from '../../../shared/reports';
import type { LoadProgress, ReportsRepository } from '../../db/repositories/reports';
import type { FromWorker, LiabilityPair, ToWorker } from './worker-protocol';
import { createWorkerState } from './worker-state';

/** Where the data comes from: the database by name (for the worker) and its repository. */
export interface ReportSource {
  dbName: string;
  reports: ReportsRepository;
  /** The repository's fingerprint when known: an unchanged one reuses the last read. */
  fingerprint?: string;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

export interface ReportEngine {
  /** Read the datasets; resolves with the contact id of each customer number. */
  read(source: ReportSource, options?: ReadOptions): Promise<string[]>;
  /** Use a dataset read elsewhere (the worker takes ownership of its buffers). */
  load(dataset: ReportDataset, loyalty?: LoyaltyDataset): void;
  compute(options: ReportOptions, onProgress?: (fraction: number) => void): Promise<ReportResult>;
  /** The points liability for these options (`exact`: wait for the previous period's too). */
  liability(options: ReportOptions, exact?: boolean): Promise<LiabilityPair>;
  drill(options: ReportOptions, query: DrillQuery): Promise<number[]>;
  /** Every customer's RFM scores as of `asOf` (customer numbers as in `read`'s answer). */
  scores(asOf: number): Promise<RfmScores>;
  dispose(): void;
}

/** The two ends of a message channel: a real Worker, or worker-state.ts in this thread. */
interface Port {
  postMessage(m: ToWorker, transfer?: Transferable[]): void;
  onMessage(fn: (m: FromWorker) => void): void;
  onFailure(fn: (message: string) => void): void;
  /** True when reads must happen here (in-process): there is no separate database reader. */
  readonly local: boolean;
  terminate(): void;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (m: FromWorker) => void;
}

function workerPort(worker: Worker): Port {
  return {
    local: false,
    postMessage: (m, transfer) => worker.postMessage(m, transfer ?? []),
    onMessage: (fn) => (worker.onmessage = (e: MessageEvent<FromWorker>) => fn(e.data)),
    onFailure: (fn) => (worker.onerror = (e) => fn(e.message || 'report worker failed')),
    terminate: () => worker.terminate(),
  };
}

/** worker-state.ts in this thread; reads go through the caller's repository. */
function localPort(): Port & { setReports(r: ReportsRepository): void } {
  let listener: (m: FromWorker) => void = () => {};
  let reports: ReportsRepository | null = null;
  const state = createWorkerState(
    (m) => queueMicrotask(() => listener(m)),
    async () => {
      if (!reports) throw new Error('no repository to read from');
      return reports;
    },
  );
  return {
    local: true,
    setReports: (r) => (reports = r),
    postMessage: (m) => queueMicrotask(() => state.handle(m)),
    onMessage: (fn) => (listener = fn),
    onFailure: () => {},
    terminate: () => {},
  };
}

function cancelled(): Error {
  const e = new Error('Loading the report was cancelled');
  e.name = 'AbortError';
  return e;
}

function engineOn(port: Port & { setReports?(r: ReportsRepository): void }): ReportEngine {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  port.onMessage((m) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress' || m.type === 'readProgress') return p.onProgress?.(m);
    pending.delete(m.id);
    if (m.type === 'error') {
      const err = new Error(m.message);
      if (m.name) err.name = m.name;
      p.reject(err);
    } else if (m.type === 'result') p.resolve(m.result);
    else if (m.type === 'loaded') p.resolve(m.customerIds);
    else if (m.type === 'liability') p.resolve(m.liability);
    else if (m.type === 'scores') p.resolve(m.scores);
    else p.resolve(m.customers);
  });
  port.onFailure((message) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  });
  const send = <T>(msg: ToWorker & { id: number }, onProgress?: (m: FromWorker) => void) =>
    new Promise<T>((resolve, reject) => {
      pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      port.postMessage(msg);
    });
  const engine: ReportEngine = {
    async read(source, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw cancelled();
      port.setReports?.(source.reports);
      const abort = () => port.postMessage({ type: 'abort' });
      signal?.addEventListener('abort', abort);
      try {
        return await send<string[]>(
          { type: 'read', id: nextId++, dbName: source.dbName, fingerprint: source.fingerprint },
          (m) => {
            if (m.type === 'readProgress') onProgress?.({ done: m.done, total: m.total });
          },
        );
      } catch (err) {
        if (port.local || (err instanceof Error && err.name === 'AbortError')) throw err;
        // The worker could not open the database: read here and hand the datasets over.
        const loaded = await source.reports.loadDataset(options);
        const loyalty = await source.reports.loadLoyalty({ ...options, resolve: loaded.resolve });
        engine.load(loaded.dataset, loyalty);
        return loaded.customerIds;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    },
    load(dataset, loyalty) {
      port.postMessage({ type: 'load', dataset }, datasetBuffers(dataset));
      if (loyalty) {
        const buffers = Object.values(loyalty.ledger).map(
          (a: ArrayBufferView) => a.buffer as ArrayBuffer,
        );
        port.postMessage({ type: 'loadLoyalty', loyalty }, buffers);
      }
    },
    compute: (options, onProgress) =>
      send<ReportResult>({ type: 'compute', id: nextId++, options }, (m) => {
        if (m.type === 'progress') onProgress?.(m.fraction);
      }),
    liability: (options, exact) =>
      send<LiabilityPair>({ type: 'liability', id: nextId++, options, exact }),
    drill: (options, query) => send<number[]>({ type: 'drill', id: nextId++, options, query }),
    scores: (asOf) => send<RfmScores>({ type: 'scores', id: nextId++, asOf }),
    dispose: () => {
      port.terminate();
      for (const p of pending.values()) p.reject(new Error('report engine closed'));
      pending.clear();
    },
  };
  return engine;
}

export function createReportEngine(): ReportEngine {
  if (typeof Worker === 'undefined') return engineOn(localPort());
  try {
    const worker = new Worker(new URL('./reports.worker.ts', import.meta.url), { type: 'module' });
    return engineOn(workerPort(worker));
  } catch {
    return engineOn(localPort());
  }
}

let shared: ReportEngine | null = null;

/** The app's one report engine: its worker keeps the last read between visits to the screen. */
export function sharedReportEngine(): ReportEngine {
  shared ??= createReportEngine();
  return shared;
}
