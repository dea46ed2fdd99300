/**
 * Folder access for the sync folder and automatic backups, with every path check in the main
 * process (the renderer is not trusted with paths):
 *  - only folders on the allowlist: the app's own backup folder, folders the user picked in a
 *    dialog this session, and folders re-registered with `useFolder` (a folder the renderer
 *    remembered from an earlier session; accepted only if it is an existing directory).
 *    Trade-off: `useFolder` lets a compromised renderer name any existing directory, but only
 *    plain `.json`-style files directly in it can then be touched, deletions are limited to
 *    Kenal's own file names, and nothing outside that one folder is reachable. Persisting an
 *    allowlist in the main process would need its own storage and migration for little gain.
 *  - a file name must be a plain name (no separators, `..`, NUL, drive letters);
 *  - the resolved path, after following symlinks (realpath), must still be inside the folder's
 *    real path, and only regular files are listed, read or replaced;
 *  - deletion only for this device's own sync files (a device id this app wrote a sync file
 *    for this session) and automatic backups; an existing sync file of any other device is
 *    never overwritten.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isPlainFileName, REMOVABLE_FILE } from '../shared/host-api';
import { isTempFileName, nodeAtomicFs, writeFileAtomic, type AtomicFs } from './atomic-write';
import { nodeReadFs, type ReadFs } from './file-read';
import { isKenalFolderName, KENAL_FILE_NAME } from '../shared/sync/folder';

export class FolderRefusedError extends Error {
  override name = 'FolderRefusedError';
}

export interface FolderAccess {
  /** Allow a folder (from a dialog, or the app's own backup folder). Returns its real path. */
  allow(folder: string): Promise<string>;
  /** Re-allow a folder remembered from an earlier session; false when it is not a directory. */
  reuse(folder: string): Promise<boolean>;
  list(folder: string): Promise<{ name: string; size: number; mtimeMs: number }[]>;
  read(
    folder: string,
    name: string,
    maxBytes: number,
  ): Promise<
    | { status: 'read'; content: string; size: number }
    | { status: 'missing' }
    | { status: 'too-large'; size: number }
  >;
  write(folder: string, name: string, content: string): Promise<void>;
  remove(folder: string, name: string): Promise<void>;
}

/** Sync files, automatic and safety backups: `kenal-<letters, digits, dashes>.json`. */
export const KENAL_FILE = KENAL_FILE_NAME;

const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

export function createFolderAccess(
  options: { atomicFs?: AtomicFs; readFs?: ReadFs } = {},
): FolderAccess {
  const atomicFs = options.atomicFs ?? nodeAtomicFs;
  const readFs = options.readFs ?? nodeReadFs;
  /** Real paths of allowed folders. */
  const allowed = new Set<string>();
  /** Device ids this app wrote sync files for (their files are its own to prune). */
  const ownDevices = new Set<string>();

  async function realDir(folder: string): Promise<string> {
    if (!path.isAbsolute(folder)) throw new FolderRefusedError('not an absolute folder path');
    const real = await fsp.realpath(folder);
    if (!(await fsp.stat(real)).isDirectory()) throw new FolderRefusedError('not a folder');
    return real;
  }

  async function allowedDir(folder: string): Promise<string> {
    let real: string;
    try {
      real = await realDir(folder);
    } catch (error) {
      if (error instanceof FolderRefusedError) throw error;
      throw new FolderRefusedError('folder not available');
    }
    if (!allowed.has(real)) throw new FolderRefusedError('folder was not chosen by the user');
    return real;
  }

  /**
   * The file's path inside the allowed folder; refuses names and symlinks that leave it.
   * `conflictCopies`: also a sync engine's conflict copy of a Kenal file (read only).
   */
  async function fileIn(folder: string, name: string, conflictCopies = false): Promise<string> {
    if (!isPlainFileName(name)) throw new FolderRefusedError('not a plain file name');
    const dir = await allowedDir(folder);
    // Only Kenal's own files are read or written, so even a hijacked renderer that names an
    // existing folder (useFolder) cannot read private files or drop a script into, say, an
    // autostart folder.
    const kenal = conflictCopies ? isKenalFolderName(name) : KENAL_FILE.test(name);
    if (!kenal) throw new FolderRefusedError('not a Kenal file name');
    const target = path.resolve(dir, name);
    if (path.dirname(target) !== dir) throw new FolderRefusedError('outside the folder');
    let real: string;
    try {
      real = await fsp.realpath(target);
    } catch (error) {
      if (isMissing(error)) return target; // a new file: nothing to follow
      throw error;
    }
    if (path.dirname(real) !== dir) throw new FolderRefusedError('a link out of the folder');
    return target;
  }

  return {
    async allow(folder) {
      const real = await realDir(folder);
      allowed.add(real);
      return real;
    },

    async reuse(folder) {
      try {
        allowed.add(await realDir(folder));
        return true;
      } catch {
        return false;
      }
    },

    async list(folder) {
      const dir = await allowedDir(folder);
      const out: { name: string; size: number; mtimeMs: number }[] = [];
      for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
        // Regular files with Kenal names only (and their conflict copies): no folders, no
        // symlinks, no half-written temp files, and nothing else of the user's is disclosed.
        if (!entry.isFile() || isTempFileName(entry.name) || !isPlainFileName(entry.name)) continue;
        if (!isKenalFolderName(entry.name)) continue;
        try {
          const stat = await fsp.lstat(path.join(dir, entry.name));
          out.push({ name: entry.name, size: stat.size, mtimeMs: Math.max(0, stat.mtimeMs) });
        } catch (error) {
          if (!isMissing(error)) throw error; // removed meanwhile: just not listed
        }
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : 1));
    },

    async read(folder, name, maxBytes) {
      const file = await fileIn(folder, name, true);
      let size: number;
      try {
        const stat = await readFs.stat(file);
        if (!stat.isFile()) throw new FolderRefusedError('not a regular file');
        size = stat.size;
      } catch (error) {
        if (isMissing(error)) return { status: 'missing' };
        throw error;
      }
      if (size > maxBytes) return { status: 'too-large', size };
      let bytes: Uint8Array | null;
      try {
        bytes = await readFs.readUpTo(file, maxBytes);
      } catch (error) {
        if (isMissing(error)) return { status: 'missing' };
        throw error;
      }
      if (bytes === null) return { status: 'too-large', size: Math.max(size, maxBytes + 1) };
      return {
        status: 'read',
        content: new TextDecoder('utf-8').decode(bytes),
        size: bytes.byteLength,
      };
    },

    async write(folder, name, content) {
      const file = await fileIn(folder, name);
      const device = REMOVABLE_FILE.exec(name)?.[1];
      // Files from another device are never modified: a sync file that is already there may
      // only be replaced by the device that wrote it in this session.
      if (device !== undefined && !ownDevices.has(device) && (await exists(file))) {
        throw new FolderRefusedError('another device’s sync file is never modified');
      }
      await writeFileAtomic(file, content, atomicFs);
      if (device) ownDevices.add(device);
    },

    async remove(folder, name) {
      const match = REMOVABLE_FILE.exec(name);
      if (!match) throw new FolderRefusedError('only Kenal’s own files can be removed');
      const device = match[1];
      if (device !== undefined && !ownDevices.has(device)) {
        throw new FolderRefusedError('only this device’s own sync files can be removed');
      }
      const file = await fileIn(folder, name);
      try {
        await atomicFs.unlink(file);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}
