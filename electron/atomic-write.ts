/**
 * Atomic file replacement (ARCHITECTURE.md "Fail-safes"): write a temp file in the target's folder, fsync
 * it, rename it over the target, then fsync the folder so the rename itself is durable. A crash
 * or error at any point leaves either the old file or the new one, never a half-written target,
 * and the temp file is removed on failure.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

/** The parts of a FileHandle we use; fs/promises' FileHandle satisfies this. */
export interface WritableHandle {
  writeFile(data: string | Uint8Array, options?: { encoding?: 'utf8' }): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** File-system operations, injectable so tests can make any step fail. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Opens a directory for fsync; may reject where that is not supported (Windows). */
  openDir(dir: string): Promise<Pick<WritableHandle, 'sync' | 'close'>>;
}

export const nodeAtomicFs: AtomicFs = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  openDir: (dir) => fsp.open(dir, 'r'),
};

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  // Same folder as the target so the rename never crosses file systems; dot-prefixed and
  // random so it cannot collide with a real file or another writer.
  return path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTempFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fs: AtomicFs = nodeAtomicFs,
): Promise<void> {
  const temp = tempPathFor(target);
  let handle: WritableHandle | undefined;
  try {
    // 'wx': fail rather than follow or reuse something already at the temp path.
    handle = await fs.open(temp, 'wx', 0o644);
    await handle.writeFile(data, typeof data === 'string' ? { encoding: 'utf8' } : undefined);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(fs, temp, target);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(fs, path.dirname(target));
}

/** Windows briefly locks files (antivirus, indexer); a few short retries ride that out. */
async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  const transient = new Set(['EPERM', 'EACCES', 'EBUSY']);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !transient.has(code) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/** Best effort: directory fsync makes the rename durable on POSIX; Windows cannot open dirs. */
async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  let handle: Pick<WritableHandle, 'sync' | 'close'> | undefined;
  try {
    handle = await fs.openDir(dir);
    await handle.sync();
  } catch {
    // Not supported here (EISDIR/EPERM/EINVAL); the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
