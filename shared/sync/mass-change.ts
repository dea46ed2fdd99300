/**
 * When a sync import must ask first (ARCHITECTURE.md "Fail-safes"): a merge that would delete,
 * erase or merge away more than MASS_DELETE_SHARE of the live records of a table (and at least
 * MASS_DELETE_MIN of them) waits for the user to confirm, so a damaged or malicious file full of
 * tombstones, erasure marks or `mergedInto` links cannot empty the book silently. Event changes
 * never get this far: they are refused (shared/sync/guard.ts). Pure: the sync repository counts,
 * this decides.
 */
import { erasureOf } from '../privacy/erase';
import type { RecordMeta, TableName } from '../schemas';
import { isRemoved } from './merge';
import { isContactLinked, ownerOf } from './row-merge';

export const MASS_DELETE_SHARE = 0.2;
export const MASS_DELETE_MIN = 3;

/**
 * How a merge changing `local` into `record` removes it, if it does: 'removed' (a live record
 * deleted or merged away), 'erased' (newly erased) or 'relinked' (a merged contact now points at
 * another one). A linked record scrubbed because its contact is erased is part of that one
 * erasure (counted on the contact): undefined.
 */
export type DestructiveChange = 'removed' | 'erased' | 'relinked';

export function destructiveChange(
  table: TableName,
  local: RecordMeta,
  record: RecordMeta,
  erased: ReadonlyMap<string, string>,
): DestructiveChange | undefined {
  if (isContactLinked(table) && erased.has(ownerOf(record))) return undefined;
  if (!isRemoved(local) && isRemoved(record)) return 'removed';
  if (erasureOf(record) !== undefined && erasureOf(local) === undefined) return 'erased';
  const before = (local as { mergedInto?: unknown }).mergedInto;
  const after = (record as { mergedInto?: unknown }).mergedInto;
  if (table === 'contacts' && before !== undefined && after !== undefined && before !== after) {
    return 'relinked';
  }
  return undefined;
}

/** Whether a table with this many destructive changes is weighed at all (its live rows read). */
export const isWeighed = (removing: number): boolean => removing >= MASS_DELETE_MIN;

export interface TableWeight {
  /** Records the file deletes, erases or merges away in this table. */
  removing: number;
  /** Live records of the table before the merge. */
  liveBefore: number;
}

export interface MassChange {
  ask: boolean;
  /** Records the file would delete, erase or merge away (in the weighed tables). */
  removing: number;
  /** Live records of those tables before the merge. */
  live: number;
}

/** The verdict over every table the merge changes destructively. */
export function massChange(tables: Iterable<TableWeight>): MassChange {
  let removing = 0;
  let live = 0;
  let ask = false;
  for (const t of tables) {
    if (!isWeighed(t.removing)) continue;
    removing += t.removing;
    live += t.liveBefore;
    if (t.removing > t.liveBefore * MASS_DELETE_SHARE) ask = true;
  }
  return { ask, removing, live };
}
