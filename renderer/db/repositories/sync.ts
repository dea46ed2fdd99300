/** Repository for backup, restore and sync-file merges (the backup and sync issue). */
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createSyncRepository(_db: KenalDb, _clock: DeviceClock) {
  return {};
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
