/**
 * Sync through a real Syncthing, measured (issue #20 item 3; run by `npm run bench`, asserts
 * nothing): two Syncthing processes on 127.0.0.1 with Syncthing's default folder intervals
 * (file watcher delay 10 s, full rescan hourly), a Kenal device beside each (fake-indexeddb,
 * the app's folder-sync round, the main process's file functions), books of growing size from
 * shared/demo. Per size:
 *  - bytes written for one change (the segment file an edit makes) and the snapshot's size;
 *  - time from an edit on A to the edit visible on B: A's round, Syncthing's copy, B's round.
 *    Kenal's own timer (a round every 5 minutes, or "Sync now") comes on top on each side.
 * Rows go to KENAL_SYNC_BENCH_OUT as bench Measurements.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { it } from 'vitest';
import type { Measurement } from '../scenarios/types';
import { emptyContactInput } from '../../shared/contact-input';
import { generateDemoBook } from '../../shared/demo/generate';
import { parseSyncFileName } from '../../shared/sync/folder';
import { SYNC_EVERY_MS } from '../../renderer/features/backup-sync/folder-sync-runner';
import { DEFAULT_INTERVALS, syncthingMissing } from '../../tests/syncthing/syncthing';
import { openDevices, startCluster } from '../../tests/syncthing/world';

const OUT = process.env['KENAL_SYNC_BENCH_OUT'] ?? 'bench-results/syncthing.json';
const SIZES = (process.env['KENAL_SYNC_BENCH_SIZES'] ?? '1000x10000,5000x50000')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);

it(
  'sync folder through Syncthing: bytes per change and latency',
  { timeout: 900_000 },
  async () => {
    const missing = syncthingMissing();
    if (missing) {
      await writeFile(OUT, JSON.stringify({ skipped: missing, rows: [] }));
      return;
    }
    const cluster = await startCluster(2, { basePort: 18390, intervals: DEFAULT_INTERVALS });
    const rows: Measurement[] = [];
    try {
      for (const [contacts, sales] of SIZES) {
        const [a, b] = await openDevices(cluster.st, 2);
        const book = generateDemoBook({ contacts, sales, now: Date.now(), points: true });
        await a!.repos.demo.load(book);
        await a!.round(); // the first snapshot
        await cluster.st.settle(600_000);
        await b!.round();
        const own = async () =>
          (await readdir(a!.inst.folder)).filter(
            (n) => parseSyncFileName(n)?.deviceId === a!.repos.clock.deviceId,
          );
        const snap = (await own()).find((n) => n.includes('-snap-'))!;
        const snapBytes = (await stat(path.join(a!.inst.folder, snap))).size;

        // One edit on A, then A's round, Syncthing's copy, B's round.
        const target = book.contacts[Math.floor(contacts / 2)]!;
        const t0 = performance.now();
        await a!.repos.contacts.update(target.id, {
          ...emptyContactInput(),
          name: `${target.name} (edited)`,
        });
        const report = await a!.round();
        const t1 = performance.now();
        const seg = report!.written!;
        const segBytes = (await stat(path.join(a!.inst.folder, seg))).size;
        await cluster.st.until(
          'the segment on B',
          async () => (await stat(path.join(b!.inst.folder, seg))).size === segBytes,
          120_000,
        );
        const t2 = performance.now();
        await b!.round();
        const t3 = performance.now();
        const seen = await b!.repos.db.contacts.get(target.id);
        if (!seen?.name.endsWith('(edited)')) throw new Error('the edit did not reach B');

        const label = `${contacts.toLocaleString('en')} contacts / ${sales.toLocaleString('en')} sales`;
        rows.push({
          name: `Sync folder: bytes written for one edit, ${label}`,
          unit: 'MB',
          ours: segBytes / 1e6,
          target: { kind: 'abs-max', value: 0.05 },
          detail: `segment ${segBytes.toLocaleString('en')} bytes; snapshot ${(snapBytes / 1e6).toFixed(1)} MB (every ${20}th file)`,
        });
        rows.push({
          name: `Edit on A visible on B through Syncthing (default intervals), ${label}`,
          unit: 'ms',
          ours: t3 - t0,
          target: { kind: 'abs-max', value: 60_000 },
          detail: `A's round ${Math.round(t1 - t0)} ms, Syncthing ${Math.round(t2 - t1)} ms (watcher delay ${DEFAULT_INTERVALS.fsWatcherDelayS} s), B's round ${Math.round(t3 - t2)} ms; plus up to ${SYNC_EVERY_MS / 60_000} min on each side until the next timed round ("Sync now" skips it)`,
        });
      }
    } finally {
      await cluster.stop();
    }
    await writeFile(OUT, JSON.stringify({ rows }, null, 2));
  },
);
