/** Messages between the sales import window and its worker. */
import type { ImportResult } from '../../db/repositories/loyalty';
import type { DateOrder, RowError, SalesMapping } from '../../../shared/loyalty/sales-import';

export type ToWorker =
  | {
      type: 'start';
      file: File;
      mapping: SalesMapping;
      order: DateOrder;
      awardPoints: boolean;
      dbName: string;
    }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: 'reading' | 'writing'; done: number; total: number }
  | { type: 'rowErrors'; errors: RowError[]; count: number }
  | { type: 'empty' }
  | { type: 'done'; result: ImportResult }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
