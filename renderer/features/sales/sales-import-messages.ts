/** Messages between the sales import window and its worker. */
import type { ImportResult } from '../../db/repositories/loyalty';
import type {
  DateOrder,
  NoteSummary,
  RowError,
  RowReadOptions,
  SalesMapping,
} from '../../../shared/loyalty/sales-import';
import type { TextEncodingName } from '../../../shared/text-encoding';

/**
 * `all`: any refused row stops the import (nothing is written). `good`: the worker reads the
 * file, sends a `review` (what will be imported, the refused rows with their reasons), and
 * writes the good invoices only after `confirm`.
 */
export type ImportMode = 'all' | 'good';

/** A refused row as the file had it, with why. */
export interface RejectedRow {
  line: number;
  cells: string[];
  error: RowError;
}

export type ToWorker =
  | {
      type: 'start';
      file: File;
      mapping: SalesMapping;
      order: DateOrder;
      awardPoints: boolean;
      dbName: string;
      /** The shop's currency and time zone and the chosen decimal separator (defaults: IDR). */
      options?: RowReadOptions;
      mode?: ImportMode;
      /** The file's encoding as shown (and maybe changed) in the preview; none: detect. */
      encoding?: TextEncodingName;
      /** The header's line (1-based): a title or notes above it are skipped. Default 1. */
      headerLine?: number;
    }
  | { type: 'confirm' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'writing'; done: number; total: number }
  | { type: 'rowErrors'; errors: RowError[]; count: number }
  | {
      type: 'review';
      sales: number;
      header: string[];
      rejects: RejectedRow[];
      notes: NoteSummary;
    }
  | { type: 'empty'; notes: NoteSummary }
  | { type: 'done'; result: ImportResult; notes: NoteSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
