/** Messages between the Reports screen and reports.worker.ts. */
import type {
  DrillQuery,
  ReportDataset,
  ReportOptions,
  ReportResult,
} from '../../../shared/reports';

export type ToWorker =
  /** Read the dataset from this IndexedDB database inside the worker. */
  | { type: 'read'; id: number; dbName: string }
  /** Stop the read in progress. */
  | { type: 'abort' }
  /** Use this dataset (read elsewhere). */
  | { type: 'load'; dataset: ReportDataset }
  | { type: 'compute'; id: number; options: ReportOptions }
  | { type: 'drill'; id: number; options: ReportOptions; query: DrillQuery };

export type FromWorker =
  | { type: 'readProgress'; id: number; done: number; total: number }
  | { type: 'loaded'; id: number; customerIds: string[] }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: ReportResult }
  | { type: 'drill'; id: number; customers: number[] }
  | { type: 'error'; id: number; message: string; name?: string };
