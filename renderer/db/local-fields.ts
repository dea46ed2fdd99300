/**
 * The fields a stored row has that its synced record does not (ARCHITECTURE.md "Records and
 * metadata"): `_localStamp` on every table, this device's stamp of the last local write, merge
 * or restore of the row (indexed; never exported), and on contacts the derived search keys
 * (shared/contact-index.ts). The one place that adds them to a record and strips them from a row.
 */
import { contactIndexFields } from '../../shared/contact-index';
import type { HlcStamp } from '../../shared/hlc';
import { sameValue } from '../../shared/records';
import { recordSchemas, type Contact, type RecordMeta, type TableName } from '../../shared/schemas';

/** Row field: this device's stamp of the last write of the row. Local only, never exported. */
export const LOCAL_STAMP = '_localStamp';

export type Row = RecordMeta & Record<string, unknown>;

/** The derived search keys of a contact row, by name. */
export const INDEX_KEYS: readonly string[] = Object.keys(
  contactIndexFields({ name: 'x', phones: [], tags: [] }),
);
/** The contact fields the search keys are computed from. */
const INDEXED_FIELDS = ['name', 'phones', 'tags', 'email', 'otherEmails', 'city'] as const;

/** A row without its `_localStamp` (every other field kept). */
export function withoutLocalStamp<R extends object>(row: R): R {
  const copy = { ...row } as Record<string, unknown>;
  delete copy[LOCAL_STAMP];
  return copy as R;
}

/** A record with `_localStamp` set to `stamp`. */
export function withLocalStamp<R extends object>(record: R, stamp: string): R {
  return { ...record, [LOCAL_STAMP]: stamp };
}

/** The row's `_localStamp`, when it has one. */
export function localStampOf(row: object): HlcStamp | undefined {
  const value = (row as Record<string, unknown>)[LOCAL_STAMP];
  return typeof value === 'string' ? (value as HlcStamp) : undefined;
}

/**
 * A stored row as the record the merge compares: the local marker and search keys removed.
 * Rows here were written by this app, so unlike toRecord (export) no schema parse: that parse
 * was most of the cost of merging into a full book (issue #7).
 */
export function storedRecord(table: TableName, row: Row): Row {
  const out = withoutLocalStamp(row);
  if (table === 'contacts') for (const key of INDEX_KEYS) delete out[key];
  return out;
}

/**
 * A row as a synced record for a file: local fields removed, and the schema drops anything else
 * a feature may have cached on its rows; a row that no longer validates is still exported whole
 * rather than silently left out of a backup.
 */
export function toRecord(table: TableName, row: Row): Row {
  const out = storedRecord(table, row);
  const parsed = recordSchemas[table].safeParse(out);
  return parsed.success ? (parsed.data as Row) : out;
}

/**
 * The row to store for a record written at local stamp `mark`. A contact's search keys are taken
 * over from the stored row when the fields they derive from did not change (recomputing means
 * parsing phones).
 */
export function toRow(table: TableName, record: Row, mark: HlcStamp, stored?: Row): Row {
  const row: Row = withLocalStamp(record, mark);
  if (table !== 'contacts') return row;
  if (stored && INDEXED_FIELDS.every((f) => sameValue(stored[f], record[f]))) {
    for (const key of INDEX_KEYS) row[key] = stored[key];
  } else {
    Object.assign(row, contactIndexFields(record as unknown as Contact));
  }
  return row;
}
