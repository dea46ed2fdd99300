/**
 * Merging one record from a sync file into this device's copy (ARCHITECTURE.md "Sync files and merge rules"). Pure.
 *
 * Mutable records: every field is a last-writer-wins register. For each field the value with
 * the greater HLC stamp wins; `deletedAt` is such a field too (its stamp is stamps.deletedAt),
 * so a tombstone wins over every change with a smaller stamp and an undo (a newer stamp on
 * `deletedAt` with no value) wins over the tombstone. A change to another field stamped after
 * a concurrent delete is kept on the (still deleted) record, so an undo brings it back.
 * Equal stamps with different values cannot happen between honest devices (a stamp names its
 * device); should a damaged file bring one, the greater canonical JSON wins, so the result is
 * still the same on every device. Merge is therefore the maximum under a total order, field by
 * field: commutative, associative and idempotent (tests/unit/sync/merge.property.test.ts).
 *
 * Events (sales, ledger, feedback) are immutable: union by id; one id is one event. An incoming
 * event with another body under a known id, or with a tombstone, never reaches this merge: the
 * import refuses it (shared/sync/guard.ts). What does reach it differs only in its stamps, and
 * resolves to the greater (updatedAt, canonical JSON), the same everywhere.
 *
 * Every field value that loses (and differs from the winner) is reported, so the caller can
 * keep it in `history`: a concurrent edit stays visible and restorable, never silently gone.
 * Except for an erased record (UU PDP, shared/privacy/erase.ts): mergeRecord then discards
 * every personal value older than the erasure and reports no losers.
 */
import type { HlcStamp } from '../hlc';
import { flattenMaps, sameValue, unflattenMaps } from '../records';
import { EVENT_TABLES, type MutableMeta, type RecordMeta, type TableName } from '../schemas';
import { eraseMutable, erasureOf } from '../privacy/erase';
import { canonicalJson } from './canonical-json';

export interface FieldLoss {
  field: string;
  value: unknown;
  stamp: HlcStamp;
  /** Whose value lost: this device's (overwritten now) or the file's (never applied). */
  side: 'local' | 'remote';
}

export interface MergeResult<R> {
  record: R;
  /** The merged record differs from the local one: it must be written. */
  changed: boolean;
  losers: FieldLoss[];
}

const EVENT_SET = new Set<string>(EVENT_TABLES);
export const isEventTable = (table: TableName): boolean => EVENT_SET.has(table);

/** Fields that are metadata, not last-writer-wins registers (deletedAt is a register). */
const META_ONLY = new Set(['id', 'createdAt', 'updatedAt', 'stamps']);

type Loose = MutableMeta & Record<string, unknown>;

/** Own keys only: a field named like Object.prototype's members is never read from it. */
const own = (o: object, key: string): unknown =>
  Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;

function stampOf(r: Loose, field: string): string {
  if (field === 'deletedAt') return r.stamps.deletedAt ?? r.deletedAt ?? '';
  const s = own(r.stamps, field);
  return typeof s === 'string' ? s : '';
}

const valueKey = (v: unknown): string => (v === undefined ? '' : canonicalJson(v));

/** > 0 when (stampA, valueA) beats (stampB, valueB). */
function compare(stampA: string, valueA: unknown, stampB: string, valueB: unknown): number {
  if (stampA !== stampB) return stampA > stampB ? 1 : -1;
  const a = valueKey(valueA);
  const b = valueKey(valueB);
  return a === b ? 0 : a > b ? 1 : -1;
}

function fieldsOf(r: Loose): string[] {
  const out = Object.keys(r.stamps);
  for (const key of Object.keys(r)) if (!META_ONLY.has(key) && r[key] !== undefined) out.push(key);
  return out;
}

export function mergeMutable<R extends MutableMeta>(
  local: R | undefined,
  remote: R,
): MergeResult<R> {
  // A new record still goes through the field merge (with itself), so a record written in an
  // older shape (a tombstone without stamps.deletedAt) is stored normalized, as later merges
  // would leave it: merging it again then changes nothing.
  // A map field (a contact's custom fields) merges key by key: see flattenMaps.
  const l = flattenMaps(local ?? remote) as unknown as Loose;
  const r = flattenMaps(remote) as unknown as Loose;
  const fields = [...new Set([...fieldsOf(l), ...fieldsOf(r)])].sort();
  const out: Loose = {
    id: l.id,
    createdAt: l.createdAt <= r.createdAt ? l.createdAt : r.createdAt,
    updatedAt: l.updatedAt >= r.updatedAt ? l.updatedAt : r.updatedAt,
    stamps: {},
  };
  const losers: FieldLoss[] = [];
  const fresh = local === undefined;
  // Tracked per field instead of comparing two canonical JSON strings at the end: this loop is
  // the inner loop of a 100,000-record merge (issue #7).
  let changed = fresh || out.createdAt !== l.createdAt || out.updatedAt !== l.updatedAt;
  for (const field of fields) {
    const sl = stampOf(l, field);
    const vl = own(l, field);
    if (fresh) {
      // Merging a new record with itself: nothing to compare.
      if (vl !== undefined) out[field] = vl;
      if (sl !== '') out.stamps[field] = sl as HlcStamp;
      continue;
    }
    const sr = stampOf(r, field);
    const vr = own(r, field);
    const same = sameValue(vl, vr);
    const remoteWins = sr !== sl ? sr > sl : !same && compare(sr, vr, sl, vl) > 0;
    const [stamp, value] = remoteWins ? [sr, vr] : [sl, vl];
    if (value !== undefined) out[field] = value;
    if (stamp !== '') out.stamps[field] = stamp as HlcStamp;
    if (
      !changed &&
      (stamp !== ((own(l.stamps, field) as string | undefined) ?? '') || (remoteWins && !same))
    )
      changed = true;
    const [loseStamp, loseValue] = remoteWins ? [sl, vl] : [sr, vr];
    if (field !== 'deletedAt' && loseValue !== undefined && !same) {
      losers.push({
        field,
        value: loseValue,
        stamp: loseStamp as HlcStamp,
        side: remoteWins ? 'local' : 'remote',
      });
    }
  }
  if (fresh) return { record: unflattenMaps(out) as unknown as R, changed: true, losers: [] };
  // A stamp the local copy had but the merge dropped (only an empty one) also counts.
  if (!changed && Object.keys(l.stamps).length !== Object.keys(out.stamps).length) changed = true;
  return { record: (changed ? unflattenMaps(out) : local) as unknown as R, changed, losers };
}

export function mergeEvent<R extends RecordMeta>(local: R | undefined, remote: R): MergeResult<R> {
  if (local === undefined) return { record: remote, changed: true, losers: [] };
  const cl = canonicalJson(local);
  const cr = canonicalJson(remote);
  if (cl === cr) return { record: local, changed: false, losers: [] };
  const remoteWins = compare(remote.updatedAt, cr, local.updatedAt, cl) > 0;
  return { record: remoteWins ? remote : local, changed: remoteWins, losers: [] };
}

/** Merge a record of any table by that table's rule. */
export function mergeRecord<R extends RecordMeta>(
  table: TableName,
  local: R | undefined,
  remote: R,
): MergeResult<R> {
  if (isEventTable(table)) return mergeEvent(local, remote);
  const merged = mergeMutable(
    local as unknown as MutableMeta | undefined,
    remote as unknown as MutableMeta,
  );
  const at = erasureOf(merged.record);
  if (at === undefined) return merged as unknown as MergeResult<R>;
  // An erased record (shared/privacy/erase.ts): personal values older than the erasure are
  // discarded, and no losing value is kept in history.
  const erased = eraseMutable(table, merged.record, at);
  const changed =
    local === undefined ||
    (erased === merged.record ? merged.changed : canonicalJson(erased) !== canonicalJson(local));
  return {
    record: (changed ? erased : local) as unknown as R,
    changed,
    losers: [],
  };
}

/** Gone from the user's lists: deleted, or (a contact) merged into another. */
export function isRemoved(record: RecordMeta): boolean {
  return (
    record.deletedAt !== undefined || (record as { mergedInto?: string }).mergedInto !== undefined
  );
}

export type ChangeKind = 'added' | 'updated' | 'deleted' | 'none';

/** What a merge did to one record, in the words of the import summary. */
export function classifyChange(
  local: RecordMeta | undefined,
  merged: MergeResult<RecordMeta>,
): ChangeKind {
  if (!merged.changed) return 'none';
  if (local === undefined) return isRemoved(merged.record) ? 'none' : 'added';
  if (!isRemoved(local) && isRemoved(merged.record)) return 'deleted';
  return 'updated';
}

/** The greatest HLC stamp anywhere in a set of records (to advance the clock past it). */
export function maxStampIn(records: Iterable<RecordMeta>): HlcStamp | undefined {
  let max: HlcStamp | undefined;
  for (const r of records) {
    if (max === undefined || r.updatedAt > max) max = r.updatedAt;
    const stamps = (r as Partial<MutableMeta>).stamps;
    if (stamps) for (const s of Object.values(stamps)) if (s > max) max = s;
    if (r.deletedAt !== undefined && r.deletedAt > max) max = r.deletedAt;
  }
  return max;
}
