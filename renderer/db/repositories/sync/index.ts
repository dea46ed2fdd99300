/**
 * Repository for backup, restore and sync-file merges (ARCHITECTURE.md "Sync files and merge
 * rules"), one file per operation group: backup.ts (backup out, restore), export.ts (sync file
 * out), import.ts (sync file in), folder.ts (sync folder and auto-backup state), log.ts (import
 * log and merge history). context.ts holds what they share.
 */
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import { SCHEMA_VERSION } from '../../schema';
import { backupOperations } from './backup';
import type { SyncContext } from './context';
import { exportOperations } from './export';
import { folderOperations } from './folder';
import { importOperations } from './import';
import { logOperations } from './log';

/** The newest file schema this app reads (features may not import the Dexie schema). */
export { SCHEMA_VERSION };
export { LOCAL_STAMP } from '../../local-fields';
export { MASS_DELETE_MIN, MASS_DELETE_SHARE } from '../../../../shared/sync/mass-change';
export type { SyncExport } from './export';
export type { HistoryView, ImportLogEntry } from './log';
export type { ImportOptions } from './import';
export type { ImportResult, ImportSummary, TableSummary } from './types';

export function createSyncRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const ctx: SyncContext = { db, clock, now };
  return {
    ...backupOperations(ctx),
    ...exportOperations(ctx),
    ...importOperations(ctx),
    ...folderOperations(ctx),
    ...logOperations(ctx),
  };
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
