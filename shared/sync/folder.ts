/**
 * The sync folder (ARCHITECTURE.md "Sync files and merge rules"), pure planning only: file names, which files to read, which
 * of this device's own files to prune. All I/O happens behind HostApi in the renderer.
 *
 * Each device writes only its own files, named
 *   kenal-<deviceId>-snap-<stamp>.json            a full sync export: everything up to <stamp>
 *   kenal-<deviceId>-seg-<since>-<stamp>.json     the changes in (<since>, <stamp>]
 * where a stamp is the HLC of the export without its device part (`<wall:15>-<counter:5>`), so
 * names stay short, sort by time and never collide between devices. A writer chains segments
 * (each `since` is the previous file's stamp), starts with a snapshot, and every
 * SNAPSHOT_EVERY files writes a snapshot instead, then deletes its OWN older files. A reader
 * remembers per device `upTo` (everything of that device up to this stamp is merged) and the
 * names it merged; it never modifies or deletes another device's files.
 *
 * Merging is commutative and idempotent, so reading any subset in any order is safe: `upTo` and
 * the chain only decide what can be skipped (a snapshot when the segments already cover it,
 * segments when a newer snapshot covers them).
 */
import { z } from 'zod';
import { COUNTER_DIGITS, DEVICE_ID_PATTERN, parseStamp, WALL_DIGITS } from '../hlc';

/** Write a snapshot instead of a segment after this many segments. */
export const SNAPSHOT_EVERY = 20;

const PART = `\\d{${WALL_DIGITS}}-\\d{${COUNTER_DIGITS}}`;
const DEVICE = '[0-9A-HJKMNP-TV-Z]{16}';
const SNAP_RE = new RegExp(`^kenal-(${DEVICE})-snap-(${PART})\\.json$`);
const SEG_RE = new RegExp(`^kenal-(${DEVICE})-seg-(${PART})-(${PART})\\.json$`);

/** A stamp without its device: `<wall>-<counter>`; sorts as a string like the full stamp. */
export type StampPart = string;

export type SyncFileName =
  | { kind: 'snap'; deviceId: string; stamp: StampPart }
  | { kind: 'seg'; deviceId: string; since: StampPart; stamp: StampPart };

export interface FolderEntry {
  name: string;
  size: number;
  mtimeMs: number;
}

/** `<wall>-<counter>` of a full HLC stamp. */
export function stampPart(stamp: string): StampPart {
  parseStamp(stamp); // throws on anything that is not a stamp
  return stamp.slice(0, WALL_DIGITS + 1 + COUNTER_DIGITS);
}

export function snapshotName(deviceId: string, stamp: string): string {
  return `kenal-${deviceId}-snap-${stampPart(stamp)}.json`;
}

export function segmentName(deviceId: string, since: string, stamp: string): string {
  return `kenal-${deviceId}-seg-${stampPart(since)}-${stampPart(stamp)}.json`;
}

/** The parts of a sync-folder file name, or null for anything else (temp files included). */
export function parseSyncFileName(name: string): SyncFileName | null {
  const snap = SNAP_RE.exec(name);
  if (snap) return { kind: 'snap', deviceId: snap[1]!, stamp: snap[2]! };
  const seg = SEG_RE.exec(name);
  if (seg && seg[2]! < seg[3]!) {
    return { kind: 'seg', deviceId: seg[1]!, since: seg[2]!, stamp: seg[3]! };
  }
  return null;
}

/** Sync files, automatic and safety backups: `kenal-<letters, digits, dashes>.json`. */
export const KENAL_FILE_NAME = /^kenal-[0-9A-Za-z-]{1,200}\.json$/;

/**
 * The copies file-sync engines make when one file changed in two places at once (e.g. two
 * machines that share a device id, or another program touching a file):
 *   Syncthing  `<name>.sync-conflict-<YYYYMMDD>-<HHMMSS>-<short device id>.json`
 *   Dropbox    `<name> (<who>'s conflicted copy <YYYY-MM-DD>[ (n)]).json`
 */
const SYNCTHING_CONFLICT =
  /^(kenal-[0-9A-Za-z-]{1,200})\.sync-conflict-\d{8}-\d{6}-[0-9A-Z]{7}\.json$/;
const DROPBOX_CONFLICT =
  /^(kenal-[0-9A-Za-z-]{1,200}) \([^()\\/:]{0,100}conflicted copy[^()\\/:]{0,60}(?:\(\d{1,4}\))?\)\.json$/;

/**
 * A conflict copy of a sync file: its original name and what that name says. A conflict copy is
 * another version of a device's file: it is read and merged like any other file (whoever's it
 * is, this device's own included), never skipped as "our own" and never deleted.
 */
export function parseConflictCopy(name: string): { original: string; file: SyncFileName } | null {
  const base = (SYNCTHING_CONFLICT.exec(name) ?? DROPBOX_CONFLICT.exec(name))?.[1];
  if (base === undefined) return null;
  const original = `${base}.json`;
  const file = parseSyncFileName(original);
  return file ? { original, file } : null;
}

/** The only names Kenal lists, reads or writes in a folder: its own files and their conflict copies. */
export function isKenalFolderName(name: string): boolean {
  return KENAL_FILE_NAME.test(name) || parseConflictCopy(name) !== null;
}

/** True when `name` is a sync file written by `deviceId` (the only files it may delete). */
export function isOwnSyncFile(name: string, deviceId: string): boolean {
  return DEVICE_ID_PATTERN.test(deviceId) && parseSyncFileName(name)?.deviceId === deviceId;
}

/** What a reader remembers about one other device. */
export interface DeviceReadState {
  /** Everything this device wrote up to this stamp part is merged. */
  upTo: StampPart | null;
  /** Names merged beyond `upTo` (a segment after a gap); pruned once `upTo` passes them. */
  merged: string[];
}

export interface PlannedRead {
  name: string;
  deviceId: string;
  file: SyncFileName;
  size: number;
  mtimeMs: number;
}

/**
 * Which files to read, in order (per device: a snapshot first, then segments by stamp).
 * Own files and names that are not sync files (temp files, other apps) are ignored.
 * `skip` names files not to read now (e.g. refused before and unchanged since).
 */
export function planReads(
  entries: readonly FolderEntry[],
  ownDeviceId: string,
  state: Readonly<Record<string, DeviceReadState>>,
  skip: (entry: FolderEntry) => boolean = () => false,
): PlannedRead[] {
  const byDevice = new Map<string, PlannedRead[]>();
  for (const e of entries) {
    const file = parseSyncFileName(e.name);
    if (!file || file.deviceId === ownDeviceId) continue;
    const list = byDevice.get(file.deviceId) ?? [];
    list.push({ name: e.name, deviceId: file.deviceId, file, size: e.size, mtimeMs: e.mtimeMs });
    byDevice.set(file.deviceId, list);
  }
  const out: PlannedRead[] = [];
  for (const deviceId of [...byDevice.keys()].sort()) {
    const files = byDevice.get(deviceId)!.sort((a, b) => (a.file.stamp < b.file.stamp ? -1 : 1));
    const st = state[deviceId] ?? { upTo: null, merged: [] };
    const merged = new Set(st.merged);
    const fresh = files.filter(
      (f) => !merged.has(f.name) && (st.upTo === null || f.file.stamp > st.upTo) && !skip(f),
    );
    const segments = fresh.filter((f) => f.file.kind === 'seg');
    const newestSnap = fresh.filter((f) => f.file.kind === 'snap').at(-1);
    const reach = chainEnd(st.upTo, files);
    if (newestSnap && (reach === null || reach < newestSnap.file.stamp)) {
      // The segments cannot bring us to the snapshot: read it, then what came after it.
      out.push(newestSnap, ...segments.filter((s) => s.file.stamp > newestSnap.file.stamp));
    } else {
      out.push(...segments);
    }
  }
  return out;
}

/**
 * Conflict copies to read: every one not merged yet at its current size and time (`merged`),
 * whatever device it names, this one's included.
 */
export function planConflictReads(
  entries: readonly FolderEntry[],
  merged: Readonly<Record<string, { size: number; mtimeMs: number }>>,
  skip: (entry: FolderEntry) => boolean = () => false,
): PlannedRead[] {
  const out: PlannedRead[] = [];
  for (const e of entries) {
    const copy = parseConflictCopy(e.name);
    if (!copy) continue;
    const m = merged[e.name];
    if ((m && m.size === e.size && m.mtimeMs === e.mtimeMs) || skip(e)) continue;
    out.push({
      name: e.name,
      deviceId: copy.file.deviceId,
      file: copy.file,
      size: e.size,
      mtimeMs: e.mtimeMs,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The newest modification time among each device's files in the folder (when it was last seen). */
export function lastSeenByDevice(entries: readonly FolderEntry[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const e of entries) {
    const deviceId = (parseSyncFileName(e.name) ?? parseConflictCopy(e.name)?.file)?.deviceId;
    if (deviceId === undefined) continue;
    seen.set(deviceId, Math.max(seen.get(deviceId) ?? 0, e.mtimeMs));
  }
  return seen;
}

/** How far the segments present (merged or not) chain on from `upTo`. */
function chainEnd(upTo: StampPart | null, files: readonly PlannedRead[]): StampPart | null {
  if (upTo === null) return null;
  let cur = upTo;
  for (;;) {
    const next = files.find((f) => f.file.kind === 'seg' && f.file.since === cur);
    if (!next) return cur;
    cur = next.file.stamp;
  }
}

/** The reader state after merging `file` completely. */
export function afterMerge(state: DeviceReadState | undefined, name: string): DeviceReadState {
  const file = parseSyncFileName(name);
  let upTo = state?.upTo ?? null;
  let merged = [...(state?.merged ?? []), name];
  if (!file) return { upTo, merged };
  if (file.kind === 'snap' && (upTo === null || file.stamp > upTo)) upTo = file.stamp;
  // Extend `upTo` along the chain of merged segments.
  for (let moved = true; moved;) {
    moved = false;
    for (const n of merged) {
      const f = parseSyncFileName(n);
      if (f?.kind === 'seg' && upTo !== null && f.since <= upTo && f.stamp > upTo) {
        upTo = f.stamp;
        moved = true;
      }
    }
  }
  merged = merged.filter((n) => {
    const f = parseSyncFileName(n);
    return f !== null && (upTo === null || f.stamp > upTo);
  });
  return { upTo, merged: [...new Set(merged)].sort() };
}

/**
 * This device's own files that a new snapshot makes redundant: every own snapshot and segment
 * older than its newest snapshot. Never another device's file.
 */
export function ownFilesToPrune(entries: readonly FolderEntry[], ownDeviceId: string): string[] {
  const own = entries
    .map((e) => ({ name: e.name, file: parseSyncFileName(e.name) }))
    .filter((e) => e.file !== null && e.file.deviceId === ownDeviceId);
  const newest = own
    .filter((e) => e.file!.kind === 'snap')
    .map((e) => e.file!.stamp)
    .sort()
    .at(-1);
  if (newest === undefined) return [];
  return own.filter((e) => e.file!.stamp < newest).map((e) => e.name);
}

/** Automatic daily backups: `kenal-auto-backup-<YYYY-MM-DD>-<HHMMSS>.json`. */
const AUTO_BACKUP_RE = /^kenal-auto-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/;

export function isAutoBackupName(name: string): boolean {
  return AUTO_BACKUP_RE.test(name);
}

/** The automatic backups to delete so that only the newest `keep` remain. */
export function autoBackupsToPrune(names: readonly string[], keep: number): string[] {
  const backups = names.filter(isAutoBackupName).sort();
  return backups.slice(0, Math.max(0, backups.length - Math.max(1, keep)));
}

/** True when an automatic backup is due: none yet, or the last is older than a day. */
export function autoBackupDue(lastAt: string | undefined, now: Date): boolean {
  if (!lastAt) return true;
  const last = Date.parse(lastAt);
  return (
    !Number.isFinite(last) || now.getTime() - last >= 24 * 60 * 60 * 1000 || last > now.getTime()
  );
}

/** Why a file in the sync folder was not merged. `incomplete` ones are read again next time. */
export const FOLDER_PROBLEM_CODES = [
  'incomplete',
  'tooLarge',
  'newerVersion',
  'notKenal',
  'damaged',
  'wrongDevice',
  /** Reading or merging it failed (a disk error, or a file the merge refused). */
  'failed',
] as const;
export type FolderProblemCode = (typeof FOLDER_PROBLEM_CODES)[number];

const stampPartSchema = z.string().regex(/^\d{15}-\d{5}$/);

export const folderStateSchema = z.object({
  /** The folder (a path, or the browser's handle id) and a name to show for it. */
  folder: z.string().nullable().default(null),
  label: z.string().default(''),
  /** This device's writer: the stamp of its last file (full HLC) and segments since a snapshot. */
  cursor: z.string().nullable().default(null),
  segments: z.number().int().nonnegative().default(0),
  /** Per other device: how far it is merged, and the last file merged from it. */
  devices: z
    .record(
      z.string(),
      z.object({
        upTo: stampPartSchema.nullable(),
        merged: z.array(z.string()),
        lastFile: z.string().optional(),
        lastAt: z.string().optional(),
        /** The newest of its files in the folder (ISO): when it was last seen there. */
        seenAt: z.string().optional(),
      }),
    )
    .default({}),
  /** Conflict copies merged, with the size/mtime they had then. */
  conflicts: z.record(z.string(), z.object({ size: z.number(), mtimeMs: z.number() })).default({}),
  /**
   * Files this device wrote or merged disappeared from the folder (emptied, deleted, or an
   * empty mount point): nothing was deleted from the book; shown until every device's files are
   * back.
   */
  emptiedAt: z.string().nullable().default(null),
  /** Files that could not be merged, by name, with the size/mtime they had then. */
  problems: z
    .record(
      z.string(),
      z.object({
        code: z.enum(FOLDER_PROBLEM_CODES),
        size: z.number(),
        mtimeMs: z.number(),
        at: z.string(),
        /** What went wrong, for diagnosis (not translated). */
        detail: z.string().max(300).optional(),
      }),
    )
    .default({}),
  /** A merge that would delete many contacts waits here until the user confirms it. */
  pending: z
    .object({ name: z.string(), deviceId: z.string(), removing: z.number(), live: z.number() })
    .nullable()
    .default(null),
  /**
   * Devices whose last merged file had a clock too far ahead (its stamps beyond the drift bound
   * were not taken): shown until a file of that device merges with a sane clock.
   */
  drift: z
    .record(z.string(), z.object({ aheadMs: z.number().nonnegative(), at: z.string() }))
    .default({}),
  lastSyncAt: z.string().nullable().default(null),
  /** The folder could not be listed or written at the last attempt (translated in the UI). */
  lastError: z.enum(['unavailable', 'permission', 'failed']).nullable().default(null),
});
export type FolderState = z.infer<typeof folderStateSchema>;

export const autoBackupStateSchema = z.object({
  /** null: the app's own backup folder. */
  folder: z.string().nullable().default(null),
  label: z.string().default(''),
  keep: z.number().int().min(1).max(365).default(7),
  enabled: z.boolean().default(true),
  lastAt: z.string().nullable().default(null),
  lastFile: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});
export type AutoBackupState = z.infer<typeof autoBackupStateSchema>;
