/**
 * One round of the sync folder (DESIGN section 6; naming and planning in shared/sync/folder.ts):
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

export const MAX_SYNC_FILE_BYTES = 200 * 1024 * 1024;

export interface FolderSyncDeps {
  host: Pick<HostApi, 'listFolder' | 'readFolderFile' | 'writeFolderFile' | 'removeFolderFile'>;
  sync: SyncRepository;
  deviceId: string;
  app: string;
  now?: () => Date;
}

export interface FolderSyncReport {
  merged: string[];
  written: string | null;
  problems: string[];
  pending: boolean;
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

  // Forget problems of files that are gone.
  const present = new Set(entries.map((e) => e.name));
  for (const name of Object.keys(state.problems)) {
    if (!present.has(name)) delete state.problems[name];
  }
  const refusedUnchanged = (e: FolderEntry) => {
    const p = state.problems[e.name];
    if (p && p.code !== 'incomplete' && p.size === e.size && p.mtimeMs === e.mtimeMs) return true;
    return state.pending !== null && state.pending.name === e.name && options.confirm !== e.name;
  };
  const blocked = new Set<string>(state.pending ? [state.pending.deviceId] : []);
  if (options.confirm && state.pending?.name === options.confirm) blocked.clear();

  for (const plan of planReads(entries, deps.deviceId, state.devices, refusedUnchanged)) {
    if (blocked.has(plan.deviceId)) continue;
    const note = (code: FolderProblemCode) => {
      state.problems[plan.name] = {
        code,
        size: plan.size,
        mtimeMs: plan.mtimeMs,
        at: now().toISOString(),
      };
      report.problems.push(plan.name);
    };
    const read = await deps.host.readFolderFile({
      folder,
      name: plan.name,
      maxBytes: MAX_SYNC_FILE_BYTES,
    });
    if (read.status === 'missing') continue;
    if (read.status === 'too-large') {
      note('tooLarge');
      continue;
    }
    const checked = await readKenalFile(read.content, {
      expectedKind: 'sync',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!checked.ok) {
      note(problemCode(checked.error));
      continue;
    }
    if (checked.value.envelope.deviceId !== plan.deviceId) {
      note('wrongDevice');
      continue;
    }
    const result = await deps.sync.importSync(checked.value.envelope, {
      confirmMassDelete: options.confirm === plan.name,
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
      continue;
    }
    if (state.pending?.name === plan.name) state.pending = null;
    delete state.problems[plan.name];
    const before = state.devices[plan.deviceId];
    state.devices[plan.deviceId] = {
      ...afterMerge(before, plan.name),
      lastFile: plan.name,
      lastAt: now().toISOString(),
    };
    report.merged.push(plan.name);
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
