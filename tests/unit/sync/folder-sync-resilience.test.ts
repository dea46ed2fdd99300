/**
 * The sync-folder round against what a shared folder really holds: a file that cannot be read
 * or merged, sync engines' conflict copies (also of this device's own files, as a machine
 * with a copied identity would make), and a folder emptied by a propagated deletion.
 */
import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/host-api';
import { parseSyncFileName } from '../../../shared/sync/folder';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { syncFolderOnce } from '../../../renderer/features/backup-sync/folder-sync';
import { createContact, openDevice, snapshot } from './device';

type FolderSyncHost = Pick<
  HostApi,
  'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'
>;

class Folder {
  readonly files = new Map<string, { content: string; mtimeMs: number }>();
  readonly removed: string[] = [];
  /** Names whose read fails as a disk error would (e.g. no permission). */
  readonly unreadable = new Set<string>();
  private tick = 0;
  host(): FolderSyncHost {
    return {
      listFolder: async () =>
        [...this.files].map(([name, f]) => ({ name, size: f.content.length, mtimeMs: f.mtimeMs })),
      readFolderFile: async ({ name }) => {
        if (this.unreadable.has(name)) throw new Error(`EACCES: permission denied, open '${name}'`);
        const f = this.files.get(name);
        return f
          ? { status: 'read', content: f.content, size: f.content.length }
          : { status: 'missing' };
      },
      writeFolderFile: async ({ name, content }) => {
        this.files.set(name, { content, mtimeMs: ++this.tick });
      },
      removeFolderFile: async ({ name }) => {
        this.removed.push(name);
        this.files.delete(name);
      },
    };
  }
}

async function join(repos: Repositories) {
  const state = await repos.sync.folderState();
  await repos.sync.saveFolderState({ ...state, folder: 'mem', label: 'Shared' });
}

function round(folder: Folder, repos: Repositories, sync = repos.sync) {
  return syncFolderOnce({
    host: folder.host(),
    sync,
    deviceId: repos.clock.deviceId,
    app: 'kenal@test',
  });
}

const names = async (repos: Repositories) =>
  (await repos.db.contacts.toArray()).map((c) => c.name).sort();
const fileOf = (folder: Folder, deviceId: string) =>
  [...folder.files.keys()].find((n) => parseSyncFileName(n)?.deviceId === deviceId)!;

describe('sync folder: one bad file never stops sync', () => {
  it('an unreadable file is skipped and reported; the others merge and the device writes its own', async () => {
    const folder = new Folder();
    const [a, b, c] = [await openDevice('ra'), await openDevice('rb'), await openDevice('rc')];
    for (const d of [a, b, c]) await join(d);
    await createContact(a, 'Siti');
    await createContact(c, 'Budi');
    await round(folder, c); // C's file has Budi only; A's (written after) both
    await round(folder, a);
    const bad = fileOf(folder, a.clock.deviceId);
    folder.unreadable.add(bad);
    await createContact(b, 'Made');

    const report = await round(folder, b);
    expect(report.problems).toEqual([bad]);
    expect(report.merged).toEqual([fileOf(folder, c.clock.deviceId)]);
    expect(report.written).toMatch(new RegExp(`^kenal-${b.clock.deviceId}-snap-`));
    expect(await names(b)).toEqual(['Budi', 'Made']);
    const problem = (await b.sync.folderState()).problems[bad];
    expect(problem).toMatchObject({ code: 'failed' });
    expect(problem?.detail).toMatch(/EACCES/);

    // Still listed until solved; once the file can be read it merges and the problem is gone.
    folder.unreadable.clear();
    await round(folder, b); // unchanged refused files wait for a change...
    const f = folder.files.get(bad)!;
    folder.files.set(bad, { ...f, mtimeMs: f.mtimeMs + 1000 }); // ...such as a fresh copy
    const again = await round(folder, b);
    expect(again.merged).toEqual([bad]);
    expect((await b.sync.folderState()).problems).toEqual({});
    expect(await names(b)).toEqual(['Budi', 'Made', 'Siti']);
  });

  it('a file whose merge throws is skipped with its reason; the round goes on', async () => {
    const folder = new Folder();
    const [a, b, c] = [await openDevice('ta'), await openDevice('tb'), await openDevice('tc')];
    for (const d of [a, b, c]) await join(d);
    await createContact(a, 'Siti');
    await createContact(c, 'Budi');
    await round(folder, c); // C's file has Budi only; A's (written after) both
    await round(folder, a);
    // Whatever the merge refuses by throwing (a file built to break it), for A's file only.
    const sync: Repositories['sync'] = {
      ...b.sync,
      importSync: async (file, options) => {
        if (file.deviceId === a.clock.deviceId)
          throw new TypeError('stamps.constructor is not a stamp');
        return b.sync.importSync(file, options);
      },
    };
    const report = await round(folder, b, sync);
    expect(report.problems).toEqual([fileOf(folder, a.clock.deviceId)]);
    expect(await names(b)).toEqual(['Budi']);
    expect(report.written).not.toBeNull();
    expect(Object.values((await b.sync.folderState()).problems)).toMatchObject([
      { code: 'failed', detail: 'stamps.constructor is not a stamp' },
    ]);
  });
});

describe('sync folder: conflict copies', () => {
  it('a Syncthing or Dropbox conflict copy is read and merged, never deleted', async () => {
    const folder = new Folder();
    const a = await openDevice('ca');
    const b = await openDevice('cb');
    await join(a);
    await join(b);
    await createContact(a, 'Siti');
    await round(folder, a);
    const original = fileOf(folder, a.clock.deviceId);
    // Another version of A's file (A changed meanwhile) left by the engine as a conflict copy.
    const other = new Folder();
    await createContact(a, 'Made');
    await join(a);
    await a.sync.saveFolderState({ ...(await a.sync.folderState()), cursor: null, segments: 0 });
    await round(other, a);
    const content = [...other.files.values()][0]!.content;
    const st = original.replace('.json', '.sync-conflict-20261203-101500-7ABCDEF.json');
    folder.files.set(st, { content, mtimeMs: 500 });

    const report = await round(folder, b);
    expect(report.merged.sort()).toEqual([original, st].sort());
    expect(await names(b)).toEqual(['Made', 'Siti']);
    // Merged once: the next round does not read it again.
    expect((await round(folder, b)).merged).toEqual([]);
    expect(folder.files.has(st)).toBe(true);

    const dropbox = original.replace('.json', ' (Budi’s conflicted copy 2026-12-03).json');
    folder.files.set(dropbox, { content, mtimeMs: 600 });
    expect((await round(folder, b)).merged).toEqual([dropbox]);
  });

  it('a conflict copy of this device’s own file (a machine with a copied identity) is merged, not ignored or pruned', async () => {
    const folder = new Folder();
    const a = await openDevice('oa');
    await join(a);
    await createContact(a, 'Siti');
    await round(folder, a);
    const own = fileOf(folder, a.clock.deviceId);

    // A second machine that carries A's device id (its profile copied) writes the same name.
    const cloneName = `clone-${Math.random().toString(36).slice(2)}`;
    const seed = await openRepositories(cloneName);
    await seed.db.meta.put({ key: 'deviceId', value: a.clock.deviceId });
    seed.db.close();
    const clone = await openRepositories(cloneName);
    expect(clone.clock.deviceId).toBe(a.clock.deviceId);
    await join(clone);
    await createContact(clone, 'Dewi');
    const elsewhere = new Folder();
    await round(elsewhere, clone);
    const copy = own.replace('.json', '.sync-conflict-20261203-101500-ABCDEF2.json');
    folder.files.set(copy, { content: [...elsewhere.files.values()][0]!.content, mtimeMs: 900 });

    for (let i = 0; i < 25; i++) {
      await createContact(a, `Extra ${i}`);
      await round(folder, a); // past a snapshot, which prunes A's own older files
    }
    expect(await names(a)).toContain('Dewi');
    expect(folder.files.has(copy)).toBe(true);
    expect(folder.removed).not.toContain(copy);
  });
});

describe('sync folder: an emptied folder', () => {
  it('deletes nothing, warns, writes again and clears the warning once every device is back', async () => {
    const folder = new Folder();
    const a = await openDevice('ea');
    const b = await openDevice('eb');
    await join(a);
    await join(b);
    await createContact(a, 'Siti');
    await createContact(b, 'Budi');
    for (const d of [a, b, a]) await round(folder, d);
    const before = await snapshot(a);

    folder.files.clear(); // emptied on one side; the engine propagated the deletions
    await round(folder, a);
    expect(await snapshot(a)).toEqual(before);
    expect((await a.sync.folderState()).emptiedAt).not.toBeNull();
    expect(fileOf(folder, a.clock.deviceId)).toMatch(/-snap-/);

    await round(folder, b);
    expect((await b.sync.folderState()).emptiedAt).not.toBeNull();
    await round(folder, a);
    expect((await a.sync.folderState()).emptiedAt).toBeNull();
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });
});
