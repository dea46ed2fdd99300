/**
 * Runs the report reading and math in a Web Worker when there is one (the app), in-process
 * otherwise (unit tests, or a browser that refuses the worker). Either way the caller gets
 * promises, progress and cancel.
 */
import {
  computeReport,
  datasetBuffers,
  drillCustomers,
  type DrillQuery,
  type ReportDataset,
  type ReportOptions,
  type ReportResult,
} from '../../../shared/reports';
import type { LoadProgress, ReportsRepository } from '../../db/repositories/reports';
import type { FromWorker, ToWorker } from './worker-protocol';

/** Where the data comes from: the database by name (for the worker) and its repository. */
export interface ReportSource {
  dbName: string;
  reports: ReportsRepository;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

export interface ReportEngine {
  /** Read the dataset; resolves with the contact id of each customer number. */
  read(source: ReportSource, options?: ReadOptions): Promise<string[]>;
  /** Use a dataset read elsewhere (the worker takes ownership of its buffers). */
  load(dataset: ReportDataset): void;
  compute(options: ReportOptions, onProgress?: (fraction: number) => void): Promise<ReportResult>;
  drill(options: ReportOptions, query: DrillQuery): Promise<number[]>;
  dispose(): void;
}

function inProcessEngine(): ReportEngine {
  let dataset: ReportDataset | null = null;
  const need = () => {
    if (!dataset) throw new Error('no dataset loaded');
    return dataset;
  };
  return {
    async read(source, options) {
      const loaded = await source.reports.loadDataset(options);
      dataset = loaded.dataset;
      return loaded.customerIds;
    },
    load: (d) => (dataset = d),
    compute: async (o, onProgress) => computeReport(need(), o, onProgress),
    drill: async (o, q) => drillCustomers(need(), o, q),
    dispose: () => (dataset = null),
  };
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (m: FromWorker) => void;
}

function workerEngine(worker: Worker): ReportEngine {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
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
    else p.resolve(m.customers);
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'report worker failed'));
    pending.clear();
  };
  const send = <T>(msg: ToWorker & { id: number }, onProgress?: (m: FromWorker) => void) =>
    new Promise<T>((resolve, reject) => {
      pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage(msg);
    });
  const engine: ReportEngine = {
    async read(source, options = {}) {
      const { signal, onProgress } = options;
      const abort = () => worker.postMessage({ type: 'abort' } satisfies ToWorker);
      signal?.addEventListener('abort', abort);
      try {
        return await send<string[]>({ type: 'read', id: nextId++, dbName: source.dbName }, (m) => {
          if (m.type === 'readProgress') onProgress?.({ done: m.done, total: m.total });
        });
      } catch (err) {
        if (err instanceof Error && err.name === 'AbortError') throw err;
        // The worker could not open the database: read here and hand the dataset over.
        const loaded = await source.reports.loadDataset(options);
        engine.load(loaded.dataset);
        return loaded.customerIds;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    },
    load(dataset) {
      worker.postMessage({ type: 'load', dataset } satisfies ToWorker, datasetBuffers(dataset));
    },
    compute: (options, onProgress) =>
      send<ReportResult>({ type: 'compute', id: nextId++, options }, (m) => {
        if (m.type === 'progress') onProgress?.(m.fraction);
      }),
    drill: (options, query) => send<number[]>({ type: 'drill', id: nextId++, options, query }),
    dispose: () => worker.terminate(),
  };
  return engine;
}

export function createReportEngine(): ReportEngine {
  if (typeof Worker === 'undefined') return inProcessEngine();
  try {
    const worker = new Worker(new URL('./reports.worker.ts', import.meta.url), { type: 'module' });
    return workerEngine(worker);
  } catch {
    return inProcessEngine();
  }
}
