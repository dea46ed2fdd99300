/**
 * What a real replicated folder does to sync files, through real Syncthing processes: files
 * half-transferred, conflict copies, a folder emptied or deleted on one side, a folder that
 * disappears (unmounted drive), two machines restored from one backup, one corrupt file.
 * After each: identical books on every device and no row lost.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../shared/contact-input';
import { parseSyncFileName } from '../../shared/sync/folder';
import { openRepositories } from '../../renderer/db';
import type { KenalDevice } from './kenal-device';
import { syncthingMissing, type Syncthing } from './syncthing';
import { exchange, expectSameBooks, openDevices, startCluster } from './world';

const missing = syncthingMissing();

async function addCustomer(d: KenalDevice, name: string): Promise<string> {
  const res = await d.repos.contacts.create({ ...emptyContactInput(), name });
  if (!res.ok) throw new Error(`contact refused: ${JSON.stringify(res.error)}`);
  return res.value.id;
}
const names = async (d: KenalDevice) =>
  (await d.repos.db.contacts.toArray()).map((c) => c.name).sort();
const kenalFiles = async (d: KenalDevice) =>
  (await readdir(d.inst.folder)).filter((n) => n.startsWith('kenal-')).sort();
const ownFile = async (d: KenalDevice) =>
  (await kenalFiles(d)).find((n) => parseSyncFileName(n)?.deviceId === d.repos.clock.deviceId)!;

describe.skipIf(missing !== null)('sync folder hazards through a real Syncthing', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let st: Syncthing;
  beforeAll(async () => {
    cluster = await startCluster(3);
    st = cluster.st;
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('a half-transferred file is never merged until complete', async () => {
    const [a, b] = await openDevices(st, 2);
    await addCustomer(a!, 'Siti');
    await a!.round();
    await st.settle();
    const name = await ownFile(a!);
    const full = await readFile(path.join(a!.inst.folder, name), 'utf8');

    // Syncthing's own temporary name for a file still arriving, complete or not: never read.
    const stranger = await openDevices(st, 1);
    await addCustomer(stranger[0]!, 'Dewi');
    await stranger[0]!.round();
    const strangerFile = await ownFile(stranger[0]!);
    const strangerText = await readFile(path.join(stranger[0]!.inst.folder, strangerFile), 'utf8');
    await writeFile(path.join(b!.inst.folder, `.syncthing.${strangerFile}.tmp`), strangerText);
    await writeFile(path.join(b!.inst.folder, `~syncthing~${strangerFile}.tmp`), strangerText);

    // The same name, cut off half-way (as another engine or a copy by hand leaves it).
    await writeFile(path.join(a!.inst.folder, name), full.slice(0, Math.floor(full.length / 2)));
    await st.settle();
    expect((await readFile(path.join(b!.inst.folder, name), 'utf8')).length).toBeLessThan(
      full.length,
    );
    const first = await b!.round();
    expect(first?.merged).toEqual([]);
    expect((await b!.repos.sync.folderState()).problems[name]?.code).toBe('incomplete');
    expect(await names(b!)).toEqual([]);

    await writeFile(path.join(a!.inst.folder, name), full);
    await st.settle();
    const second = await b!.round();
    expect(second?.merged).toEqual([name]);
    expect((await b!.repos.sync.folderState()).problems).toEqual({});
    expect(await names(b!)).toEqual(['Siti']);
    await exchange(st, [a!, b!]);
    await expectSameBooks([a!, b!]);
  });

  it('conflict copies made by Syncthing and Dropbox are merged everywhere, never ignored', async () => {
    const [a, b, c] = await openDevices(st);
    await addCustomer(a!, 'Siti');
    await a!.round();
    await st.settle();
    const name = await ownFile(a!);

    // A second machine carrying A's identity (a copied profile) writes the same file name on
    // C's side while C is offline: when C is back, Syncthing keeps one and renames the other
    // to `<name>.sync-conflict-...`.
    const cloneDb = `clone-${Date.now()}`;
    const seed = await openRepositories(cloneDb);
    await seed.db.meta.put({ key: 'deviceId', value: a!.repos.clock.deviceId });
    seed.db.close();
    const cloneRepos = await openRepositories(cloneDb);
    expect(cloneRepos.clock.deviceId).toBe(a!.repos.clock.deviceId);
    await cloneRepos.contacts.create({ ...emptyContactInput(), name: 'Dewi' });
    const { envelope } = await cloneRepos.sync.exportSync('kenal@clone', { full: true });
    await st.setPaused(c!.inst, true);
    await writeFile(path.join(c!.inst.folder, name), JSON.stringify(envelope));
    // A's copy changes too (rewritten later, so it wins): both sides changed the same file.
    await writeFile(
      path.join(a!.inst.folder, name),
      await readFile(path.join(a!.inst.folder, name)),
    );
    await st.setPaused(c!.inst, false);
    await st.settle();
    const conflicts = (await kenalFiles(a!)).filter((n) => n.includes('.sync-conflict-'));
    expect(conflicts.length).toBeGreaterThanOrEqual(1);

    // And Dropbox's way of keeping both versions, arriving through the folder like any file.
    const dropbox = name.replace('.json', ' (Budi’s conflicted copy 2026-12-03).json');
    await cloneRepos.contacts.create({ ...emptyContactInput(), name: 'Budi' });
    const { envelope: budi } = await cloneRepos.sync.exportSync('kenal@clone', { full: true });
    await writeFile(path.join(b!.inst.folder, dropbox), JSON.stringify(budi));
    await st.settle();

    await exchange(st, [a!, b!, c!]);
    await expectSameBooks([a!, b!, c!]);
    expect(await names(a!)).toEqual(['Budi', 'Dewi', 'Siti']);
    // The copies stay: nobody deletes a file it did not write.
    expect((await kenalFiles(b!)).filter((n) => n.includes('conflict')).length).toBeGreaterThan(1);
  });

  it('a folder emptied on one side deletes nothing in any book and warns', async () => {
    const devices = await openDevices(st);
    for (const d of devices) await addCustomer(d, `Customer of ${d.name}`);
    await exchange(st, devices, 2);
    const before = await expectSameBooks(devices);

    for (const n of await kenalFiles(devices[1]!)) await rm(path.join(devices[1]!.inst.folder, n));
    await st.settle(); // Syncthing propagates the deletions to every device
    for (const d of devices) expect(await kenalFiles(d)).toEqual([]);
    for (const d of devices) await d.round();
    for (const d of devices) {
      expect((await d.repos.sync.folderState()).emptiedAt, d.name).not.toBeNull();
    }
    await st.settle();
    await exchange(st, devices, 2);
    expect(await expectSameBooks(devices)).toEqual(before);
    for (const d of devices) expect((await d.repos.sync.folderState()).emptiedAt).toBeNull();
  });

  it('a folder deleted on one side (deletion propagated) pauses sync with a message, deletes nothing', async () => {
    const devices = await openDevices(st);
    for (const d of devices) await addCustomer(d, `Customer of ${d.name}`);
    await exchange(st, devices, 2);
    const before = await expectSameBooks(devices);

    await rm(devices[2]!.inst.folder, { recursive: true });
    await st.settle();
    for (const d of devices) {
      expect(await d.round()).toBeNull();
      expect((await d.repos.sync.folderState()).lastError, d.name).toBe('unavailable');
      expect(await expectSameBooks([d, devices[0]!])).toEqual(before);
    }
    // The folder is back (made again on one device): sync resumes and nothing was lost.
    await mkdir(devices[0]!.inst.folder);
    await st.settle();
    await exchange(st, devices, 3);
    expect(await expectSameBooks(devices)).toEqual(before);
    for (const d of devices) expect((await d.repos.sync.folderState()).lastError).toBeNull();
  });

  it('an unmounted folder pauses sync on that device with a message, then resumes', async () => {
    const devices = await openDevices(st);
    const [a, b, c] = devices;
    await addCustomer(a!, 'Siti');
    await exchange(st, devices, 2);
    // C's drive goes away (its Syncthing cannot see it either).
    await st.setPaused(c!.inst, true);
    const away = `${c!.inst.folder}-unmounted`;
    await rename(c!.inst.folder, away);
    await addCustomer(c!, 'Budi');
    await addCustomer(b!, 'Made');
    expect(await c!.round()).toBeNull();
    expect((await c!.repos.sync.folderState()).lastError).toBe('unavailable');
    await exchange(st, [a!, b!], 2);
    // Back again.
    await rename(away, c!.inst.folder);
    await st.setPaused(c!.inst, false);
    await exchange(st, devices, 3);
    await expectSameBooks(devices);
    expect(await names(a!)).toEqual(['Budi', 'Made', 'Siti']);
    expect((await c!.repos.sync.folderState()).lastError).toBeNull();
  });

  it('two machines restored from the same backup keep distinct identities and file names', async () => {
    const [a, b, c] = await openDevices(st);
    await addCustomer(a!, 'Siti');
    await a!.round();
    const backup = await a!.repos.sync.exportBackup('kenal@test');
    await b!.repos.sync.restoreBackup(backup);
    await c!.repos.sync.restoreBackup(backup);
    const ids = [a, b, c].map((d) => d!.repos.clock.deviceId);
    expect(new Set(ids).size).toBe(3);
    await addCustomer(b!, 'Budi');
    await addCustomer(c!, 'Made');
    await exchange(st, [a!, b!, c!]);
    await expectSameBooks([a!, b!, c!]);
    expect(await names(a!)).toEqual(['Budi', 'Made', 'Siti']);
    const owners = new Set((await kenalFiles(a!)).map((n) => parseSyncFileName(n)?.deviceId));
    expect(owners).toEqual(new Set(ids));
  });

  it('one corrupt file is skipped and reported while the others merge', async () => {
    const devices = await openDevices(st);
    const [a, b, c] = devices;
    await addCustomer(a!, 'Siti');
    await addCustomer(b!, 'Budi');
    const hostile = 'kenal-0123456789ABCDEF-snap-000000000000001-00000.json';
    await writeFile(path.join(c!.inst.folder, hostile), '{"format":"kenal","tables":{"contacts":[');
    await exchange(st, devices);
    await expectSameBooks(devices);
    expect(await names(c!)).toEqual(['Budi', 'Siti']);
    for (const d of devices) {
      const problems = (await d.repos.sync.folderState()).problems;
      expect(Object.keys(problems), d.name).toEqual([hostile]);
    }
  });
});

if (missing !== null) {
  describe('sync folder hazards through a real Syncthing', () => {
    it.skip(`skipped: ${missing}`, () => {});
  });
}
