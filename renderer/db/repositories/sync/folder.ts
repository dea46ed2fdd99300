/** What the sync folder loop and the automatic backups remember (in meta). */
import {
  autoBackupStateSchema,
  folderStateSchema,
  type AutoBackupState,
  type FolderState,
} from '../../../../shared/sync/folder';
import { AUTO_BACKUP_KEY, FOLDER_KEY, readJson, type SyncContext } from './context';

export function folderOperations({ db }: SyncContext) {
  const autoBackup = () =>
    readJson(db, AUTO_BACKUP_KEY, autoBackupStateSchema, autoBackupStateSchema.parse({}));
  return {
    /** What the sync folder loop remembers (ARCHITECTURE.md "Sync files and merge rules"). */
    async folderState(): Promise<FolderState> {
      return readJson(db, FOLDER_KEY, folderStateSchema, folderStateSchema.parse({}));
    },

    async saveFolderState(state: FolderState): Promise<void> {
      const value = JSON.stringify(folderStateSchema.parse(state));
      await db.transaction('rw', db.meta, () => db.meta.put({ key: FOLDER_KEY, value }));
    },

    /** Automatic backups: folder (none = the app's own), how many to keep, the last one. */
    async autoBackupState(): Promise<AutoBackupState> {
      return autoBackup();
    },

    async saveAutoBackupState(patch: Partial<AutoBackupState>): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        const current = await autoBackup();
        const value = JSON.stringify(autoBackupStateSchema.parse({ ...current, ...patch }));
        await db.meta.put({ key: AUTO_BACKUP_KEY, value });
      });
    },
  };
}
