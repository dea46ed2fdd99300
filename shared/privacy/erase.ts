/**
 * Erasing a customer (UU PDP, Indonesia's personal data protection law: the right to erasure).
 * Pure: the repository supplies the records and the erasure's HLC stamp.
 *
 * The marker. An erased contact (and every note and follow-up of it) carries
 * `stamps.erasedAt = E`, the stamp of the erasure: a last-writer-wins register with no value,
 * so it travels in every sync file and validates against the existing record schemas.
 *
 * The rule (applied by the merge, shared/sync/merge.ts, and by the import for records of an
 * erased contact): every field that is not on the table's keep-list is replaced by its
 * placeholder (or removed) and stamped max(its stamp, E), whatever its stamp: a device whose
 * clock runs hours ahead stamps a value typed before the erasure "after" it, so a stamp cannot
 * tell what came later. Erasure is final; re-adding the person is a new contact. The projection
 * commutes with the field merge (both keep the greatest stamp, and the value is always the
 * placeholder), so no order of files brings a personal value back. Losing values of an erased
 * record are never kept in `history`.
 *
 * Events keep their amounts and `contactId` (reports still add up) but lose their personal
 * text (`EVENT_ERASURE`: a sale's `items` and line names, a ledger reason, a feedback comment):
 * the erased copy has `updatedAt = E`, so it wins the events' "greater updatedAt" rule.
 */
import type { HlcStamp } from '../hlc';
import type { MutableMeta, RecordMeta, TableName } from '../schemas';
import { flattenMaps, unflattenMaps } from '../records';

/** The key in `stamps` that marks an erased record; its stamp is the erasure's. */
export const ERASED_MARK = 'erasedAt';
/** Stored instead of the name (a contact needs one); the UI shows its own words for it. */
export const ERASED_NAME = 'Erased customer';
/** Whether a record was erased (its `stamps` carry the erasure's mark). */
export function isErased(record: { stamps: Readonly<Record<string, string>> }): boolean {
  return record.stamps[ERASED_MARK] !== undefined;
}

/**
 * The name to show for a contact: `erasedLabel` (the user's words) while an erased contact
 * still carries the placeholder; a name typed in after the erasure is shown as it is.
 */
export function displayName(
  c: { name: string; stamps: Readonly<Record<string, string>> },
  erasedLabel: string,
): string {
  return showsErasedName(c) ? erasedLabel : c.name;
}

/** Whether a contact's stored name is the erasure's placeholder (shown in the user's words). */
export function showsErasedName(c: {
  name: string;
  stamps: Readonly<Record<string, string>>;
}): boolean {
  return isErased(c) && c.name === ERASED_NAME;
}

/**
 * Contacts as they are written into a file the user reads (CSV, vCard): an erased contact's
 * name in the user's words, like on screen. The same objects when none is erased.
 */
export function withShownNames<
  C extends { name: string; stamps: Readonly<Record<string, string>> },
>(contacts: readonly C[], erasedLabel: string): C[] {
  return contacts.map((c) => (showsErasedName(c) ? { ...c, name: erasedLabel } : c));
}

/** Stored instead of a follow-up title or a ledger adjustment reason (both required). */
export const ERASED_TEXT = 'Erased';

interface MutableErasure {
  /** Fields that are not personal and stay as they are. */
  keep: ReadonlySet<string>;
  /** Personal fields that must stay present: stored with this value instead. */
  placeholders: Readonly<Record<string, unknown>>;
  /** The erasure also deletes the record (a reminder to call an erased person is void). */
  tombstone: boolean;
}

const ALWAYS_KEPT = ['id', 'createdAt', 'updatedAt', 'stamps', 'deletedAt', ERASED_MARK];
const keep = (...fields: string[]) => new Set([...ALWAYS_KEPT, ...fields]);

/** Which fields of each mutable table survive an erasure (everything else is personal). */
export const MUTABLE_ERASURE: Partial<Record<TableName, MutableErasure>> = {
  contacts: {
    keep: keep('mergedInto', 'source', 'stage'),
    placeholders: { name: ERASED_NAME, phones: [], tags: [], note: '' },
    tombstone: false,
  },
  notes: {
    // Complaints stay countable in reports; what was said goes.
    keep: keep('contactId', 'kind', 'at', 'complaintStatus', 'resolvedAt'),
    placeholders: { text: '' },
    tombstone: false,
  },
  followUps: {
    keep: keep(
      'contactId',
      'dueAt',
      'repeat',
      'doneAt',
      'snoozedUntil',
      'repeatAnchor',
      'previousId',
    ),
    placeholders: { title: ERASED_TEXT },
    tombstone: true,
  },
};

interface EventErasure {
  /** Free-typed fields dropped from the event. */
  drop: readonly string[];
  /** Free-typed fields the schema needs: stored with this value instead. */
  placeholders: Readonly<Record<string, unknown>>;
  /** Free-typed fields of the objects in a list field (a sale's `lines`), dropped from each. */
  dropInLists?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Personal fields of events: the free text goes; what reports and the kept figures add up
 * stays (kind, time, amounts, quantities and prices, the ids linking events, the invoice
 * number a POS re-import is matched by, the payment method).
 */
export const EVENT_ERASURE: Partial<Record<TableName, EventErasure>> = {
  feedback: { drop: ['comment'], placeholders: {} },
  ledger: { drop: [], placeholders: { reason: ERASED_TEXT } },
  // `items` is what was bought as typed ("kue ulang tahun untuk Bu Ani, alamat ..."), and a
  // refund's reason; a line keeps its quantity, unit price and amount but not its item name.
  sales: { drop: ['items'], placeholders: {}, dropInLists: { lines: ['item'] } },
};

/** Tables whose records belong to one contact through `contactId`. */
export const CONTACT_LINKED_TABLES = ['notes', 'followUps', 'sales', 'ledger', 'feedback'] as const;

type Loose = MutableMeta & Record<string, unknown>;

/** The erasure stamp of a record, when it is erased. */
export function erasureOf(record: RecordMeta): HlcStamp | undefined {
  return (record as Partial<MutableMeta>).stamps?.[ERASED_MARK];
}

/**
 * The erasure rule for one mutable record and erasure stamp `at`: every field that is not kept
 * becomes its placeholder (or goes), stamped max(its stamp, `at`). Idempotent. Returns the same
 * object when nothing changes.
 */
export function eraseMutable<R extends MutableMeta>(table: TableName, record: R, at: HlcStamp): R {
  const spec = MUTABLE_ERASURE[table];
  if (!spec) return record;
  const r = flattenMaps(record) as unknown as Loose;
  const current = Object.hasOwn(r.stamps, ERASED_MARK) ? r.stamps[ERASED_MARK] : undefined;
  const mark = current !== undefined && current > at ? current : at;
  let changed = current !== mark;
  const out: Loose = { ...r, stamps: { ...r.stamps, [ERASED_MARK]: mark } };
  const fields = new Set([...Object.keys(r), ...Object.keys(r.stamps)]);
  for (const field of Object.keys(spec.placeholders)) fields.add(field);
  for (const field of fields) {
    if (spec.keep.has(field)) continue;
    // Every personal field goes, whatever its stamp: a clock hours ahead must not carry a value
    // typed before the erasure past it. Re-adding the person is a new contact.
    const stamp = Object.hasOwn(r.stamps, field) ? r.stamps[field] : undefined;
    const nextStamp = stamp !== undefined && stamp > mark ? stamp : mark;
    const placeholder = spec.placeholders[field];
    const value = placeholder === undefined ? undefined : structuredCloneJson(placeholder);
    if (stamp === nextStamp && sameJson(r[field], value)) continue;
    if (value === undefined) delete out[field];
    else out[field] = value;
    out.stamps[field] = nextStamp;
    changed = true;
  }
  if (spec.tombstone) {
    const deletedStamp = r.stamps.deletedAt ?? r.deletedAt;
    if (deletedStamp === undefined || deletedStamp < mark) {
      out.deletedAt = mark;
      out.stamps.deletedAt = mark;
      changed = true;
    }
  }
  if (!changed) return record;
  const newest = Object.values(out.stamps).reduce((a, b) => (b > a ? b : a), out.updatedAt);
  out.updatedAt = newest;
  return unflattenMaps(out) as unknown as R;
}

const sameJson = (a: unknown, b: unknown): boolean =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/**
 * An event of an erased contact without its personal text, `updatedAt` at least `at`. The
 * import accepts this scrubbed copy for the original (shared/sync/guard.ts: both erase to the
 * same body). Events with nothing personal come back unchanged (the same object).
 */
export function eraseEvent<R extends RecordMeta>(table: TableName, record: R, at: HlcStamp): R {
  const spec = EVENT_ERASURE[table];
  if (!spec) return record;
  const r = record as unknown as Record<string, unknown>;
  const inLists = Object.entries(spec.dropInLists ?? {}).flatMap(([list, fields]) => {
    const value = r[list];
    return Array.isArray(value) ? [{ list, fields, items: value as unknown[] }] : [];
  });
  const personal =
    spec.drop.some((f) => r[f] !== undefined) ||
    Object.entries(spec.placeholders).some(([f, v]) => r[f] !== undefined && r[f] !== v) ||
    inLists.some(({ fields, items }) =>
      items.some((it) => isObject(it) && fields.some((f) => it[f] !== undefined)),
    );
  if (!personal) return record;
  // Scrubbed whatever its stamp (an answer typed on a device whose clock runs ahead is still
  // from before the erasure); `updatedAt` never goes back, so the scrub is the same everywhere.
  const out: Record<string, unknown> = {
    ...r,
    updatedAt: record.updatedAt > at ? record.updatedAt : at,
  };
  for (const f of spec.drop) delete out[f];
  for (const [f, v] of Object.entries(spec.placeholders)) if (out[f] !== undefined) out[f] = v;
  for (const { list, fields, items } of inLists) {
    out[list] = items.map((it) => {
      if (!isObject(it)) return it;
      const copy = { ...it };
      for (const f of fields) delete copy[f];
      return copy;
    });
  }
  return out as unknown as R;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Erase a record of any table (mutable or event) for an erasure stamped `at`. */
export function eraseRecord<R extends RecordMeta>(table: TableName, record: R, at: HlcStamp): R {
  if (MUTABLE_ERASURE[table]) {
    return eraseMutable(table, record as unknown as MutableMeta, at) as unknown as R;
  }
  return eraseEvent(table, record, at);
}

function structuredCloneJson<T>(v: T): T {
  return typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as T) : v;
}
