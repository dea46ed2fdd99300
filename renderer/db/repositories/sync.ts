/**
 * Repository for backup, restore and sync-file merges (DESIGN sections 5 and 6). Files are
 * checked completely by shared/sync before they get here; every method that writes is one
 * read-write transaction over every table, so an import or a restore applies whole or not at all.
 *
 * "Changed since the last export" cannot be `updatedAt > since`: a record merged in from device
 * B keeps B's (possibly older) stamps, yet must travel on to C. So every row a merge or restore
 * writes also gets `_localStamp`, a stamp of this device's clock issued in that transaction
 * (indexed, never exported); a sync export takes rows with `updatedAt > since` (own edits) or
 * `_localStamp > since` (what this device merged). `since` is this device's clock at the last
 * export, so both comparisons use one clock.
 *
 * Erasure (UU PDP, shared/privacy/erase.ts): a merged contact carrying `stamps.erasedAt` is
 * remembered in meta (privacy.erased); notes, follow-ups and events of an erased contact are
 * scrubbed as they are merged, those already here are scrubbed once, and no losing value of
 * theirs is kept in history (this device's history of them is deleted).
 */
import { contactIndexFields } from '../../../shared/contact-index';
import { mergeCycleRepairStamp, mergeCycles } from '../../../shared/contacts/merge-cycles';
import { applyPatch, sameValue } from '../../../shared/records';
import { maxStamp, parseStamp, type HlcStamp } from '../../../shared/hlc';
import {
  recordSchemas,
  type Contact,
  type RecordMeta,
  type TableName,
} from '../../../shared/schemas';
import { advanceClockPast, fileClockTargets } from '../../../shared/sync/clock';
import {
  buildEnvelope,
  emptyTables,
  TABLE_NAMES,
  type FileKind,
  type KenalEnvelope,
  type Tables,
} from '../../../shared/sync/envelope';
import {
  classifyChange,
  isRemoved,
  mergeRecord,
  type FieldLoss,
  type MergeResult,
} from '../../../shared/sync/merge';
import {
  CONTACT_LINKED_TABLES,
  eraseMutable,
  eraseRecord,
  erasureOf,
} from '../../../shared/privacy/erase';
import {
  latestAcceptedWall,
  noRefusals,
  pickDerived,
  screenIncoming,
  type RefusalCounts,
} from '../../../shared/sync/guard';
import { erasureSpread } from '../../../shared/privacy/spread';
import {
  overRefundFollowUp,
  overRefundFollowUpId,
  overRefunds,
  type OverRefundTitle,
  type RefundEvent,
} from '../../../shared/loyalty/over-refund';
import {
  autoBackupStateSchema,
  folderStateSchema,
  type AutoBackupState,
  type FolderState,
} from '../../../shared/sync/folder';
import type { DeviceClock } from '../clock';
import type { HistoryRow, KenalDb } from '../database';
import { SCHEMA_VERSION } from '../schema';
import { aliasIdsOf } from '../identity';
import { stampDevice } from '../../../shared/sync/history-view';
import { eraseLinkedRecords, readErased, saveErased } from './privacy';

/** The newest file schema this app reads (features may not import the Dexie schema). */
export { SCHEMA_VERSION };

/** Row field: this device's stamp of the last merge/restore write. Local only, never exported. */
export const LOCAL_STAMP = '_localStamp';
const CLOCK_KEY = 'hlc';
const LAST_EXPORT_KEY = 'sync.lastExport';
const IMPORT_LOG_PREFIX = 'sync.from.';
const FOLDER_KEY = 'sync.folder';
const AUTO_BACKUP_KEY = 'backup.auto';

/**
 * A merge that would delete, erase or merge away more than this share of the live records of a
 * table (and at least MASS_DELETE_MIN of them) waits for the user to confirm: a damaged or
 * malicious file full of tombstones, erasure marks or `mergedInto` links must not empty the book
 * silently. Event changes never get this far: they are refused (shared/sync/guard.ts).
 */
export const MASS_DELETE_SHARE = 0.2;
export const MASS_DELETE_MIN = 3;

type Row = RecordMeta & Record<string, unknown>;

export interface TableSummary {
  added: number;
  updated: number;
  deleted: number;
}
export type ImportSummary = Record<TableName, TableSummary>;

export type ImportResult =
  | {
      status: 'merged';
      summary: ImportSummary;
      /** Records written (including tombstones of records this device never had). */
      written: number;
      /** Field values kept in history because they lost to a newer one. */
      conflicts: number;
      /** The file's clock is too far ahead; this device's clock was not moved. */
      drift?: { aheadMs: number; deviceId: string };
      /** Rows of the file quarantined (they changed nothing), per reason. */
      refused: RefusalCounts;
      /**
       * Purchases this merge left refunded for more than their amount (two devices each
       * refunded them); each has a follow-up so someone resolves it.
       */
      overRefunded: number;
    }
  | {
      status: 'needs-confirmation';
      /** Records the file would delete, erase or merge away. */
      removing: number;
      /** Live records of the tables it would change that way, before the merge. */
      liveContacts: number;
    };

/**
 * A value that lost a merge, with what names it on screen: the contact it belongs to (a
 * contact's own field, or its note or follow-up) and the device that wrote the value.
 */
export interface HistoryView extends HistoryRow {
  contactId?: string;
  contact?: Pick<Contact, 'name' | 'stamps'>;
  deviceId?: string;
}

export interface ImportLogEntry {
  deviceId: string;
  /** When this device merged it (ISO). */
  mergedAt: string;
  /** When the other device wrote it (ISO, from the file). */
  exportedAt: string;
  changes: number;
}

export interface SyncExport {
  envelope: KenalEnvelope;
  /** Pass to markExported once the file is safely written. */
  exportStamp: HlcStamp;
}

class NeedsConfirmation extends Error {
  constructor(
    readonly removing: number,
    readonly liveContacts: number,
  ) {
    super('mass delete needs confirmation');
  }
}

/** A row as a synced record: derived search keys and the local marker removed. */
function toRecord(table: TableName, row: Row): Row {
  const out: Row = { ...row };
  delete out[LOCAL_STAMP];
  if (table === 'contacts') {
    for (const key of Object.keys(contactIndexFields(row as unknown as Contact))) delete out[key];
  }
  // The schema drops anything else a feature may have cached on its rows; a row that no longer
  // validates is still exported whole rather than silently left out of a backup.
  const parsed = recordSchemas[table].safeParse(out);
  return parsed.success ? (parsed.data as Row) : out;
}

/** The derived search keys of a contact row (shared/contact-index.ts), by name. */
const INDEX_KEYS = Object.keys(contactIndexFields({ name: 'x', phones: [], tags: [] }));
/** The contact fields the search keys are computed from. */
const INDEXED_FIELDS = ['name', 'phones', 'tags', 'email', 'otherEmails', 'city'] as const;
const LINKED = new Set<TableName>(CONTACT_LINKED_TABLES);

/**
 * A stored row as the record the merge compares: the local marker and search keys removed.
 * Rows here were written by this app, so unlike toRecord (export) no schema parse: that parse
 * was most of the cost of merging into a full book (issue #7).
 */
function storedRecord(table: TableName, row: Row): Row {
  const out: Row = { ...row };
  delete out[LOCAL_STAMP];
  if (table === 'contacts') for (const key of INDEX_KEYS) delete out[key];
  return out;
}

/**
 * The row to store for a merged record. A contact's search keys are taken over from the stored
 * row when the fields they derive from did not change (recomputing means parsing phones).
 */
function toRow(table: TableName, record: Row, mark: HlcStamp, stored?: Row): Row {
  const row: Row = { ...record, [LOCAL_STAMP]: mark };
  if (table !== 'contacts') return row;
  if (stored && INDEXED_FIELDS.every((f) => sameValue(stored[f], record[f]))) {
    for (const key of INDEX_KEYS) row[key] = stored[key];
  } else {
    Object.assign(row, contactIndexFields(record as unknown as Contact));
  }
  return row;
}

const emptySummary = (): ImportSummary =>
  Object.fromEntries(TABLE_NAMES.map((t) => [t, { added: 0, updated: 0, deleted: 0 }])) as Record<
    TableName,
    TableSummary
  >;

export function createSyncRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const table = (t: TableName) => db.table<Row, string>(t);
  const dataTables = () => TABLE_NAMES.map(table);
  const allTables = () => [...dataTables(), db.history, db.meta];

  async function readTables(since: HlcStamp | null): Promise<Tables> {
    const tables = emptyTables() as unknown as Record<TableName, Row[]>;
    for (const t of TABLE_NAMES) {
      let rows: Row[];
      if (since === null) {
        rows = await table(t).toArray();
      } else {
        const byId = new Map<string, Row>();
        for (const r of await table(t).where('updatedAt').above(since).toArray()) byId.set(r.id, r);
        for (const r of await table(t).where(LOCAL_STAMP).above(since).toArray()) byId.set(r.id, r);
        rows = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      }
      tables[t] = rows.map((r) => toRecord(t, r));
    }
    return tables as unknown as Tables;
  }

  /**
   * Two devices merged a pair of contacts in opposite directions: clear `mergedInto` on the
   * cycle's survivor (shared/contacts/merge-cycles.ts) so the customer stays visible. Runs in
   * the import's transaction; returns the number of rows written.
   */
  async function repairMergeCycles(mark: HlcStamp): Promise<number> {
    const merged = await db.contacts.where('mergedInto').above('').toArray();
    const byId = new Map(merged.map((c) => [c.id, c]));
    const cycles = mergeCycles(new Map(merged.map((c) => [c.id, c.mergedInto!])));
    for (const { survivor, members } of cycles) {
      const row = byId.get(survivor)!;
      const record = toRecord('contacts', row as unknown as Row) as unknown as Contact;
      // The same stamp on every device that repairs this cycle (see merge-cycles.ts).
      const stamp = mergeCycleRepairStamp(
        members.map((id) => {
          const link = byId.get(id)!;
          return link.stamps.mergedInto ?? link.updatedAt;
        }),
      );
      const { record: patched } = applyPatch(record, { mergedInto: undefined }, stamp);
      const repaired = { ...patched, updatedAt: maxStamp(record.updatedAt, stamp) };
      await table('contacts').put(toRow('contacts', repaired as unknown as Row, mark));
    }
    return cycles.length;
  }

  /** Move the persisted clock past a file's stamps (unless they are too far ahead). */
  async function observeFile(records: Iterable<RecordMeta>) {
    const persisted = await db.meta.get(CLOCK_KEY);
    const { within, beyond } = fileClockTargets(records);
    const advance = advanceClockPast(clock.deviceId, persisted?.value, within);
    if (advance.next !== undefined) await db.meta.put({ key: CLOCK_KEY, value: advance.next });
    if (beyond !== undefined && advance.drift === undefined) {
      advance.drift = {
        aheadMs: parseStamp(beyond).wall - Date.now(),
        deviceId: beyond.slice(-16),
      };
    }
    return advance;
  }

  function* recordsOf(tables: Tables): Iterable<RecordMeta> {
    for (const t of TABLE_NAMES) yield* tables[t] as RecordMeta[];
  }

  async function envelope(kind: FileKind, app: string, since: HlcStamp | null, tables: Tables) {
    return buildEnvelope({
      kind,
      schemaVersion: SCHEMA_VERSION,
      app,
      deviceId: clock.deviceId,
      exportedAt: now().toISOString(),
      since,
      tables,
    });
  }

  return {
    /** Everything, tombstones included: a full backup. */
    async exportBackup(app: string): Promise<KenalEnvelope> {
      const tables = await db.transaction('r', dataTables(), () => readTables(null));
      return envelope('backup', app, null, tables);
    },

    /**
     * Every change this device knows after its last export (its own and those it merged), or
     * everything with `full`. Call markExported(exportStamp) once the file is written.
     */
    async exportSync(
      app: string,
      options: { full?: boolean; since?: HlcStamp | null } = {},
    ): Promise<SyncExport> {
      const { tables, since, exportStamp } = await db.transaction(
        'rw',
        [...dataTables(), db.meta],
        async () => {
          const last = await db.meta.get(LAST_EXPORT_KEY);
          // An explicit `since` (the sync folder keeps its own cursor) leaves the file cursor alone.
          const since =
            options.since !== undefined
              ? options.since
              : options.full || !last
                ? null
                : (last.value as HlcStamp);
          const tables = await readTables(since);
          return { tables, since, exportStamp: await clock.stamp() };
        },
      );
      return { envelope: await envelope('sync', app, since, tables), exportStamp };
    },

    async markExported(stamp: HlcStamp): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        const last = await db.meta.get(LAST_EXPORT_KEY);
        if (!last || last.value < stamp) await db.meta.put({ key: LAST_EXPORT_KEY, value: stamp });
      });
    },

    async lastExport(): Promise<HlcStamp | undefined> {
      return (await db.meta.get(LAST_EXPORT_KEY))?.value as HlcStamp | undefined;
    },

    /**
     * Merge a checked sync file (DESIGN section 6) in one transaction. Losing field values go
     * to `history`. Returns needs-confirmation, having written nothing, when the merge would
     * remove a large share of the live contacts and `confirmMassDelete` is not set.
     */
    async importSync(
      file: KenalEnvelope,
      options: {
        confirmMassDelete?: boolean;
        /** The title of the follow-up made for an over-refunded purchase, in the user's words. */
        overRefundTitle?: OverRefundTitle;
      } = {},
    ): Promise<ImportResult> {
      try {
        return await db.transaction('rw', allTables(), async () => {
          const advance = await observeFile(recordsOf(file.tables));
          const mark = await clock.stamp();
          const at = now().toISOString();
          const summary = emptySummary();
          const history: HistoryRow[] = [];
          let written = 0;

          // Contacts erased here or in an earlier merge; the file may erase more (contacts come
          // first, so their notes, follow-ups and events in the same file are scrubbed too).
          const erased = await readErased(db);
          const newlyErased = new Map<string, HlcStamp>();
          const refused = noRefusals();
          const maxWall = latestAcceptedWall(now().getTime());
          // Per table: records this file deletes, erases or merges away (asks first when many),
          // and of those the ones no longer live (to count the live rows before the merge).
          const destructive = new Map<TableName, number>();
          const removedLive = new Map<TableName, number>();
          const bump = (m: Map<TableName, number>, t: TableName) => m.set(t, (m.get(t) ?? 0) + 1);
          // Purchases whose refunds this merge changed (new refunds, or the purchase itself).
          const refundTouched = new Set<string>();

          for (const t of TABLE_NAMES) {
            const remotes = file.tables[t] as Row[];
            if (remotes.length === 0) continue;
            // An empty table (a new device's first sync) has nothing to read back.
            const localRows: (Row | undefined)[] =
              (await table(t).count()) === 0
                ? []
                : await table(t).bulkGet(remotes.map((r) => r.id));
            const puts: Row[] = [];
            for (let i = 0; i < remotes.length; i++) {
              const remote = remotes[i]!;
              const row = localRows[i];
              const local = row ? storedRecord(t, row) : undefined;
              const owner = LINKED.has(t)
                ? erased.get((remote as { contactId?: string }).contactId ?? '')
                : undefined;
              // The one place incoming rows are screened (ARCHITECTURE.md, "Sync invariants").
              const screened = screenIncoming(t, local, remote, { maxWall, erasedAt: owner });
              if (!screened.ok) {
                refused[screened.reason] += 1;
                continue;
              }
              let merged: MergeResult<Row>;
              if (screened.derivedConflict && local) {
                const winner = pickDerived(local, remote);
                merged = { record: winner, changed: winner !== local, losers: [] };
                if (merged.changed) bump(destructive, t);
              } else {
                merged = mergeRecord(t, local, remote);
              }
              if (t === 'contacts') {
                const erasedAt = erasureOf(merged.record);
                if (erasedAt !== undefined && erased.get(remote.id) !== erasedAt) {
                  erased.set(remote.id, erasedAt);
                  newlyErased.set(remote.id, erasedAt);
                }
              } else if (LINKED.has(t)) {
                const ownerId = (merged.record as { contactId?: string }).contactId ?? '';
                const erasedAt = erased.get(ownerId);
                if (erasedAt !== undefined) merged = eraseMerged(t, local, merged, erasedAt);
              }
              // A file's value that loses is recorded even when nothing here changes.
              if (merged.losers.length > 0) {
                history.push(...lossesToHistory(t, remote.id, merged.losers, at));
              }
              if (!merged.changed) continue;
              const kind = classifyChange(local, merged);
              if (kind !== 'none') summary[t][kind] += 1;
              if (local) countDestructive(t, local, merged.record);
              if (t === 'sales') {
                const sale = merged.record as unknown as RefundEvent;
                refundTouched.add(sale.kind === 'refund' ? (sale.reversesId ?? '') : sale.id);
              }
              puts.push(toRow(t, merged.record, mark, row));
            }
            if (puts.length > 0) await table(t).bulkPut(puts);
            written += puts.length;
            if (t === 'contacts') written += await spreadErasure(erased, newlyErased, mark);
          }

          function countDestructive(t: TableName, local: Row, record: Row) {
            // A note or follow-up scrubbed because its contact is erased is part of that one
            // erasure, counted on the contact.
            if (LINKED.has(t) && erased.has((record as { contactId?: string }).contactId ?? '')) {
              return;
            }
            if (!isRemoved(local) && isRemoved(record)) {
              bump(destructive, t);
              bump(removedLive, t);
            } else if (erasureOf(record) !== undefined && erasureOf(local) === undefined) {
              bump(destructive, t);
            } else if (
              t === 'contacts' &&
              local.mergedInto !== undefined &&
              record.mergedInto !== undefined &&
              local.mergedInto !== record.mergedInto
            ) {
              bump(destructive, t);
            }
          }

          /**
           * Erasure is final across merges (UU PDP): every contact linked by `mergedInto` (either
           * way) to an erased one is the same person, so it is erased too, with the greatest
           * erasure stamp of its group (shared/privacy/spread.ts).
           */
          async function spreadErasure(
            all: Map<string, HlcStamp>,
            fresh: Map<string, HlcStamp>,
            stamp: HlcStamp,
          ): Promise<number> {
            if (all.size === 0) return 0;
            const links = await db.contacts.where('mergedInto').above('').toArray();
            const plan = erasureSpread(
              all,
              links.map((c) => [c.id, c.mergedInto!] as const),
            );
            if (plan.size === 0) return 0;
            const ids = [...plan.keys()];
            const rows = await table('contacts').bulkGet(ids);
            const puts: Row[] = [];
            rows.forEach((row, i) => {
              if (!row) return;
              const id = ids[i]!;
              const at = plan.get(id)!;
              const record = storedRecord('contacts', row);
              const scrubbed = eraseMutable('contacts', record as never, at) as unknown as Row;
              all.set(id, erasureOf(scrubbed)!);
              fresh.set(id, erasureOf(scrubbed)!);
              if (scrubbed === record) return;
              countDestructive('contacts', record, scrubbed);
              puts.push(toRow('contacts', scrubbed, stamp, row));
            });
            if (puts.length > 0) await table('contacts').bulkPut(puts);
            return puts.length;
          }

          if (newlyErased.size > 0) {
            // Records of a newly erased contact that were not in this file, and this device's
            // history of all of them (a losing value of an erased record is not kept).
            written += await eraseLinkedRecords(db, newlyErased, mark);
            await saveErased(db, erased);
          }

          written += await repairMergeCycles(mark);
          const over = await followUpOverRefunds(
            refundTouched,
            erased,
            mark,
            options.overRefundTitle,
          );
          written += over.written;

          if (!options.confirmMassDelete) {
            let removing = 0;
            let live = 0;
            let ask = false;
            for (const [t, n] of destructive) {
              if (n < MASS_DELETE_MIN) continue;
              const liveNow = await table(t)
                .filter((r) => !isRemoved(r))
                .count();
              // `liveNow` is counted after the writes: add back what this merge removed.
              const before = liveNow + (removedLive.get(t) ?? 0);
              removing += n;
              live += before;
              if (n > before * MASS_DELETE_SHARE) ask = true;
            }
            if (ask) throw new NeedsConfirmation(removing, live);
          }

          const conflicts = await addHistory(history);
          await db.meta.put({
            key: IMPORT_LOG_PREFIX + file.deviceId,
            value: JSON.stringify({
              deviceId: file.deviceId,
              mergedAt: at,
              exportedAt: file.exportedAt,
              changes: written,
            } satisfies ImportLogEntry),
          });
          return {
            status: 'merged' as const,
            summary,
            written,
            conflicts,
            refused,
            overRefunded: over.found,
            ...(advance.drift ? { drift: advance.drift } : {}),
          };
        });
      } catch (error) {
        if (error instanceof NeedsConfirmation) {
          return {
            status: 'needs-confirmation',
            removing: error.removing,
            liveContacts: error.liveContacts,
          };
        }
        throw error;
      }
    },

    /**
     * Replace everything with a checked backup, in one transaction. The device keeps its id and
     * its clock (moved past the backup's stamps); `history` is this device's record of merges
     * and stays. Restored rows get a local stamp so the next sync export carries them.
     */
    async restoreBackup(file: KenalEnvelope): Promise<void> {
      await db.transaction('rw', allTables(), async () => {
        await observeFile(recordsOf(file.tables));
        const mark = await clock.stamp();
        for (const t of TABLE_NAMES) {
          await table(t).clear();
          const rows = (file.tables[t] as Row[]).map((r) => toRow(t, r, mark));
          if (rows.length > 0) await table(t).bulkAdd(rows);
        }
        // A backup written by a device that held an unrepaired merge cycle (or hand-made)
        // must not hide the customer: the same repair as after a sync import.
        await repairMergeCycles(mark);
        // Which contacts are erased is now what the backup says.
        const erased = new Map<string, HlcStamp>();
        for (const c of file.tables.contacts) {
          const at = erasureOf(c);
          if (at !== undefined) erased.set(c.id, at);
        }
        await saveErased(db, erased);
        // The data went back in time, so what was merged from other devices since the backup
        // is gone too: forget which of their sync-folder files were merged, so the next round
        // reads them all again (merging is idempotent). This device's writer cursor stays.
        const folder = await readJson(FOLDER_KEY, folderStateSchema, folderStateSchema.parse({}));
        await db.meta.put({
          key: FOLDER_KEY,
          value: JSON.stringify({ ...folder, devices: {}, problems: {} }),
        });
      });
    },

    /** Records per table as stored (tombstones included, shown apart). */
    async counts(): Promise<Record<TableName, { live: number; removed: number }>> {
      return db.transaction('r', dataTables(), async () => {
        const out = {} as Record<TableName, { live: number; removed: number }>;
        for (const t of TABLE_NAMES) {
          const total = await table(t).count();
          const removed = await table(t)
            .filter((r) => isRemoved(r))
            .count();
          out[t] = { live: total - removed, removed };
        }
        return out;
      });
    },

    /** The last merge of a file from each other device. */
    async importLog(): Promise<ImportLogEntry[]> {
      const rows = await db.meta.where('key').startsWith(IMPORT_LOG_PREFIX).toArray();
      return rows
        .map((r) => JSON.parse(r.value) as ImportLogEntry)
        .sort((a, b) => (a.mergedAt < b.mergedAt ? 1 : -1));
    },

    /** What the sync folder loop remembers (DESIGN section 6); a fresh state when none. */
    async folderState(): Promise<FolderState> {
      return readJson(FOLDER_KEY, folderStateSchema, folderStateSchema.parse({}));
    },

    async saveFolderState(state: FolderState): Promise<void> {
      const value = JSON.stringify(folderStateSchema.parse(state));
      await db.transaction('rw', db.meta, () => db.meta.put({ key: FOLDER_KEY, value }));
    },

    /** Automatic backups: folder (none = the app's own), how many to keep, the last one. */
    async autoBackupState(): Promise<AutoBackupState> {
      return readJson(AUTO_BACKUP_KEY, autoBackupStateSchema, autoBackupStateSchema.parse({}));
    },

    async saveAutoBackupState(patch: Partial<AutoBackupState>): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        const current = await readJson(
          AUTO_BACKUP_KEY,
          autoBackupStateSchema,
          autoBackupStateSchema.parse({}),
        );
        const value = JSON.stringify(autoBackupStateSchema.parse({ ...current, ...patch }));
        await db.meta.put({ key: AUTO_BACKUP_KEY, value });
      });
    },

    /** Field values that lost a merge, newest first. */
    async history(limit = 200): Promise<HistoryRow[]> {
      return db.history.orderBy('at').reverse().limit(limit).toArray();
    },

    /** `history`, each row with its contact and device (shared/sync/history-view.ts). */
    async historyView(limit = 200): Promise<HistoryView[]> {
      return describe(await db.history.orderBy('at').reverse().limit(limit).toArray());
    },

    /**
     * The values that lost a merge on one contact's page: its own fields and those of its
     * notes and follow-ups, and of the duplicates merged into it; newest first.
     */
    async contactHistory(contactId: string): Promise<HistoryView[]> {
      return db.transaction('r', db.contacts, db.notes, db.followUps, db.history, async () => {
        const ids = await aliasIdsOf(db, contactId);
        const notes = (
          await Promise.all(
            ids.map((id) =>
              db.notes.where('[contactId+at]').between([id, ''], [id, '\uffff']).primaryKeys(),
            ),
          )
        ).flat();
        const followUps = await db.followUps.where('contactId').anyOf(ids).primaryKeys();
        const keys: [string, string][] = [
          ...ids.map((id): [string, string] => ['contacts', id]),
          ...notes.map((id): [string, string] => ['notes', id]),
          ...followUps.map((id): [string, string] => ['followUps', id]),
        ];
        const rows = await db.history.where('[table+recordId]').anyOf(keys).toArray();
        rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.seq ?? 0) - (a.seq ?? 0)));
        return describe(rows);
      });
    },
  };

  /** A JSON value kept in meta; a damaged one reads as the fallback rather than breaking sync. */
  async function readJson<T>(
    key: string,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    fallback: T,
  ): Promise<T> {
    const row = await db.meta.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  function lossesToHistory(t: TableName, recordId: string, losers: FieldLoss[], at: string) {
    return (
      losers
        // The file holding an old value of this device's own edit is not a concurrent edit.
        .filter((l) => l.side === 'local' || !l.stamp.endsWith(clock.deviceId))
        .map((l) => ({ table: t, recordId, field: l.field, value: l.value, stamp: l.stamp, at }))
    );
  }

  /**
   * Refunds never exceed the sale after a merge (ARCHITECTURE.md, "Sync invariants"): a purchase
   * this merge left over-refunded (shared/loyalty/over-refund.ts) gets its follow-up, unless one
   * with that id is already here (made by another device, done, or deleted by the user). Every
   * device that sees the over-refund makes the same record, so it also makes it for an erased
   * customer, scrubbed as the erasure would scrub it: a device that made it before hearing of
   * the erasure ends with the same row. Runs in the import's transaction.
   */
  async function followUpOverRefunds(
    touched: Set<string>,
    erased: Map<string, HlcStamp>,
    mark: HlcStamp,
    title: OverRefundTitle | undefined,
  ): Promise<{ found: number; written: number }> {
    touched.delete('');
    if (touched.size === 0) return { found: 0, written: 0 };
    const ids = [...touched];
    const purchases = (await db.sales.bulkGet(ids)).filter((s) => s !== undefined);
    const refunds = await db.sales.where('reversesId').anyOf(ids).toArray();
    const found = overRefunds([...purchases, ...refunds]);
    let written = 0;
    for (const o of found) {
      if (await db.followUps.get(overRefundFollowUpId(o))) continue;
      const purchase = purchases.find((s) => s.id === o.saleId)!;
      const made = overRefundFollowUp(purchase, title ? title(purchase) : '') as unknown as Row;
      const erasedAt = erased.get(o.contactId);
      const followUp = erasedAt === undefined ? made : eraseRecord('followUps', made, erasedAt);
      await table('followUps').put(toRow('followUps', followUp, mark));
      written += 1;
    }
    return { found: found.length, written };
  }

  /** A merged record of an erased contact, scrubbed for the erasure; no losers kept. */
  function eraseMerged(
    t: TableName,
    local: Row | undefined,
    merged: MergeResult<Row>,
    erasedAt: HlcStamp,
  ): MergeResult<Row> {
    const record = eraseRecord(t, merged.record, erasedAt);
    if (record === merged.record) return { ...merged, losers: [] };
    return { record, changed: record !== local, losers: [] };
  }

  /** History rows with the contact each belongs to and the device that wrote the value. */
  async function describe(rows: HistoryRow[]): Promise<HistoryView[]> {
    const ownerIds = new Map<string, string>();
    const noteIds = rows.filter((r) => r.table === 'notes').map((r) => r.recordId);
    const followUpIds = rows.filter((r) => r.table === 'followUps').map((r) => r.recordId);
    for (const n of await db.notes.bulkGet(noteIds)) if (n) ownerIds.set(n.id, n.contactId);
    for (const f of await db.followUps.bulkGet(followUpIds)) if (f) ownerIds.set(f.id, f.contactId);
    const contactIdOf = (r: HistoryRow) =>
      r.table === 'contacts' ? r.recordId : ownerIds.get(r.recordId);
    const contactIds = [...new Set(rows.map(contactIdOf).filter((id) => id !== undefined))];
    const contacts = new Map<string, Pick<Contact, 'name' | 'stamps'>>();
    for (const c of await db.contacts.bulkGet(contactIds)) {
      if (c) contacts.set(c.id, { name: c.name, stamps: c.stamps });
    }
    return rows.map((r) => {
      const contactId = contactIdOf(r);
      return {
        ...r,
        contactId,
        contact: contactId === undefined ? undefined : contacts.get(contactId),
        deviceId: stampDevice(r.stamp),
      };
    });
  }

  /** Add history rows not already there (the same file imported twice adds nothing). */
  async function addHistory(rows: HistoryRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const keys = [...new Set(rows.map((r) => `${r.table}\u0000${r.recordId}`))].map((k) =>
      k.split('\u0000'),
    );
    const existing = await db.history.where('[table+recordId]').anyOf(keys).toArray();
    const seen = new Set(existing.map((h) => `${h.table}|${h.recordId}|${h.field}|${h.stamp}`));
    const fresh = rows.filter((h) => {
      const key = `${h.table}|${h.recordId}|${h.field}|${h.stamp}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) await db.history.bulkAdd(fresh);
    return fresh.length;
  }
}

export type SyncRepository = ReturnType<typeof createSyncRepository>;
