/**
 * Backup and restore: a full file out (tombstones included) and back in. A restore replaces
 * everything in one transaction, so it applies whole or not at all.
 */
import type { HlcStamp } from '../../../../shared/hlc';
import { erasureOf } from '../../../../shared/privacy/erase';
import type { TableName } from '../../../../shared/schemas';
import { TABLE_NAMES, type KenalEnvelope } from '../../../../shared/sync/envelope';
import { folderStateSchema } from '../../../../shared/sync/folder';
import { isRemoved } from '../../../../shared/sync/merge';
import { toRow, type Row } from '../../local-fields';
import { saveErased } from '../privacy';
import {
  allTables,
  dataTables,
  FOLDER_KEY,
  observeFile,
  readJson,
  recordsOf,
  repairMergeCycles,
  tableOf,
  type SyncContext,
} from './context';
import { envelopeOf, readTables } from './export';

export function backupOperations(ctx: SyncContext) {
  const { db, clock } = ctx;
  return {
    /** Everything, tombstones included: a full backup. */
    async exportBackup(app: string): Promise<KenalEnvelope> {
      const tables = await db.transaction('r', dataTables(db), () => readTables(ctx, null));
      return envelopeOf(ctx, 'backup', app, null, tables);
    },

    /**
     * Replace everything with a checked backup, in one transaction. The device keeps its id and
     * its clock (moved past the backup's stamps); `history` is this device's record of merges
     * and stays. Restored rows get a local stamp so the next sync export carries them.
     */
    async restoreBackup(file: KenalEnvelope): Promise<void> {
      await db.transaction('rw', allTables(db), async () => {
        await observeFile(ctx, recordsOf(file.tables));
        const mark = await clock.stamp();
        for (const t of TABLE_NAMES) {
          await tableOf(db, t).clear();
          const rows = (file.tables[t] as Row[]).map((r) => toRow(t, r, mark));
          if (rows.length > 0) await tableOf(db, t).bulkAdd(rows);
        }
        // A backup written by a device that held an unrepaired merge cycle (or hand-made)
        // must not hide the customer: the same repair as after a sync import.
        await repairMergeCycles(db, mark);
        // Which contacts are erased is now what the backup says.
        const erased = new Map<string, HlcStamp>();
        for (const c of file.tables.contacts) {
          const at = erasureOf(c);
          if (at !== undefined) erased.set(c.id, at);
        }
        await saveErased(db, erased);
        // The data went back in time, so what was merged from other devices since the backup
        // is gone too: forget which of their sync-folder files were merged, so the next round
        // reads them all again (merging is idempotent). This device's writer cursor stays.
        const folder = await readJson(
          db,
          FOLDER_KEY,
          folderStateSchema,
          folderStateSchema.parse({}),
        );
        await db.meta.put({
          key: FOLDER_KEY,
          value: JSON.stringify({ ...folder, devices: {}, problems: {} }),
        });
      });
    },

    /** Records per table as stored (tombstones included, shown apart). */
    async counts(): Promise<Record<TableName, { live: number; removed: number }>> {
      return db.transaction('r', dataTables(db), async () => {
        const out = {} as Record<TableName, { live: number; removed: number }>;
        for (const t of TABLE_NAMES) {
          const total = await tableOf(db, t).count();
          const removed = await tableOf(db, t)
            .filter((r) => isRemoved(r))
            .count();
          out[t] = { live: total - removed, removed };
        }
        return out;
      });
    },
  };
}
