import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import {
  afterMerge,
  autoBackupDue,
  autoBackupsToPrune,
  isOwnSyncFile,
  ownFilesToPrune,
  parseSyncFileName,
  planReads,
  segmentName,
  snapshotName,
  type FolderEntry,
} from '../../../shared/sync/folder';

const A = '0123456789ABCDEF';
const B = 'FEDCBA9876543210';
const st = (wall: number, dev = A) => formatStamp({ wall, counter: 0, deviceId: dev });
const entry = (name: string, size = 10): FolderEntry => ({ name, size, mtimeMs: 1 });
const snap = (dev: string, wall: number) => snapshotName(dev, st(wall, dev));
const seg = (dev: string, since: number, wall: number) =>
  segmentName(dev, st(since, dev), st(wall, dev));

describe('sync folder file names', () => {
  it('round-trip and sort by time within a device', () => {
    expect(parseSyncFileName(snap(A, 1000))).toEqual({
      kind: 'snap',
      deviceId: A,
      stamp: '000000000001000-00000',
    });
    expect(parseSyncFileName(seg(B, 1000, 2000))).toMatchObject({
      kind: 'seg',
      deviceId: B,
      since: '000000000001000-00000',
      stamp: '000000000002000-00000',
    });
    expect(seg(A, 1, 9) < seg(A, 9, 10)).toBe(true);
  });

  it('refuse temp files, other names, paths and backwards segments', () => {
    for (const name of [
      `.${snap(A, 1)}.0123456789ab.tmp`,
      'kenal-backup-2026-01-01.json',
      `../${snap(A, 1)}`,
      snap(A, 1).replace('.json', '.json.part'),
      seg(A, 5, 5),
      'kenal-0123456789abcdef-snap-000000000001000-00000.json',
    ]) {
      expect(parseSyncFileName(name)).toBeNull();
    }
  });

  it('knows which files are this device’s own', () => {
    expect(isOwnSyncFile(snap(A, 1), A)).toBe(true);
    expect(isOwnSyncFile(snap(B, 1), A)).toBe(false);
    expect(isOwnSyncFile('kenal-auto-backup-2026-01-01-000000.json', A)).toBe(false);
  });
});

describe('planReads', () => {
  it('never reads own files, temp files or foreign names', () => {
    const plan = planReads(
      [entry(snap(A, 1)), entry(`.${snap(B, 1)}.0123456789ab.tmp`), entry('notes.txt')],
      A,
      {},
    );
    expect(plan).toEqual([]);
  });

  it('a new reader takes the newest snapshot and the segments after it', () => {
    const files = [snap(B, 10), seg(B, 10, 20), snap(B, 30), seg(B, 30, 40), seg(B, 40, 50)];
    const plan = planReads(
      files.map((f) => entry(f)),
      A,
      {},
    );
    expect(plan.map((p) => p.name)).toEqual([snap(B, 30), seg(B, 30, 40), seg(B, 40, 50)]);
  });

  it('a reader whose merged segments chain up to the snapshot skips the snapshot', () => {
    const files = [seg(B, 10, 20), seg(B, 20, 30), snap(B, 30), seg(B, 30, 40)];
    const state = { [B]: { upTo: '000000000000020-00000', merged: [] } };
    const plan = planReads(
      files.map((f) => entry(f)),
      A,
      state,
    );
    expect(plan.map((p) => p.name)).toEqual([seg(B, 20, 30), seg(B, 30, 40)]);
  });

  it('a gap in the segments (the old ones were pruned) falls back to the snapshot', () => {
    const files = [snap(B, 30), seg(B, 30, 40)];
    const state = { [B]: { upTo: '000000000000020-00000', merged: [] } };
    expect(
      planReads(
        files.map((f) => entry(f)),
        A,
        state,
      ).map((p) => p.name),
    ).toEqual([snap(B, 30), seg(B, 30, 40)]);
  });

  it('skips what is merged and what the caller says to skip', () => {
    const files = [snap(B, 10), seg(B, 10, 20), seg(B, 20, 30)];
    const state = { [B]: { upTo: '000000000000010-00000', merged: [seg(B, 20, 30)] } };
    const plan = planReads(
      files.map((f) => entry(f)),
      A,
      state,
      (e) => e.name === seg(B, 10, 20),
    );
    expect(plan).toEqual([]);
  });
});

describe('afterMerge', () => {
  it('extends upTo along the chain, also when segments arrive out of order', () => {
    let s = afterMerge(undefined, snap(B, 10));
    expect(s).toEqual({ upTo: '000000000000010-00000', merged: [] });
    s = afterMerge(s, seg(B, 20, 30)); // arrived before its predecessor
    expect(s.upTo).toBe('000000000000010-00000');
    expect(s.merged).toEqual([seg(B, 20, 30)]);
    s = afterMerge(s, seg(B, 10, 20));
    expect(s).toEqual({ upTo: '000000000000030-00000', merged: [] });
  });

  it('after merging everything planned, nothing is planned again (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 12 }), (walls) => {
        const sorted = [...walls].sort((a, b) => a - b);
        const names = sorted.map((w, i) =>
          i % 4 === 0 ? snap(B, w) : seg(B, sorted[i - 1] ?? 0, w),
        );
        const entries = names.map((n) => entry(n));
        let state = {};
        for (const p of planReads(entries, A, state)) {
          state = { [B]: afterMerge((state as Record<string, never>)[B], p.name) };
        }
        expect(planReads(entries, A, state)).toEqual([]);
      }),
    );
  });
});

describe('pruning', () => {
  it('removes only this device’s files older than its newest snapshot', () => {
    const files = [
      snap(A, 10),
      seg(A, 10, 20),
      snap(A, 30),
      seg(A, 30, 40),
      snap(B, 5),
      seg(B, 5, 6),
      'kenal-auto-backup-2026-01-01-000000.json',
    ].map((n) => entry(n));
    expect(ownFilesToPrune(files, A).sort()).toEqual([snap(A, 10), seg(A, 10, 20)].sort());
    expect(ownFilesToPrune(files, B)).toEqual([]);
  });

  it('keeps the newest N automatic backups and ignores other files', () => {
    const names = [
      'kenal-auto-backup-2026-01-03-080000.json',
      'kenal-auto-backup-2026-01-01-080000.json',
      'kenal-safety-backup-2026-01-01.json',
      'kenal-auto-backup-2026-01-02-080000.json',
    ];
    expect(autoBackupsToPrune(names, 2)).toEqual(['kenal-auto-backup-2026-01-01-080000.json']);
    expect(autoBackupsToPrune(names, 7)).toEqual([]);
    // Never prune down to nothing.
    expect(autoBackupsToPrune(names, 0)).toHaveLength(2);
  });

  it('a backup is due after a day, or when none was made', () => {
    const now = new Date('2026-05-02T09:00:00Z');
    expect(autoBackupDue(undefined, now)).toBe(true);
    expect(autoBackupDue('2026-05-01T10:00:00Z', now)).toBe(false);
    expect(autoBackupDue('2026-05-01T09:00:00Z', now)).toBe(true);
    // A clock set back: the stored time is in the future, make one now.
    expect(autoBackupDue('2027-01-01T00:00:00Z', now)).toBe(true);
  });
});
