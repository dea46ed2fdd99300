/**
 * Automatic daily backups (desktop app) and the silent safety backup before a restore. Backups
 * go to the folder set in Settings, or the app's own folder (userData/backups); only the newest
 * `keep` automatic backups stay (shared/sync/folder autoBackupsToPrune). Safety backups are
 * never pruned automatically.
 */
import { localCalendarDate } from '../../../shared/dates';
import type { HostApi } from '../../../shared/host-api';
import { serializeEnvelope } from '../../../shared/sync/envelope';
import { autoBackupDue, autoBackupsToPrune } from '../../../shared/sync/folder';
import type { SyncRepository } from '../../db/repositories/sync';

type BackupHost = Pick<
  HostApi,
  'appDataFolder' | 'useFolder' | 'listFolder' | 'writeFolderFile' | 'removeFolderFile'
>;

const time = (d: Date) =>
  [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join('');

export const autoBackupName = (at: Date) =>
  `kenal-auto-backup-${localCalendarDate(at)}-${time(at)}.json`;
export const safetyBackupName = (at: Date) =>
  `kenal-safety-backup-${localCalendarDate(at)}-${time(at)}.json`;

/** The folder backups go to now, or null when this host has none (the browser). */
export async function backupFolder(host: BackupHost, sync: SyncRepository): Promise<string | null> {
  const state = await sync.autoBackupState();
  if (state.folder) {
    const use = await host.useFolder({ folder: state.folder });
    if (use.status === 'ok') return state.folder;
  }
  const own = await host.appDataFolder();
  return own.status === 'ok' ? own.folder : null;
}

/** Write the daily backup when due; returns the file name written, or null. */
export async function runAutoBackup(
  deps: { host: BackupHost; sync: SyncRepository; app: string; now?: () => Date },
  options: { force?: boolean } = {},
): Promise<string | null> {
  const now = deps.now ?? (() => new Date());
  const state = await deps.sync.autoBackupState();
  if (!options.force && (!state.enabled || !autoBackupDue(state.lastAt ?? undefined, now()))) {
    return null;
  }
  const folder = await backupFolder(deps.host, deps.sync);
  if (!folder) return null;
  const at = now();
  const name = autoBackupName(at);
  try {
    const envelope = await deps.sync.exportBackup(deps.app);
    await deps.host.writeFolderFile({ folder, name, content: serializeEnvelope(envelope) });
    const existing = (await deps.host.listFolder({ folder })).map((e) => e.name);
    for (const old of autoBackupsToPrune(existing, state.keep)) {
      await deps.host.removeFolderFile({ folder, name: old });
    }
  } catch (error) {
    await deps.sync.saveAutoBackupState({
      lastError: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
  await deps.sync.saveAutoBackupState({
    lastAt: at.toISOString(),
    lastFile: name,
    lastError: null,
  });
  return name;
}

/**
 * Before a restore: write the current data into the backup folder without asking (desktop);
 * where there is no such folder (browser), the caller falls back to a save dialog/download.
 */
export async function writeSafetyBackup(
  host: BackupHost,
  sync: SyncRepository,
  app: string,
): Promise<{ saved: true; location: string } | null> {
  const folder = await backupFolder(host, sync);
  if (!folder) return null;
  const name = safetyBackupName(new Date());
  await host.writeFolderFile({
    folder,
    name,
    content: serializeEnvelope(await sync.exportBackup(app)),
  });
  return { saved: true, location: name };
}
