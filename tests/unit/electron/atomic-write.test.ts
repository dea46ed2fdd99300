import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isTempFileName,
  nodeAtomicFs,
  writeFileAtomic,
  type AtomicFs,
} from '../../../electron/atomic-write';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kenal-atomic-'));
  target = path.join(dir, 'kenal-backup.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    await writeFileAtomic(target, '{"format":"kenal"}');
    expect(await readFile(target, 'utf8')).toBe('{"format":"kenal"}');
    expect(await readdir(dir)).toEqual(['kenal-backup.json']);
  });

  it('replaces an existing file whole, including non-ASCII text', async () => {
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'Bu Siti — Rp 150.000 ✓');
    expect(await readFile(target, 'utf8')).toBe('Bu Siti — Rp 150.000 ✓');
    expect(await readdir(dir)).toEqual(['kenal-backup.json']);
  });

  it('keeps the old file and removes the temp file when rename fails after the write', async () => {
    await writeFile(target, 'OLD');
    const tempsSeen: string[] = [];
    const failingRename: AtomicFs = {
      ...nodeAtomicFs,
      rename: async (from) => {
        // The new content is fully written and synced to the temp file at this point.
        tempsSeen.push(from);
        expect(await readFile(from, 'utf8')).toBe('NEW');
        throw Object.assign(new Error('disk unplugged'), { code: 'EIO' });
      },
    };
    await expect(writeFileAtomic(target, 'NEW', failingRename)).rejects.toThrow('disk unplugged');
    expect(await readFile(target, 'utf8')).toBe('OLD');
    expect(await readdir(dir)).toEqual(['kenal-backup.json']);
    expect(tempsSeen).toHaveLength(1);
    expect(path.dirname(tempsSeen[0] ?? '')).toBe(dir);
    expect(isTempFileName(path.basename(tempsSeen[0] ?? ''))).toBe(true);
  });

  it('never leaves a half-written target when the write itself fails midway', async () => {
    await writeFile(target, 'OLD');
    const halfWrite: AtomicFs = {
      ...nodeAtomicFs,
      open: async (file, flags, mode) => {
        const real = await nodeAtomicFs.open(file, flags, mode);
        return {
          writeFile: async (data) => {
            await real.writeFile(String(data).slice(0, 2));
            throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
          },
          sync: () => real.sync(),
          close: () => real.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, 'NEW CONTENT', halfWrite)).rejects.toThrow('no space');
    expect(await readFile(target, 'utf8')).toBe('OLD');
    expect(await readdir(dir)).toEqual(['kenal-backup.json']);
  });

  it('does not create the target when fsync fails', async () => {
    const failingSync: AtomicFs = {
      ...nodeAtomicFs,
      open: async (file, flags, mode) => {
        const real = await nodeAtomicFs.open(file, flags, mode);
        return {
          writeFile: (data) => real.writeFile(data),
          sync: async () => {
            throw Object.assign(new Error('fsync failed'), { code: 'EIO' });
          },
          close: () => real.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, 'NEW', failingSync)).rejects.toThrow('fsync failed');
    expect(await readdir(dir)).toEqual([]);
  });

  it('still succeeds where the directory cannot be fsynced (Windows)', async () => {
    const noDirSync: AtomicFs = {
      ...nodeAtomicFs,
      openDir: async () => {
        throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      },
    };
    await writeFileAtomic(target, 'NEW', noDirSync);
    expect(await readFile(target, 'utf8')).toBe('NEW');
  });

  it('keeps concurrent writers from sharing a temp file', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeFileAtomic(target, `writer ${i}`.repeat(1000))),
    );
    expect(await readFile(target, 'utf8')).toMatch(/^(writer \d)+$/);
    expect(await readdir(dir)).toEqual(['kenal-backup.json']);
  });
});
