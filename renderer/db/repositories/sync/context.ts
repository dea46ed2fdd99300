/**
 * What every operation group of the sync repository shares: the database, the device clock and
 * `now`, the meta keys, and the helpers more than one group uses (reading a JSON meta value,
 * moving the clock past a file, repairing merge cycles).
 */
import { repairedCycleSurvivors } from '../../../../shared/contacts/merge-cycles';
import { parseStamp, type HlcStamp } from '../../../../shared/hlc';
import type { Contact, RecordMeta, TableName } from '../../../../shared/schemas';
import { advanceClockPast, fileClockTargets } from '../../../../shared/sync/clock';
import { TABLE_NAMES, type Tables } from '../../../../shared/sync/envelope';
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import { toRecord, toRow, type Row } from '../../local-fields';

export const CLOCK_KEY = 'hlc';
export const LAST_EXPORT_KEY = 'sync.lastExport';
export const IMPORT_LOG_PREFIX = 'sync.from.';
export const FOLDER_KEY = 'sync.folder';
export const AUTO_BACKUP_KEY = 'backup.auto';

export interface SyncContext {
  db: KenalDb;
  clock: DeviceClock;
  now: () => Date;
}

export const tableOf = (db: KenalDb, t: TableName) => db.table<Row, string>(t);
export const dataTables = (db: KenalDb) => TABLE_NAMES.map((t) => tableOf(db, t));
export const allTables = (db: KenalDb) => [...dataTables(db), db.history, db.meta];

/** A JSON value kept in meta; a damaged one reads as the fallback rather than breaking sync. */
export async function readJson<T>(
  db: KenalDb,
  key: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  fallback: T,
): Promise<T> {
  const row = await db.meta.get(key);
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function* recordsOf(tables: Tables): Iterable<RecordMeta> {
  for (const t of TABLE_NAMES) yield* tables[t] as RecordMeta[];
}

/** Move the persisted clock past a file's stamps (unless they are too far ahead). */
export async function observeFile({ db, clock }: SyncContext, records: Iterable<RecordMeta>) {
  const persisted = await db.meta.get(CLOCK_KEY);
  const { within, beyond } = fileClockTargets(records);
  const advance = advanceClockPast(clock.deviceId, persisted?.value, within);
  if (advance.next !== undefined) await db.meta.put({ key: CLOCK_KEY, value: advance.next });
  if (beyond !== undefined && advance.drift === undefined) {
    advance.drift = {
      aheadMs: parseStamp(beyond).wall - Date.now(),
      deviceId: beyond.slice(-16),
    };
  }
  return advance;
}

/**
 * Two devices merged a pair of contacts in opposite directions: clear `mergedInto` on the
 * cycle's survivor (shared/contacts/merge-cycles.ts) so the customer stays visible. Runs in
 * the caller's transaction; returns the number of rows written.
 */
export async function repairMergeCycles(db: KenalDb, mark: HlcStamp): Promise<number> {
  const merged = await db.contacts.where('mergedInto').above('').toArray();
  const records = merged.map(
    (row) => toRecord('contacts', row as unknown as Row) as unknown as Contact,
  );
  const repaired = repairedCycleSurvivors(records);
  for (const c of repaired)
    await tableOf(db, 'contacts').put(toRow('contacts', c as unknown as Row, mark));
  return repaired.length;
}
