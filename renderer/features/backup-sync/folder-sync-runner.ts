/**
 * Runs sync-folder rounds one at a time, whoever asks (the scheduler's timer, "Sync now", a
 * confirmation): a module-wide queue within this tab, and a Web Lock across tabs of the app so
 * two tabs never write this device's next file at once. `useFolderSyncRunning` tells the UI.
 */
import { create } from 'zustand';
import type { HostApi } from '../../../shared/host-api';
import type { SyncRepository } from '../../db/repositories/sync';
import { syncFolderOnce, type FolderSyncReport } from './folder-sync';
import type { OverRefundTitle } from './over-refund-title';

/** How often the folder is merged while the app is open. */
export const SYNC_EVERY_MS = 5 * 60 * 1000;

export const useFolderSyncRunning = create<{ running: boolean }>(() => ({ running: false }));

export interface RunnerDeps {
  host: Pick<
    HostApi,
    'useFolder' | 'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'
  >;
  sync: SyncRepository;
  deviceId: string;
  app: string;
  overRefundTitle?: OverRefundTitle;
}

let queue: Promise<unknown> = Promise.resolve();

interface LockManager {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  return locks ? locks.request('kenal-sync-folder', fn) : fn();
}

/** One round, after the ones already asked for; null when no folder is set or usable. */
export function runFolderSync(
  deps: RunnerDeps,
  options: { confirm?: string; askPermission?: boolean } = {},
): Promise<FolderSyncReport | null> {
  const next = queue.then(() =>
    withLock(async () => {
      const state = await deps.sync.folderState();
      if (!state.folder) return null;
      useFolderSyncRunning.setState({ running: true });
      try {
        // The desktop app must allow the folder again after a restart; the browser may need
        // the user's permission again (only on a click: askPermission).
        const use = await deps.host.useFolder({
          folder: state.folder,
          askPermission: options.askPermission ?? false,
        });
        if (use.status !== 'ok') {
          await deps.sync.saveFolderState({
            ...state,
            lastError: use.status === 'permission' ? 'permission' : 'unavailable',
          });
          return null;
        }
        return await syncFolderOnce(deps, { confirm: options.confirm });
      } finally {
        useFolderSyncRunning.setState({ running: false });
      }
    }),
  );
  queue = next.catch(() => undefined);
  return next;
}
