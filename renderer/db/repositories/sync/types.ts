/** The result types of a sync import. */
import type { TableName } from '../../../../shared/schemas';
import { TABLE_NAMES } from '../../../../shared/sync/envelope';
import type { RefusalCounts } from '../../../../shared/sync/guard';

export interface TableSummary {
  added: number;
  updated: number;
  deleted: number;
}
export type ImportSummary = Record<TableName, TableSummary>;

export const emptySummary = (): ImportSummary =>
  Object.fromEntries(TABLE_NAMES.map((t) => [t, { added: 0, updated: 0, deleted: 0 }])) as Record<
    TableName,
    TableSummary
  >;

export type ImportResult =
  | {
      status: 'merged';
      summary: ImportSummary;
      /** Records written (including tombstones of records this device never had). */
      written: number;
      /** Field values kept in history because they lost to a newer one. */
      conflicts: number;
      /** The file's clock is too far ahead; this device's clock was not moved. */
      drift?: { aheadMs: number; deviceId: string };
      /** Rows of the file quarantined (they changed nothing), per reason. */
      refused: RefusalCounts;
      /**
       * Purchases this merge left refunded for more than their amount (two devices each
       * refunded them); each has a follow-up so someone resolves it.
       */
      overRefunded: number;
    }
  | {
      status: 'needs-confirmation';
      /** Records the file would delete, erase or merge away. */
      removing: number;
      /** Live records of the tables it would change that way, before the merge. */
      liveContacts: number;
    };
