/**
 * What an incoming sync record may do, decided in one place (issue #17). A sync file comes from
 * another device, a USB stick or a shared folder anyone on the network can write to, so every
 * record is screened before the merge sees it. Pure.
 *
 * Two levels:
 * - `stampsProblem` (called by the file check, shared/sync/envelope.ts): `stamps` keys must be
 *   fields of that table (plus the erasure mark), at most one per field, and never a name from
 *   Object.prototype's world (`constructor`, `toString`, `__proto__`): such a file is refused
 *   whole, with the record named, before anything is written.
 * - `screenIncoming` (called by the import for every record, renderer/db/repositories/sync/import.ts):
 *   a well-formed record that would break an invariant is quarantined: it changes nothing, and
 *   the user is told which file and how many rows were refused, and why.
 *     1. Events are immutable: a sale, ledger entry or feedback answer whose id exists here with
 *        another body (anything but its `createdAt`/`updatedAt`), or that carries a tombstone,
 *        is refused. Corrections are new events. The
 *        one allowed difference is the erasure's scrub: when the contact is erased, two bodies
 *        that erase to the same body are the same event.
 *     2. A stamp beyond the drift bound (DEFAULT_MAX_DRIFT_MS ahead of this device's clock) would
 *        win every later merge for as long as that time lies in the future: the row is refused
 *        rather than allowed to win forever. The file's other rows still merge.
 */
import { DEFAULT_MAX_DRIFT_MS, isHlcStamp, parseStamp, type HlcStamp } from '../hlc';
import { reversalEventId } from '../event-ids';
import { earnEntryId, welcomeEntryId } from '../loyalty/import-points';
import { importedSaleId } from '../loyalty/sales-import';
import { eraseRecord, ERASED_MARK } from '../privacy/erase';
import { recordSchemas, type MutableMeta, type RecordMeta, type TableName } from '../schemas';
import { canonicalJson } from './canonical-json';
import { MAP_FIELDS } from '../records';
import { CUSTOM_FIELD_ID, MAX_CUSTOM_FIELDS } from '../schemas/contact';

const EVENT_SET = new Set<string>(['sales', 'ledger', 'feedback']);

/** The fields a record of each table may stamp: its schema's fields and the erasure mark. */
const STAMPABLE: Readonly<Record<TableName, ReadonlySet<string>>> = Object.fromEntries(
  (Object.keys(recordSchemas) as TableName[]).map((t) => {
    const shape = (recordSchemas[t] as unknown as { shape: Record<string, unknown> }).shape;
    const fields = Object.keys(shape).filter(
      // A map field is stamped per key (`custom.<id>`, below), never as a whole.
      (f) => !['id', 'createdAt', 'updatedAt', 'stamps', ...MAP_FIELDS].includes(f),
    );
    return [t, new Set([...fields, ERASED_MARK])];
  }),
) as unknown as Record<TableName, ReadonlySet<string>>;

/** A key of a map field (shared/records.ts MAP_FIELDS): a contact's custom field `custom.<id>`. */
const MAP_STAMP: Partial<Record<TableName, RegExp>> = {
  contacts: new RegExp(`^custom\\.${CUSTOM_FIELD_ID.source.slice(1)}`),
};
/** Each map key is its own stamp: up to this many more keys than the table has fields. */
const MAP_STAMPS = MAX_CUSTOM_FIELDS;

/** Whether `field` may be a key of `stamps` in `table` (own keys only; no prototype names). */
export function isStampableField(table: TableName, field: string): boolean {
  if (STAMPABLE[table].has(field)) return true;
  return MAP_STAMP[table]?.test(field) ?? false;
}

/**
 * What is wrong with a raw record's `stamps`, or undefined. Checked on the parsed JSON before
 * the schema copies it, so a `__proto__` key is seen as the own key it is in the file.
 */
export function stampsProblem(table: TableName, raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  if (!Object.hasOwn(raw, 'stamps')) return undefined;
  const stamps = (raw as { stamps: unknown }).stamps;
  if (EVENT_SET.has(table)) return 'stamps: events carry no stamps';
  if (typeof stamps !== 'object' || stamps === null || Array.isArray(stamps)) {
    return 'stamps: not an object';
  }
  const keys = Object.keys(stamps);
  const allowed = STAMPABLE[table];
  const most = allowed.size + (MAP_STAMP[table] ? MAP_STAMPS : 0);
  if (keys.length > most) return `stamps: ${keys.length} keys, at most ${most}`;
  for (const key of keys) {
    if (!isStampableField(table, key)) return `stamps.${key.slice(0, 40)}: not a field of ${table}`;
    const value = (stamps as Record<string, unknown>)[key];
    if (!isHlcStamp(value)) return `stamps.${key}: not an HLC stamp`;
  }
  return undefined;
}

/** Why an incoming row was quarantined (each has a message in both languages). */
export const REFUSAL_REASONS = ['eventChanged', 'eventTombstone', 'futureStamp'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type Screened =
  | {
      ok: true;
      /**
       * Two bodies of one rule-derived event (below): merge with `pickDerived`, and count it as
       * a change for the mass-change question.
       */
      derivedConflict?: true;
    }
  | { ok: false; reason: RefusalReason };

const OK: Screened = { ok: true };

/** Every HLC stamp a record carries (own keys only). */
export function* stampsOf(record: RecordMeta): Iterable<HlcStamp> {
  yield record.updatedAt;
  if (record.deletedAt !== undefined) yield record.deletedAt;
  const stamps = (record as Partial<MutableMeta>).stamps;
  if (stamps) for (const key of Object.keys(stamps)) yield stamps[key]!;
}

/** The greatest wall time (ms) this device accepts in a stamp, `now` being its clock's time. */
export const latestAcceptedWall = (nowMs: number): number => nowMs + DEFAULT_MAX_DRIFT_MS;

export interface ScreenContext {
  /** The greatest wall time accepted (latestAcceptedWall of this device's clock). */
  maxWall: number;
  /** The erasure stamp of the event's contact, when that contact is erased. */
  erasedAt?: HlcStamp;
}

/** Whether an incoming record may be merged into `local` (undefined: not held here). */
export function screenIncoming(
  table: TableName,
  local: RecordMeta | undefined,
  remote: RecordMeta,
  context: ScreenContext,
): Screened {
  for (const s of stampsOf(remote)) {
    if (parseStamp(s).wall > context.maxWall) return { ok: false, reason: 'futureStamp' };
  }
  if (!EVENT_SET.has(table)) return OK;
  if (remote.deletedAt !== undefined && local?.deletedAt === undefined) {
    return { ok: false, reason: 'eventTombstone' };
  }
  if (local === undefined) return OK;
  if (bodyOf(local) === bodyOf(remote)) return OK;
  if (context.erasedAt !== undefined) {
    const at = context.erasedAt;
    if (bodyOf(eraseRecord(table, local, at)) === bodyOf(eraseRecord(table, remote, at))) return OK;
  }
  if (isRuleDerived(table, local) && isRuleDerived(table, remote)) {
    return { ok: true, derivedConflict: true };
  }
  return { ok: false, reason: 'eventChanged' };
}

type Loose = RecordMeta & Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Whether an event's id is the one a Kenal rule derives from the event's own fields (shared/ids
 * derivedId): the sale imported from an invoice, the points earned for a sale, a refund's
 * reversal, a welcome bonus. Two honest devices can make such an event with different bodies
 * (a tier computed from the sales each had, a customer each matched differently); those
 * resolve the same way everywhere (`pickDerived`) instead of being refused.
 */
export function isRuleDerived(table: TableName, record: RecordMeta): boolean {
  const r = record as Loose;
  const at = str(r.at);
  if (at === undefined) return false;
  if (table === 'sales') {
    const invoice = str(r.invoiceNo);
    return invoice !== undefined && r.id === importedSaleId(Date.parse(at), invoice);
  }
  if (table !== 'ledger') return false;
  const saleId = str(r.saleId);
  if (r.kind === 'earn' && saleId !== undefined) return r.id === earnEntryId({ id: saleId, at });
  if (r.kind === 'reversal' && saleId !== undefined) {
    return r.id === reversalEventId(saleId, Date.parse(at));
  }
  const contactId = str(r.contactId);
  if (r.kind === 'bonus' && contactId !== undefined) return r.id === welcomeEntryId(contactId);
  return false;
}

/**
 * Of two bodies of one rule-derived event, the one every device keeps: the smaller claim
 * (fewer points, a smaller amount), then the smaller body. A forged body can only lower what an
 * event is worth, and a file doing that to many events asks first.
 */
export function pickDerived<R extends RecordMeta>(local: R, remote: R): R {
  const size = (x: R) => {
    const r = x as unknown as Loose;
    const n = typeof r.points === 'number' ? r.points : typeof r.amount === 'number' ? r.amount : 0;
    return n;
  };
  const [a, b] = [size(local), size(remote)];
  if (a !== b) return a < b ? local : remote;
  return bodyOf(remote) < bodyOf(local) ? remote : local;
}

/**
 * What an event says, without when a device wrote it down: two devices that make "the same"
 * derived event (shared/event-ids.ts) write one body with their own stamps, and the merge then
 * keeps one of them the same way everywhere.
 */
function bodyOf(record: RecordMeta): string {
  const copy: Record<string, unknown> = { ...record };
  delete copy.updatedAt;
  delete copy.createdAt;
  return canonicalJson(copy);
}

/** Rows refused from one file, per reason. */
export type RefusalCounts = Record<RefusalReason, number>;
export const noRefusals = (): RefusalCounts =>
  Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as RefusalCounts;
export const refusalTotal = (c: RefusalCounts): number =>
  REFUSAL_REASONS.reduce((sum, r) => sum + c[r], 0);
