/**
 * A Kenal "device" beside each Syncthing instance: the real repositories on fake-indexeddb (its
 * own database), the same folder-sync round the app runs (runFolderSync -> syncFolderOnce) and
 * the same Node folder functions the Electron main process uses (electron/folder-access.ts:
 * atomic writes, Kenal-only names, realpath checks).
 */
import { createFolderAccess } from '../../electron/folder-access';
import type { HostApi } from '../../shared/host-api';
import { openRepositories, type Repositories } from '../../renderer/db';
import { runFolderSync } from '../../renderer/features/backup-sync/folder-sync-runner';
import type { FolderSyncReport } from '../../renderer/features/backup-sync/folder-sync';
import type { Instance } from './syncthing';

export type FolderHost = Pick<
  HostApi,
  'useFolder' | 'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'
>;

/** The main process's handlers for the folder methods (electron/host-handlers.ts does the same). */
export function nodeFolderHost(): FolderHost {
  const folders = createFolderAccess();
  return {
    useFolder: async ({ folder }) =>
      (await folders.reuse(folder)) ? { status: 'ok', label: folder } : { status: 'missing' },
    listFolder: ({ folder }) => folders.list(folder),
    readFolderFile: ({ folder, name, maxBytes }) => folders.read(folder, name, maxBytes),
    writeFolderFile: ({ folder, name, content }) => folders.write(folder, name, content),
    removeFolderFile: ({ folder, name }) => folders.remove(folder, name),
  };
}

export interface KenalDevice {
  name: string;
  inst: Instance;
  repos: Repositories;
  host: FolderHost;
  /** One sync-folder round, as the app's timer or "Sync now" runs it. */
  round(): Promise<FolderSyncReport | null>;
}

let opened = 0;

export async function openKenalDevice(inst: Instance, label = inst.name): Promise<KenalDevice> {
  opened += 1;
  const repos = await openRepositories(`syncthing-${label}-${opened}-${Date.now()}`);
  const host = nodeFolderHost();
  const state = await repos.sync.folderState();
  await repos.sync.saveFolderState({ ...state, folder: inst.folder, label: 'Kenal shop' });
  const device: KenalDevice = {
    name: label,
    inst,
    repos,
    host,
    round: () =>
      runFolderSync({
        host,
        sync: repos.sync,
        deviceId: repos.clock.deviceId,
        app: 'kenal@syncthing-test',
      }),
  };
  return device;
}
