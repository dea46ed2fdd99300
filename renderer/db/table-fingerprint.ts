/**
 * What changes whenever a table does, read cheaply from its indexes: a new row raises the count;
 * an own write (new record, edit, tombstone) carries a newer `updatedAt`; a merge or restore of
 * another device's change may carry an older `updatedAt` and only raises `_localStamp`
 * (renderer/db/local-fields.ts). Caches of derived data (reports, gone-quiet) compare these to
 * know when to read again. The one home of that rule.
 */
import { LOCAL_STAMP } from './local-fields';

export interface TableFingerprint {
  count: number;
  lastUpdated: string;
  lastLocal: string;
}

/** The part of a Dexie table the fingerprint reads. */
export interface FingerprintedTable {
  count(): PromiseLike<number>;
  orderBy(index: string): { lastKey(): PromiseLike<unknown> };
}

export async function tableFingerprint(table: FingerprintedTable): Promise<TableFingerprint> {
  const [count, lastUpdated, lastLocal] = await Promise.all([
    table.count(),
    table.orderBy('updatedAt').lastKey(),
    table.orderBy(LOCAL_STAMP).lastKey(),
  ]);
  return {
    count,
    lastUpdated: typeof lastUpdated === 'string' ? lastUpdated : '',
    lastLocal: typeof lastLocal === 'string' ? lastLocal : '',
  };
}

export const sameFingerprint = (a: TableFingerprint, b: TableFingerprint): boolean =>
  a.count === b.count && a.lastUpdated === b.lastUpdated && a.lastLocal === b.lastLocal;

/** A fingerprint as text (several joined make the fingerprint of a set of tables). */
export const fingerprintText = (f: TableFingerprint): string =>
  `${f.count}:${f.lastUpdated}:${f.lastLocal}`;
