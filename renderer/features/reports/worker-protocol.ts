/** Messages between the Reports screen and reports.worker.ts. */
import type {
  DrillQuery,
  LiabilitySummary,
  LoyaltyDataset,
  ReportDataset,
  ReportOptions,
  ReportResult,
  RfmScores,
} from '../../../shared/reports';

export type ToWorker =
  /**
   * Read the datasets from this IndexedDB database inside the worker: the sales side first
   * ('loaded'), then the ledger. `fingerprint` (the repository's) lets the worker answer from
   * what it already holds when nothing changed since its last read.
   */
  | { type: 'read'; id: number; dbName: string; fingerprint?: string }
  /** Stop the read in progress. */
  | { type: 'abort' }
  /** Use these datasets (read elsewhere). */
  | { type: 'load'; dataset: ReportDataset }
  | { type: 'loadLoyalty'; loyalty: LoyaltyDataset }
  | { type: 'compute'; id: number; options: ReportOptions }
  /**
   * The points liability. Without `exact`, the current figure may come alone first (from the
   * kept figures, `pending` set) while the previous one waits for the ledger.
   */
  | { type: 'liability'; id: number; options: ReportOptions; exact?: boolean }
  | { type: 'drill'; id: number; options: ReportOptions; query: DrillQuery }
  /** Every customer's RFM scores as of a moment (contact page, contacts export). */
  | { type: 'scores'; id: number; asOf: number };

export interface LiabilityPair {
  current: LiabilitySummary;
  previous: LiabilitySummary | null;
  /** `previous` is still being replayed from the ledger: ask again with `exact`. */
  pending?: boolean;
}

export type FromWorker =
  | { type: 'readProgress'; id: number; done: number; total: number }
  | { type: 'loaded'; id: number; customerIds: string[]; cached: boolean }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: ReportResult }
  | { type: 'liability'; id: number; liability: LiabilityPair }
  | { type: 'drill'; id: number; customers: number[] }
  | { type: 'scores'; id: number; scores: RfmScores }
  | { type: 'error'; id: number; message: string; name?: string };
