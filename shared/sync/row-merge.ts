/**
 * What becomes of one incoming row of a sync file, given the row held here and the contacts
 * known to be erased (ARCHITECTURE.md "Sync files and merge rules", "Erasure"). Pure: the sync
 * repository reads the rows, calls this, and writes what it returns.
 *
 * - The row is screened first (shared/sync/guard.ts): a refused row changes nothing.
 * - Two bodies of one rule-derived event: the deterministic pick wins, and the change counts for
 *   the mass-change question.
 * - Otherwise the merge rules (shared/sync/merge.ts).
 * - A contact whose merged record is erased, and was not known erased at that stamp, is reported
 *   as newly erased (the caller remembers it and scrubs its linked records).
 * - A note, follow-up, sale, ledger entry or feedback answer of an erased contact is scrubbed for
 *   the erasure, and no losing value of it is kept in history.
 */
import type { HlcStamp } from '../hlc';
import { CONTACT_LINKED_TABLES, eraseRecord, erasureOf } from '../privacy/erase';
import type { RecordMeta, TableName } from '../schemas';
import { pickDerived, screenIncoming, type RefusalReason } from './guard';
import { mergeRecord, type MergeResult } from './merge';

const LINKED = new Set<TableName>(CONTACT_LINKED_TABLES);

/** Whether rows of this table belong to a contact (and follow its erasure). */
export const isContactLinked = (table: TableName): boolean => LINKED.has(table);

/** The contact a row belongs to ('' when none). */
export function ownerOf(record: RecordMeta): string {
  const id = (record as { contactId?: unknown }).contactId;
  return typeof id === 'string' ? id : '';
}

export interface IncomingRowContext {
  /** The greatest wall time accepted in a stamp (latestAcceptedWall). */
  maxWall: number;
  /** Contacts erased here or earlier in this merge: id → erasure stamp. */
  erased: ReadonlyMap<string, HlcStamp>;
}

export type IncomingRow<R> =
  | { status: 'refused'; reason: RefusalReason }
  | {
      status: 'merged';
      merged: MergeResult<R>;
      /** A rule-derived event was replaced by the other device's body (a mass change). */
      derivedReplaced: boolean;
      /** Set when this row is a contact that the merge erases (its erasure stamp). */
      newlyErased?: HlcStamp;
    };

/** A merged record of an erased contact, scrubbed for the erasure; no losers kept. */
export function eraseMerged<R extends RecordMeta>(
  table: TableName,
  local: R | undefined,
  merged: MergeResult<R>,
  erasedAt: HlcStamp,
): MergeResult<R> {
  const record = eraseRecord(table, merged.record, erasedAt);
  if (record === merged.record) return { ...merged, losers: [] };
  return { record, changed: record !== local, losers: [] };
}

/** The outcome of merging `remote` into `local` (undefined: not held here). */
export function mergeIncomingRow<R extends RecordMeta>(
  table: TableName,
  local: R | undefined,
  remote: R,
  context: IncomingRowContext,
): IncomingRow<R> {
  const owner = LINKED.has(table) ? context.erased.get(ownerOf(remote)) : undefined;
  // The one place incoming rows are screened (ARCHITECTURE.md, "Sync invariants").
  const screened = screenIncoming(table, local, remote, {
    maxWall: context.maxWall,
    erasedAt: owner,
  });
  if (!screened.ok) return { status: 'refused', reason: screened.reason };
  let merged: MergeResult<R>;
  let derivedReplaced = false;
  if (screened.derivedConflict && local) {
    const winner = pickDerived(local, remote);
    merged = { record: winner, changed: winner !== local, losers: [] };
    derivedReplaced = merged.changed;
  } else {
    merged = mergeRecord(table, local, remote);
  }
  if (table === 'contacts') {
    const erasedAt = erasureOf(merged.record);
    if (erasedAt !== undefined && context.erased.get(remote.id) !== erasedAt) {
      return { status: 'merged', merged, derivedReplaced, newlyErased: erasedAt };
    }
  } else if (LINKED.has(table)) {
    const erasedAt = context.erased.get(ownerOf(merged.record));
    if (erasedAt !== undefined) merged = eraseMerged(table, local, merged, erasedAt);
  }
  return { status: 'merged', merged, derivedReplaced };
}
