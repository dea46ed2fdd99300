/**
 * One round of the sync folder (ARCHITECTURE.md "Sync files and merge rules"; naming and planning in shared/sync/folder.ts):
 *  1. list the folder; a folder that cannot be listed changes nothing;
 *  2. read other devices' files not merged yet (planReads), merge each with importSync. A file
 *     that does not check out is not marked merged: a cut-off or checksum-failing file is a copy
 *     still in progress ("incomplete") and is read again next round; other refusals are read
 *     again only when the file's size or time changes. A merge that would delete many contacts
 *     waits for the user (state.pending) and is merged only with `confirm`;
 *  3. write this device's own file: a snapshot first and every SNAPSHOT_EVERY files (then its
 *     own older files are deleted), otherwise a segment of the changes since its last file,
 *     and nothing when there are none. Reading first lets merged changes travel on (A -> B -> C).
 * All I/O goes through HostApi; the state is kept in meta by the sync repository.
 */
import type { HlcStamp } from '../../../shared/hlc';
import type { HostApi } from '../../../shared/host-api';
import { readKenalFile, serializeEnvelope, tableCounts } from '../../../shared/sync/envelope';
import type { FileProblem } from '../../../shared/sync/envelope';
import {
  afterMerge,
  isKenalFolderName,
  lastSeenByDevice,
  planConflictReads,
  type PlannedRead,
  ownFilesToPrune,
  parseSyncFileName,
  planReads,
  segmentName,
  snapshotName,
  SNAPSHOT_EVERY,
  type FolderEntry,
  type FolderProblemCode,
  type FolderState,
} from '../../../shared/sync/folder';
import { SCHEMA_VERSION, type SyncRepository } from '../../db/repositories/sync';
import type { OverRefundTitle } from './over-refund-title';

export const MAX_SYNC_FILE_BYTES = 200 * 1024 * 1024;

export interface FolderSyncDeps {
  host: Pick<HostApi, 'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'>;
  sync: SyncRepository;
  deviceId: string;
  app: string;
  now?: () => Date;
  /** The title of the follow-up for an over-refunded sale (over-refund-title.ts). */
  overRefundTitle?: OverRefundTitle;
}

export interface FolderSyncReport {
  merged: string[];
  written: string | null;
  problems: string[];
  pending: boolean;
  /** A merged file's clock was too far ahead (the last such file of this round). */
  drift?: { deviceId: string; aheadMs: number };
}

function problemCode(problem: FileProblem): FolderProblemCode {
  switch (problem.code) {
    case 'truncated':
    case 'notJson':
    case 'checksum':
      return 'incomplete';
    case 'newerVersion':
      return 'newerVersion';
    case 'notKenal':
    case 'wrongKind':
    case 'passwordRequired':
    case 'wrongPassword':
      return 'notKenal';
    case 'malformed':
    case 'invalidRecords':
      return 'damaged';
  }
}

export async function syncFolderOnce(
  deps: FolderSyncDeps,
  options: { confirm?: string } = {},
): Promise<FolderSyncReport> {
  const now = deps.now ?? (() => new Date());
  const state = await deps.sync.folderState();
  const report: FolderSyncReport = { merged: [], written: null, problems: [], pending: false };
  const folder = state.folder;
  if (!folder) return report;

  let entries: FolderEntry[];
  try {
    entries = await deps.host.listFolder({ folder });
  } catch {
    // Missing, unplugged or not allowed: nothing is read, nothing deleted, try again later.
    await deps.sync.saveFolderState({ ...state, lastError: 'unavailable' });
    return report;
  }
  state.lastError = null;
  // Only Kenal's files and their conflict copies, whatever the host lists.
  entries = entries.filter((e) => isKenalFolderName(e.name));

  // Forget problems and merged conflict copies of files that are gone.
  const present = new Set(entries.map((e) => e.name));
  for (const name of Object.keys(state.problems)) {
    if (!present.has(name)) delete state.problems[name];
  }
  for (const name of Object.keys(state.conflicts)) {
    if (!present.has(name)) delete state.conflicts[name];
  }
  noteEmptied(state, entries, deps.deviceId, now());
  const refusedUnchanged = (e: FolderEntry) => {
    const p = state.problems[e.name];
    if (p && p.code !== 'incomplete' && p.size === e.size && p.mtimeMs === e.mtimeMs) return true;
    return state.pending !== null && state.pending.name === e.name && options.confirm !== e.name;
  };
  const blocked = new Set<string>(state.pending ? [state.pending.deviceId] : []);
  if (options.confirm && state.pending?.name === options.confirm) blocked.clear();

  const plans = [
    ...planReads(entries, deps.deviceId, state.devices, refusedUnchanged),
    ...planConflictReads(entries, state.conflicts, refusedUnchanged),
  ];
  for (const plan of plans) {
    if (blocked.has(plan.deviceId)) continue;
    const note = (code: FolderProblemCode, detail?: string) => {
      state.problems[plan.name] = {
        code,
        size: plan.size,
        mtimeMs: plan.mtimeMs,
        at: now().toISOString(),
        ...(detail ? { detail: detail.slice(0, 300) } : {}),
      };
      report.problems.push(plan.name);
    };
    // One bad file never stops the round: whatever goes wrong with it is reported against it,
    // the other files are merged and this device still writes its own.
    try {
      await mergeOne(plan, note);
    } catch (error) {
      note('failed', error instanceof Error ? error.message : String(error));
    }
  }

  async function mergeOne(
    plan: PlannedRead,
    note: (code: FolderProblemCode, detail?: string) => void,
  ): Promise<void> {
    if (!folder) return;
    const read = await deps.host.readFolderFile({
      folder,
      name: plan.name,
      maxBytes: MAX_SYNC_FILE_BYTES,
    });
    if (read.status === 'missing') return;
    if (read.status === 'too-large') {
      note('tooLarge');
      return;
    }
    const checked = await readKenalFile(read.content, {
      expectedKind: 'sync',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!checked.ok) {
      note(problemCode(checked.error));
      return;
    }
    if (checked.value.envelope.deviceId !== plan.deviceId) {
      note('wrongDevice');
      return;
    }
    const result = await deps.sync.importSync(checked.value.envelope, {
      confirmMassDelete: options.confirm === plan.name,
      overRefundTitle: deps.overRefundTitle,
    });
    if (result.status === 'needs-confirmation') {
      state.pending = {
        name: plan.name,
        deviceId: plan.deviceId,
        removing: result.removing,
        live: result.liveContacts,
      };
      report.pending = true;
      blocked.add(plan.deviceId);
      return;
    }
    if (state.pending?.name === plan.name) state.pending = null;
    delete state.problems[plan.name];
    report.merged.push(plan.name);
    // A clock far ahead is said on the screen until that device's files come with a sane one.
    if (result.drift) {
      state.drift[plan.deviceId] = { aheadMs: result.drift.aheadMs, at: now().toISOString() };
      report.drift = { deviceId: plan.deviceId, aheadMs: result.drift.aheadMs };
    } else delete state.drift[plan.deviceId];
    if (plan.name !== snapshotOrSegmentName(plan)) {
      // A conflict copy: remembered by its size and time, never part of a device's chain.
      state.conflicts[plan.name] = { size: plan.size, mtimeMs: plan.mtimeMs };
      return;
    }
    const before = state.devices[plan.deviceId];
    state.devices[plan.deviceId] = {
      ...before,
      ...afterMerge(before, plan.name),
      lastFile: plan.name,
      lastAt: now().toISOString(),
    };
  }

  try {
    report.written = await writeOwn(deps, folder, state, entries);
  } catch {
    state.lastError = 'failed';
  }
  state.lastSyncAt = now().toISOString();
  await deps.sync.saveFolderState(state);
  return report;
}

/** The plain name of a planned file (a conflict copy's differs from it). */
function snapshotOrSegmentName(plan: PlannedRead): string {
  const f = plan.file;
  return f.kind === 'snap'
    ? `kenal-${f.deviceId}-snap-${f.stamp}.json`
    : `kenal-${f.deviceId}-seg-${f.since}-${f.stamp}.json`;
}

/**
 * Remember when each other device was last seen in the folder, and warn when files this device
 * wrote or merged are gone (emptied folder, deletion propagated by the sync engine, an empty
 * mount point). Nothing is deleted from the book either way; the warning stays until every
 * device seen before has files in the folder again.
 */
function noteEmptied(state: FolderState, entries: FolderEntry[], own: string, now: Date) {
  const seen = lastSeenByDevice(entries);
  for (const [deviceId, mtimeMs] of seen) {
    if (deviceId === own) continue;
    const d = state.devices[deviceId] ?? { upTo: null, merged: [] };
    state.devices[deviceId] = { ...d, seenAt: new Date(mtimeMs).toISOString() };
  }
  const known = Object.entries(state.devices)
    .filter(([, d]) => d.upTo !== null || d.merged.length > 0)
    .map(([id]) => id);
  const ownGone = state.cursor !== null && !seen.has(own);
  const othersGone = known.length > 0 && known.every((id) => !seen.has(id));
  if (ownGone || othersGone) {
    state.emptiedAt ??= now.toISOString();
  } else if (state.emptiedAt !== null && known.every((id) => seen.has(id))) {
    state.emptiedAt = null;
  }
}

/** Write this device's next file; returns its name, or null when there was nothing new. */
async function writeOwn(
  deps: FolderSyncDeps,
  folder: string,
  state: FolderState,
  entries: FolderEntry[],
): Promise<string | null> {
  const hasOwnSnapshot = entries.some((e) => {
    const f = parseSyncFileName(e.name);
    return f?.kind === 'snap' && f.deviceId === deps.deviceId;
  });
  // A snapshot when this folder has none of ours yet (new or emptied folder), and every so often.
  const full = state.cursor === null || !hasOwnSnapshot || state.segments >= SNAPSHOT_EVERY - 1;
  const since = state.cursor as HlcStamp | null;
  const { envelope, exportStamp } = await deps.sync.exportSync(deps.app, {
    since: full ? null : since,
  });
  const count = Object.values(tableCounts(envelope.tables)).reduce((a, b) => a + b, 0);
  if (!full && count === 0) return null;
  const name =
    full || since === null
      ? snapshotName(deps.deviceId, exportStamp)
      : segmentName(deps.deviceId, since, exportStamp);
  await deps.host.writeFolderFile({ folder, name, content: serializeEnvelope(envelope) });
  state.cursor = exportStamp;
  state.segments = full ? 0 : state.segments + 1;
  if (full) {
    const after = [...entries, { name, size: 0, mtimeMs: 0 }];
    for (const old of ownFilesToPrune(after, deps.deviceId)) {
      // Best effort: a file that cannot be removed now is removed after the next snapshot.
      await deps.host.removeFolderFile({ folder, name: old }).catch(() => undefined);
    }
  }
  return name;
}
