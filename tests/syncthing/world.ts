/**
 * One Syncthing cluster per test file, and per scenario a fresh sub-folder of the shared folder
 * with fresh Kenal devices, so scenarios never see each other's files.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { Repositories } from '../../renderer/db';
import { openKenalDevice, type KenalDevice } from './kenal-device';
import { Syncthing, type FolderIntervals } from './syncthing';

/** Fixed loopback ports: GUI/REST on 18380+, sync listeners on 18480+. */
export const BASE_PORT = 18380;

export async function startCluster(
  count: number,
  options: { basePort?: number; intervals?: FolderIntervals } = {},
) {
  const root = await mkdtemp(path.join(tmpdir(), 'kenal-syncthing-'));
  let st: Syncthing;
  try {
    st = await Syncthing.start(root, count, options.basePort ?? BASE_PORT, options.intervals);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    st,
    root,
    async stop() {
      await st.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

let scenario = 0;

/** Fresh Kenal devices beside the first `count` instances, in a new sub-folder. */
export async function openDevices(st: Syncthing, count = st.instances.length) {
  scenario += 1;
  const sub = `scenario-${scenario}`;
  const devices: KenalDevice[] = [];
  for (const inst of st.instances.slice(0, count)) {
    const folder = path.join(inst.folder, sub);
    await mkdir(folder, { recursive: true });
    devices.push(await openKenalDevice({ ...inst, folder }));
  }
  return devices;
}

/** Rounds on every device with Syncthing settling in between, until every file went round. */
export async function exchange(st: Syncthing, devices: KenalDevice[], rounds = 3) {
  for (let i = 0; i < rounds; i++) {
    for (const d of devices) await d.round();
    await st.settle();
  }
}

/** Everything a device holds, as synced records (what a backup would contain). */
export async function book(repos: Repositories) {
  return (await repos.sync.exportBackup('kenal@test')).tables;
}

/** Every device holds the same book. */
export async function expectSameBooks(devices: KenalDevice[]) {
  const first = await book(devices[0]!.repos);
  for (const d of devices.slice(1)) expect(await book(d.repos), d.name).toEqual(first);
  return first;
}
