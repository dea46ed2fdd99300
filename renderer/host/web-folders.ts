/**
 * Folder access in the browser on the File System Access API (Chromium: Chrome, Edge). A chosen
 * directory handle is kept in IndexedDB (handles survive a reload; their permission may not, so
 * `useFolder` re-asks when the user clicks). Writes go through createWritable(), which the
 * browser writes to a swap file and moves into place on close(): atomic like the desktop app.
 * Where the API is missing every method answers `unsupported` (or throws for I/O calls).
 */
import {
  chooseFolderArgsSchema,
  folderArgsSchema,
  isPlainFileName,
  readFolderFileArgsSchema,
  removeFolderFileArgsSchema,
  REMOVABLE_FILE,
  useFolderArgsSchema,
  writeFolderFileArgsSchema,
  type HostApi,
} from '../../shared/host-api';
import { isKenalFolderName } from '../../shared/sync/folder';
import { createHandleStore, type HandleStore } from './handle-store';

type PermissionState = 'granted' | 'denied' | 'prompt';
interface FileLike {
  size: number;
  lastModified: number;
  text(): Promise<string>;
}
interface FsFileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<FileLike>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}
export interface FsDirectoryHandle {
  kind: 'directory';
  name: string;
  entries(): AsyncIterable<[string, FsFileHandle | FsDirectoryHandle]>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FsFileHandle>;
  removeEntry(name: string): Promise<void>;
  queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
}
type DirectoryPicker = (options?: {
  id?: string;
  mode?: 'readwrite';
}) => Promise<FsDirectoryHandle>;

type FolderMethods = Pick<
  HostApi,
  | 'chooseFolder'
  | 'useFolder'
  | 'appDataFolder'
  | 'listFolder'
  | 'readFolderFile'
  | 'writeFolderFile'
  | 'removeFolderFile'
>;

export class FolderUnsupportedError extends Error {
  override name = 'FolderUnsupportedError';
}

const isNotFound = (error: unknown) =>
  error instanceof DOMException &&
  (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');

function picker(win: Window): DirectoryPicker | undefined {
  const p = (win as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  return typeof p === 'function' ? p.bind(win) : undefined;
}

export function createWebFolders(
  win: Window = window,
  store: HandleStore = createHandleStore(),
): FolderMethods {
  /** Handles granted in this page's life, by folder id. */
  const open = new Map<string, FsDirectoryHandle>();
  /** Device ids this page wrote sync files for: only their files may be removed. */
  const ownDevices = new Set<string>();

  async function dir(folder: string): Promise<FsDirectoryHandle> {
    const handle = open.get(folder);
    if (!handle) throw new FolderUnsupportedError('folder was not chosen in this session');
    return handle;
  }

  async function granted(handle: FsDirectoryHandle, ask: boolean): Promise<boolean> {
    if (!handle.queryPermission) return true;
    const state = await handle.queryPermission({ mode: 'readwrite' });
    if (state === 'granted') return true;
    if (!ask || !handle.requestPermission) return false;
    return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted';
  }

  return {
    async chooseFolder(raw) {
      const { purpose } = chooseFolderArgsSchema.parse(raw);
      const pick = picker(win);
      if (!pick) return { status: 'unsupported' };
      let handle: FsDirectoryHandle;
      try {
        handle = await pick({ id: `kenal-${purpose}`, mode: 'readwrite' });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          return { status: 'cancelled' };
        }
        throw error;
      }
      const folder = `web:${purpose}:${crypto.randomUUID()}`;
      await store.put(folder, handle);
      open.set(folder, handle);
      return { status: 'chosen', folder, label: handle.name };
    },

    async useFolder(raw) {
      const { folder, askPermission } = useFolderArgsSchema.parse(raw);
      if (!picker(win)) return { status: 'unsupported' };
      const handle = open.get(folder) ?? (await store.get<FsDirectoryHandle>(folder));
      if (!handle) return { status: 'missing' };
      if (!(await granted(handle, askPermission))) return { status: 'permission' };
      open.set(folder, handle);
      return { status: 'ok', label: handle.name };
    },

    // The browser has no app folder of its own: automatic backups are a desktop feature.
    async appDataFolder() {
      return { status: 'unsupported' };
    },

    async listFolder(raw) {
      const handle = await dir(folderArgsSchema.parse(raw).folder);
      const out: { name: string; size: number; mtimeMs: number }[] = [];
      for await (const [name, entry] of handle.entries()) {
        // Kenal's files and their conflict copies only: nothing else of the user's is listed.
        if (entry.kind !== 'file' || !isPlainFileName(name) || !isKenalFolderName(name)) continue;
        try {
          const file = await entry.getFile();
          out.push({ name, size: file.size, mtimeMs: Math.max(0, file.lastModified) });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : 1));
    },

    async readFolderFile(raw) {
      const args = readFolderFileArgsSchema.parse(raw);
      const handle = await dir(args.folder);
      try {
        const file = await (await handle.getFileHandle(args.name)).getFile();
        if (file.size > args.maxBytes) return { status: 'too-large', size: file.size };
        return { status: 'read', content: await file.text(), size: file.size };
      } catch (error) {
        if (isNotFound(error)) return { status: 'missing' };
        throw error;
      }
    },

    async writeFolderFile(raw) {
      const args = writeFolderFileArgsSchema.parse(raw);
      const handle = await dir(args.folder);
      const writable = await (
        await handle.getFileHandle(args.name, { create: true })
      ).createWritable();
      await writable.write(args.content);
      await writable.close();
      const device = REMOVABLE_FILE.exec(args.name)?.[1];
      if (device) ownDevices.add(device);
    },

    async removeFolderFile(raw) {
      const args = removeFolderFileArgsSchema.parse(raw);
      const match = REMOVABLE_FILE.exec(args.name);
      if (!match) throw new Error('only Kenal’s own files can be removed');
      if (match[1] !== undefined && !ownDevices.has(match[1])) {
        throw new Error('only this device’s own sync files can be removed');
      }
      const handle = await dir(args.folder);
      try {
        await handle.removeEntry(args.name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
