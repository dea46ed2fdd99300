import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/host-api';
import { parseSyncFileName, SNAPSHOT_EVERY } from '../../../shared/sync/folder';
import type { Repositories } from '../../../renderer/db';
import { syncFolderOnce } from '../../../renderer/features/backup-sync/folder-sync';
import {
  addSale,
  createContact,
  deleteContact,
  openDevice,
  patchContact,
  snapshot,
} from './device';

/** A shared folder in memory, as a file-sync engine would present it to each device. */
class MemoryFolder {
  readonly files = new Map<string, { content: string; mtimeMs: number }>();
  readonly reads: Array<{ device: string; name: string }> = [];
  readonly removals: Array<{ device: string; name: string }> = [];
  private tick = 0;

  hostFor(device: string): FolderSyncHost {
    return {
      listFolder: async () =>
        [...this.files].map(([name, f]) => ({ name, size: f.content.length, mtimeMs: f.mtimeMs })),
      readFolderFile: async ({ name }) => {
        this.reads.push({ device, name });
        const f = this.files.get(name);
        return f
          ? { status: 'read', content: f.content, size: f.content.length }
          : { status: 'missing' };
      },
      writeFolderFile: async ({ name, content }) => {
        this.files.set(name, { content, mtimeMs: ++this.tick });
      },
      removeFolderFile: async ({ name }) => {
        this.removals.push({ device, name });
        this.files.delete(name);
      },
    };
  }
}
type FolderSyncHost = Pick<
  HostApi,
  'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'
>;

async function joinFolder(repos: Repositories) {
  const state = await repos.sync.folderState();
  await repos.sync.saveFolderState({ ...state, folder: 'mem', label: 'Shared' });
}

function round(folder: MemoryFolder, repos: Repositories, confirm?: string) {
  return syncFolderOnce(
    {
      host: folder.hostFor(repos.clock.deviceId),
      sync: repos.sync,
      deviceId: repos.clock.deviceId,
      app: 'kenal@test',
    },
    { confirm },
  );
}

const names = (repos: Repositories) => async () =>
  (await repos.db.contacts.toArray()).map((c) => c.name).sort();

describe('sync folder loop', { timeout: 60_000 }, () => {
  it('a file from a device whose clock runs weeks ahead is reported and stays on the screen', async () => {
    let aId = '';
    const folder = new MemoryFolder();
    const b = await openDevice('fdrift-b');
    await joinFolder(b);
    // Device A's date is set 30 days ahead (its clock reads the time it was opened with).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 30 * 86_400_000);
    try {
      const a = await openDevice('fdrift-a');
      await joinFolder(a);
      await createContact(a, 'Dari masa depan');
      await round(folder, a);
      aId = a.clock.deviceId;
    } finally {
      vi.useRealTimers();
    }
    const report = await round(folder, b);
    expect(report.drift).toMatchObject({ deviceId: aId });
    expect(report.drift!.aheadMs).toBeGreaterThan(29 * 86_400_000);
    // Kept in the folder state, so the Backup & Sync screen says it until it is solved.
    const state = await b.sync.folderState();
    expect(Object.keys(state.drift)).toEqual([aId]);
  });

  it('two devices write their own files, read each other’s and converge', async () => {
    const folder = new MemoryFolder();
    const a = await openDevice('fa');
    const b = await openDevice('fb');
    await joinFolder(a);
    await joinFolder(b);
    const siti = await createContact(a, 'Siti');
    await addSale(a, siti, 120_000);
    await createContact(b, 'Budi');

    await round(folder, a);
    await round(folder, b);
    await round(folder, a);
    expect(await names(a)()).toEqual(['Budi', 'Siti']);
    expect(await snapshot(a)).toEqual(await snapshot(b));

    // Later edits travel as small segments, and again converge.
    await patchContact(b, siti, { city: 'Bandung' });
    await createContact(a, 'Made');
    await round(folder, b);
    await round(folder, a);
    await round(folder, b);
    expect(await snapshot(a)).toEqual(await snapshot(b));
    const segs = [...folder.files.keys()].filter((n) => parseSyncFileName(n)?.kind === 'seg');
    expect(segs.length).toBeGreaterThan(0);

    // Each device's files carry its own id; nobody reads its own files or removes another's.
    for (const name of folder.files.keys()) {
      expect([a.clock.deviceId, b.clock.deviceId]).toContain(parseSyncFileName(name)?.deviceId);
    }
    for (const r of folder.reads) expect(parseSyncFileName(r.name)?.deviceId).not.toBe(r.device);
    for (const r of folder.removals) expect(parseSyncFileName(r.name)?.deviceId).toBe(r.device);

    const state = await a.sync.folderState();
    expect(state.devices[b.clock.deviceId]?.lastFile).toMatch(/^kenal-/);
  });

  it('a half-copied file is skipped, reported, and merged once it is complete', async () => {
    const folder = new MemoryFolder();
    const a = await openDevice('fc');
    const b = await openDevice('fd');
    await joinFolder(a);
    await joinFolder(b);
    await createContact(a, 'Siti');
    await round(folder, a);
    const [name] = [...folder.files.keys()];
    const full = folder.files.get(name!)!.content;
    folder.files.set(name!, { content: full.slice(0, Math.floor(full.length / 2)), mtimeMs: 50 });

    const first = await round(folder, b);
    expect(first.merged).toEqual([]);
    expect(first.problems).toEqual([name]);
    expect((await b.sync.folderState()).problems[name!]?.code).toBe('incomplete');
    expect(await names(b)()).toEqual([]);

    folder.files.set(name!, { content: full, mtimeMs: 51 });
    const second = await round(folder, b);
    expect(second.merged).toEqual([name]);
    expect(await names(b)()).toEqual(['Siti']);
    expect((await b.sync.folderState()).problems).toEqual({});
    // Merged once: the next round reads nothing of A's.
    const reads = folder.reads.length;
    await round(folder, b);
    expect(folder.reads.length).toBe(reads);
  });

  it('an empty or unreadable folder deletes nothing', async () => {
    const folder = new MemoryFolder();
    const b = await openDevice('fe');
    await joinFolder(b);
    await createContact(b, 'Budi');
    await round(folder, b);
    folder.files.clear();
    folder.files.set('kenal-0123456789ABCDEF-snap-000000000000001-00000.json', {
      content: 'garbage',
      mtimeMs: 1,
    });
    await round(folder, b);
    const broken: FolderSyncHost = {
      ...folder.hostFor(b.clock.deviceId),
      listFolder: async () => {
        throw new Error('unplugged');
      },
    };
    const report = await syncFolderOnce({
      host: broken,
      sync: b.sync,
      deviceId: b.clock.deviceId,
      app: 'kenal@test',
    });
    expect(report.merged).toEqual([]);
    expect((await b.sync.folderState()).lastError).toBe('unavailable');
    expect(await names(b)()).toEqual(['Budi']);
  });

  it('snapshots replace a device’s own older files; a late reader still converges', async () => {
    const folder = new MemoryFolder();
    const a = await openDevice('ff');
    await joinFolder(a);
    for (let i = 0; i < SNAPSHOT_EVERY + 2; i += 1) {
      await createContact(a, `Contact ${String(i).padStart(2, '0')}`);
      await round(folder, a);
    }
    const own = [...folder.files.keys()].map((n) => parseSyncFileName(n)!);
    expect(own.filter((f) => f.kind === 'snap')).toHaveLength(1);
    expect(own.length).toBeLessThan(SNAPSHOT_EVERY);

    const late = await openDevice('fg');
    await joinFolder(late);
    await round(folder, late);
    expect(await snapshot(late)).toEqual(await snapshot(a));
  });

  it('a merge deleting many contacts waits for the user', async () => {
    const folder = new MemoryFolder();
    const a = await openDevice('fh');
    const b = await openDevice('fi');
    await joinFolder(a);
    await joinFolder(b);
    const ids = [];
    for (const n of ['A1', 'A2', 'A3', 'A4']) ids.push(await createContact(a, n));
    await round(folder, a);
    await round(folder, b);
    for (const id of ids) await deleteContact(a, id);
    await round(folder, a);

    const report = await round(folder, b);
    expect(report.pending).toBe(true);
    const pending = (await b.sync.folderState()).pending;
    expect(pending).toMatchObject({ deviceId: a.clock.deviceId, removing: 4 });
    expect((await b.db.contacts.toArray()).filter((c) => !c.deletedAt)).toHaveLength(4);
    // Still waiting on the next automatic round.
    await round(folder, b);
    expect((await b.db.contacts.toArray()).filter((c) => !c.deletedAt)).toHaveLength(4);

    await round(folder, b, pending!.name);
    expect((await b.db.contacts.toArray()).filter((c) => !c.deletedAt)).toHaveLength(0);
    expect((await b.sync.folderState()).pending).toBeNull();
  });
});
