/**
 * The steps of a sync import after the per-row merge, each run inside the import's transaction:
 * spreading an erasure over merged contacts, the follow-up of an over-refunded purchase, the
 * losing values kept in history, and the tally the mass-change question weighs.
 */
import type { HlcStamp } from '../../../../shared/hlc';
import {
  overRefundFollowUp,
  overRefundFollowUpId,
  overRefunds,
  type OverRefundTitle,
} from '../../../../shared/loyalty/over-refund';
import { eraseMutable, eraseRecord, erasureOf } from '../../../../shared/privacy/erase';
import { erasureSpread } from '../../../../shared/privacy/spread';
import type { TableName } from '../../../../shared/schemas';
import { destructiveChange } from '../../../../shared/sync/mass-change';
import type { FieldLoss } from '../../../../shared/sync/merge';
import type { HistoryRow, KenalDb } from '../../database';
import { storedRecord, toRow, type Row } from '../../local-fields';
import { tableOf } from './context';

/**
 * Per table: records this file deletes, erases or merges away (the import asks first when
 * many), and of those the ones no longer live (to count the live rows before the merge).
 */
export class DestructiveTally {
  readonly destructive = new Map<TableName, number>();
  readonly removedLive = new Map<TableName, number>();

  constructor(private readonly erased: ReadonlyMap<string, HlcStamp>) {}

  bump(t: TableName, m: Map<TableName, number> = this.destructive): void {
    m.set(t, (m.get(t) ?? 0) + 1);
  }

  /** Count a change of `local` into `record` (shared/sync/mass-change.ts decides its kind). */
  count(t: TableName, local: Row, record: Row): void {
    const kind = destructiveChange(t, local, record, this.erased);
    if (kind === undefined) return;
    this.bump(t);
    if (kind === 'removed') this.bump(t, this.removedLive);
  }
}

/**
 * Erasure is final across merges (UU PDP): every contact linked by `mergedInto` (either way) to
 * an erased one is the same person, so it is erased too, with the greatest erasure stamp of its
 * group (shared/privacy/spread.ts). Adds what it erases to `all` and `fresh`; returns the rows
 * written.
 */
export async function spreadErasure(
  db: KenalDb,
  all: Map<string, HlcStamp>,
  fresh: Map<string, HlcStamp>,
  stamp: HlcStamp,
  tally: DestructiveTally,
): Promise<number> {
  if (all.size === 0) return 0;
  const links = await db.contacts.where('mergedInto').above('').toArray();
  const plan = erasureSpread(
    all,
    links.map((c) => [c.id, c.mergedInto!] as const),
  );
  if (plan.size === 0) return 0;
  const ids = [...plan.keys()];
  const rows = await tableOf(db, 'contacts').bulkGet(ids);
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
    tally.count('contacts', record, scrubbed);
    puts.push(toRow('contacts', scrubbed, stamp, row));
  });
  if (puts.length > 0) await tableOf(db, 'contacts').bulkPut(puts);
  return puts.length;
}

/**
 * Refunds never exceed the sale after a merge (ARCHITECTURE.md, "Sync invariants"): a purchase
 * this merge left over-refunded (shared/loyalty/over-refund.ts) gets its follow-up, unless one
 * with that id is already here (made by another device, done, or deleted by the user). Every
 * device that sees the over-refund makes the same record, so it also makes it for an erased
 * customer, scrubbed as the erasure would scrub it: a device that made it before hearing of
 * the erasure ends with the same row.
 */
export async function followUpOverRefunds(
  db: KenalDb,
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
    await tableOf(db, 'followUps').put(toRow('followUps', followUp, mark));
    written += 1;
  }
  return { found: found.length, written };
}

/** The history rows of a merge's losing values (`deviceId`: this device's). */
export function lossesToHistory(
  deviceId: string,
  t: TableName,
  recordId: string,
  losers: FieldLoss[],
  at: string,
): HistoryRow[] {
  return (
    losers
      // The file holding an old value of this device's own edit is not a concurrent edit.
      .filter((l) => l.side === 'local' || !l.stamp.endsWith(deviceId))
      .map((l) => ({ table: t, recordId, field: l.field, value: l.value, stamp: l.stamp, at }))
  );
}

/** Add history rows not already there (the same file imported twice adds nothing). */
export async function addHistory(db: KenalDb, rows: HistoryRow[]): Promise<number> {
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
