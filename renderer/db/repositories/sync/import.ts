/**
 * Sync file in (ARCHITECTURE.md "Sync files and merge rules"). Files are checked completely by
 * shared/sync before they get here; the merge is one read-write transaction over every table,
 * so it applies whole or not at all. Each incoming row goes through the pure per-row rule
 * (shared/sync/row-merge.ts: guard, merge, erasure); then erasures spread, merge cycles are
 * repaired, over-refunds get a follow-up, and the mass-change rule (shared/sync/mass-change.ts)
 * may undo it all to ask the user first.
 *
 * Erasure (UU PDP, shared/privacy/erase.ts): a merged contact carrying `stamps.erasedAt` is
 * remembered in meta (privacy.erased); notes, follow-ups and events of an erased contact are
 * scrubbed as they are merged, those already here are scrubbed once, and no losing value of
 * theirs is kept in history (this device's history of them is deleted).
 */
import type { HlcStamp } from '../../../../shared/hlc';
import type { OverRefundTitle, RefundEvent } from '../../../../shared/loyalty/over-refund';
import { TABLE_NAMES, type KenalEnvelope } from '../../../../shared/sync/envelope';
import { latestAcceptedWall, noRefusals } from '../../../../shared/sync/guard';
import { isWeighed, massChange } from '../../../../shared/sync/mass-change';
import { classifyChange, isRemoved } from '../../../../shared/sync/merge';
import { mergeIncomingRow } from '../../../../shared/sync/row-merge';
import type { TableName } from '../../../../shared/schemas';
import type { HistoryRow } from '../../database';
import { storedRecord, toRow, type Row } from '../../local-fields';
import { eraseLinkedRecords, readErased, saveErased } from '../privacy';
import {
  allTables,
  IMPORT_LOG_PREFIX,
  observeFile,
  recordsOf,
  repairMergeCycles,
  tableOf,
  type SyncContext,
} from './context';
import {
  addHistory,
  DestructiveTally,
  followUpOverRefunds,
  lossesToHistory,
  spreadErasure,
} from './import-steps';
import type { ImportLogEntry } from './log';
import { emptySummary, type ImportResult } from './types';

export interface ImportOptions {
  confirmMassDelete?: boolean;
  /** The title of the follow-up made for an over-refunded purchase, in the user's words. */
  overRefundTitle?: OverRefundTitle;
}

/** Thrown inside the transaction so it rolls back; turned into needs-confirmation. */
class NeedsConfirmation extends Error {
  constructor(
    readonly removing: number,
    readonly liveContacts: number,
  ) {
    super('mass delete needs confirmation');
  }
}

export function importOperations(ctx: SyncContext) {
  const { db, clock, now } = ctx;

  /** Live rows of each weighed table before the merge; throws NeedsConfirmation to ask. */
  async function weighMassChange(tally: DestructiveTally): Promise<void> {
    const weights = [];
    for (const [t, removing] of tally.destructive) {
      if (!isWeighed(removing)) continue;
      const liveNow = await tableOf(db, t)
        .filter((r) => !isRemoved(r))
        .count();
      // `liveNow` is counted after the writes: add back what this merge removed.
      weights.push({ removing, liveBefore: liveNow + (tally.removedLive.get(t) ?? 0) });
    }
    const verdict = massChange(weights);
    if (verdict.ask) throw new NeedsConfirmation(verdict.removing, verdict.live);
  }

  /**
   * The merge inside its transaction. Long: it is the one sequence of an import's steps, each
   * a call, kept in order in one place so the order (contacts first, erasure before cycles,
   * the question last) reads top to bottom.
   */
  async function mergeFile(file: KenalEnvelope, options: ImportOptions): Promise<ImportResult> {
    const advance = await observeFile(ctx, recordsOf(file.tables));
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
    const tally = new DestructiveTally(erased);
    // Purchases whose refunds this merge changed (new refunds, or the purchase itself).
    const refundTouched = new Set<string>();

    for (const t of TABLE_NAMES) {
      const remotes = file.tables[t] as Row[];
      if (remotes.length === 0) continue;
      const puts = await mergeTable(t, remotes);
      if (puts.length > 0) await tableOf(db, t).bulkPut(puts);
      written += puts.length;
      if (t === 'contacts') written += await spreadErasure(db, erased, newlyErased, mark, tally);
    }

    async function mergeTable(t: TableName, remotes: Row[]): Promise<Row[]> {
      // An empty table (a new device's first sync) has nothing to read back.
      const localRows: (Row | undefined)[] =
        (await tableOf(db, t).count()) === 0
          ? []
          : await tableOf(db, t).bulkGet(remotes.map((r) => r.id));
      const puts: Row[] = [];
      remotes.forEach((remote, i) => {
        const row = localRows[i];
        const local = row ? storedRecord(t, row) : undefined;
        const outcome = mergeIncomingRow(t, local, remote, { maxWall, erased });
        if (outcome.status === 'refused') {
          refused[outcome.reason] += 1;
          return;
        }
        const { merged } = outcome;
        if (outcome.derivedReplaced) tally.bump(t);
        if (outcome.newlyErased !== undefined) {
          erased.set(remote.id, outcome.newlyErased);
          newlyErased.set(remote.id, outcome.newlyErased);
        }
        // A file's value that loses is recorded even when nothing here changes.
        if (merged.losers.length > 0) {
          history.push(...lossesToHistory(clock.deviceId, t, remote.id, merged.losers, at));
        }
        if (!merged.changed) return;
        const kind = classifyChange(local, merged);
        if (kind !== 'none') summary[t][kind] += 1;
        if (local) tally.count(t, local, merged.record);
        if (t === 'sales') {
          const sale = merged.record as unknown as RefundEvent;
          refundTouched.add(sale.kind === 'refund' ? (sale.reversesId ?? '') : sale.id);
        }
        puts.push(toRow(t, merged.record, mark, row));
      });
      return puts;
    }

    if (newlyErased.size > 0) {
      // Records of a newly erased contact that were not in this file, and this device's
      // history of all of them (a losing value of an erased record is not kept).
      written += await eraseLinkedRecords(db, newlyErased, mark);
      await saveErased(db, erased);
    }

    written += await repairMergeCycles(db, mark);
    const over = await followUpOverRefunds(
      db,
      refundTouched,
      erased,
      mark,
      options.overRefundTitle,
    );
    written += over.written;

    if (!options.confirmMassDelete) await weighMassChange(tally);

    const conflicts = await addHistory(db, history);
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
  }

  return {
    /**
     * Merge a checked sync file in one transaction. Losing field values go to `history`.
     * Returns needs-confirmation, having written nothing, when the merge would remove a large
     * share of the live records and `confirmMassDelete` is not set.
     */
    async importSync(file: KenalEnvelope, options: ImportOptions = {}): Promise<ImportResult> {
      try {
        return await db.transaction(
          'rw',
          allTables(db),
          async () => await mergeFile(file, options),
        );
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
  };
}
