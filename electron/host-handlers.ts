/**
 * The HostApi implementations behind the IPC wrapper. Arguments arrive already validated by
 * ipc.ts; Electron's dialog/shell/Notification are injected so this runs under plain Node tests.
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { HOST_CHANNELS } from '../shared/host-api';
import { isAllowedExternalUrl, type FileFilter } from '../shared/host-api';
import { writeFileAtomic, type AtomicFs, nodeAtomicFs } from './atomic-write';
import { nodeReadFs, type ReadFs } from './file-read';
import { createFolderAccess, type FolderAccess } from './folder-access';
import type { HandlerMap } from './ipc';

export interface SaveDialogRequest {
  defaultPath: string;
  filters: FileFilter[];
}
export interface OpenDialogRequest {
  filters: FileFilter[];
}

export interface HostDeps {
  appVersion: string;
  platform: string;
  /** Folder the save dialog starts in (e.g. the user's documents). */
  defaultSaveDir: string;
  /** dialog.showSaveDialog, parented to the app window by the caller. */
  showSaveDialog(request: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  /** dialog.showOpenDialog for a single file, parented to the app window by the caller. */
  showOpenDialog(request: OpenDialogRequest): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** shell.openExternal */
  openExternal(url: string): Promise<void>;
  notifications: {
    isSupported(): boolean;
    /** Show it; `onClick` runs when the user clicks it. */
    show(options: { title: string; body: string }, onClick: () => void): void;
  };
  /** A notification shown with this tag was clicked: bring the app forward and tell the renderer. */
  onNotificationClick(tag: string): void;
  /** dialog.showOpenDialog for one folder (openDirectory, createDirectory). */
  showFolderDialog(request: { title: string }): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** The renderer's UI language changed: relabel the native menu. */
  onLanguage(language: 'en' | 'id'): void;
  /** The app's own folder for automatic backups (userData/backups); created when first asked. */
  backupDir: string;
  /** Creates a folder and its parents (fs.mkdir recursive). */
  makeDir?(dir: string): Promise<void>;
  atomicFs?: AtomicFs;
  readFs?: ReadFs;
  folders?: FolderAccess;
}

export type HostHandlers = HandlerMap<typeof HOST_CHANNELS>;

export function createHostHandlers(deps: HostDeps): HostHandlers {
  const readFs = deps.readFs ?? nodeReadFs;
  const atomicFs = deps.atomicFs ?? nodeAtomicFs;
  const folders = deps.folders ?? createFolderAccess({ atomicFs, readFs });
  const makeDir =
    deps.makeDir ?? (async (dir: string) => void (await mkdir(dir, { recursive: true })));

  return {
    getInfo: async () => ({
      kind: 'electron',
      appVersion: deps.appVersion,
      platform: deps.platform,
    }),

    saveFile: async ({ suggestedName, content, bytes, filters }) => {
      // The IPC wrapper's schema guarantees exactly one of the two; checked again before asking.
      const data = content ?? bytes;
      if (data === undefined) throw new Error('nothing to save');
      const choice = await deps.showSaveDialog({
        defaultPath: path.join(deps.defaultSaveDir, suggestedName),
        filters,
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFileAtomic(choice.filePath, data, atomicFs);
      return { saved: true, location: choice.filePath };
    },

    openFile: async ({ filters, maxBytes, asBytes }) => {
      const choice = await deps.showOpenDialog({ filters });
      const file = choice.filePaths[0];
      if (choice.canceled || file === undefined) return { status: 'cancelled' };
      const name = path.basename(file);
      const stat = await readFs.stat(file);
      if (!stat.isFile()) throw new Error(`${name} is not a regular file`);
      if (stat.size > maxBytes) return { status: 'too-large', name, size: stat.size };
      const bytes = await readFs.readUpTo(file, maxBytes);
      // It grew between stat and read: still too large, and we stopped reading at the limit.
      if (bytes === null)
        return { status: 'too-large', name, size: Math.max(stat.size, maxBytes + 1) };
      if (asBytes)
        return { status: 'opened', file: { name, size: bytes.byteLength, content: '', bytes } };
      // TextDecoder drops a UTF-8 BOM, which editors on Windows like to add.
      const content = new TextDecoder('utf-8').decode(bytes);
      return { status: 'opened', file: { name, size: bytes.byteLength, content } };
    },

    openExternal: async ({ url }) => {
      // Checked again here although zod already did: this is the one call that leaves the app.
      if (!isAllowedExternalUrl(url)) throw new Error('URL not on the allowlist');
      await deps.openExternal(url);
      return undefined;
    },

    notify: async ({ title, body, tag }) => {
      if (deps.notifications.isSupported()) {
        deps.notifications.show({ title, body }, () => deps.onNotificationClick(tag ?? ''));
      }
      return undefined;
    },

    chooseFolder: async ({ purpose }) => {
      const choice = await deps.showFolderDialog({
        title: purpose === 'sync' ? 'Kenal sync folder' : 'Kenal backups folder',
      });
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return { status: 'cancelled' };
      const folder = await folders.allow(picked);
      return { status: 'chosen', folder, label: folder };
    },

    useFolder: async ({ folder }) =>
      (await folders.reuse(folder)) ? { status: 'ok', label: folder } : { status: 'missing' },

    appDataFolder: async () => {
      await makeDir(deps.backupDir);
      return { status: 'ok', folder: await folders.allow(deps.backupDir) };
    },

    listFolder: async ({ folder }) => folders.list(folder),

    readFolderFile: async ({ folder, name, maxBytes }) => folders.read(folder, name, maxBytes),

    writeFolderFile: async ({ folder, name, content }) => {
      await folders.write(folder, name, content);
      return undefined;
    },

    removeFolderFile: async ({ folder, name }) => {
      await folders.remove(folder, name);
      return undefined;
    },

    setLanguage: async ({ language }) => {
      deps.onLanguage(language);
      return undefined;
    },
  };
}
