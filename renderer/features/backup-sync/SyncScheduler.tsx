/**
 * Mounted once in the app shell: merges the sync folder on start and every few minutes, and in
 * the desktop app writes the daily automatic backup when the last one is a day old. Renders
 * nothing; the Backup & Sync screen shows what it did.
 */
import { useEffect, useRef } from 'react';
import { useHost, useRepositories } from '../../app/services';
import { runAutoBackup } from './auto-backup';
import { APP_NAME } from './file-names';
import { runFolderSync, SYNC_EVERY_MS } from './folder-sync-runner';
import { useOverRefundTitle, type OverRefundTitle } from './over-refund-title';

/** How often to check whether the daily backup is due (the app may stay open for days). */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export function SyncScheduler() {
  const host = useHost();
  const { sync, clock } = useRepositories();
  // Read through a ref so a language change does not restart the timers.
  const title = useOverRefundTitle();
  const overRefundTitle = useRef<OverRefundTitle>(title);
  useEffect(() => {
    overRefundTitle.current = title;
  }, [title]);

  useEffect(() => {
    const deps = {
      host,
      sync,
      deviceId: clock.deviceId,
      app: APP_NAME,
      overRefundTitle: ((sale) => overRefundTitle.current(sale)) satisfies OverRefundTitle,
    };
    const syncRound = () => void runFolderSync(deps).catch(() => undefined);
    const backup = () => void runAutoBackup({ host, sync, app: APP_NAME }).catch(() => undefined);
    syncRound();
    backup();
    const syncTimer = setInterval(syncRound, SYNC_EVERY_MS);
    const backupTimer = setInterval(backup, BACKUP_CHECK_MS);
    return () => {
      clearInterval(syncTimer);
      clearInterval(backupTimer);
    };
  }, [host, sync, clock]);

  return null;
}
