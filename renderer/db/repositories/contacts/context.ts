/**
 * What every operation group of the contacts repository shares: the database, the clock, the
 * search catalog, the one read-write transaction helper, and the row <-> contact conversions.
 */
import { withLocalStamp, withoutLocalStamp } from '../../local-fields';
import type { Table } from 'dexie';
import { contactIndexFields } from '../../../../shared/contact-index';
import type { ContactInputFields } from '../../../../shared/contact-input';
import { applyPatch } from '../../../../shared/records';
import type { Contact } from '../../../../shared/schemas';
import type { DeviceClock } from '../../clock';
import { createContactCatalog, type ContactCatalog } from '../../contact-catalog';
import type { ContactRow, KenalDb } from '../../database';

export interface ContactsContext {
  db: KenalDb;
  clock: DeviceClock;
  now: () => Date;
  catalog: ContactCatalog;
  /** One read-write transaction over contacts + meta (+ `also`); the search index goes stale. */
  rw: <T>(fn: () => Promise<T>, also?: Table[]) => Promise<T>;
}

export function createContactsContext(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date,
): ContactsContext {
  const catalog = createContactCatalog(db);
  const rw = async <T>(fn: () => Promise<T>, also: Table[] = []): Promise<T> => {
    try {
      return await db.transaction('rw', [db.contacts, db.meta, ...also], fn);
    } finally {
      catalog.invalidate();
    }
  };
  return { db, clock, now, catalog, rw };
}

const READ_PAGE = 5000;

/**
 * The stored row: the contact, its derived search keys and `_localStamp`, this device's stamp of
 * the write (indexed: the search index catches up by reading rows written since its last look).
 */
export function toRow(contact: Contact, localStamp: string): ContactRow {
  return withLocalStamp({ ...contact, ...contactIndexFields(contact) }, localStamp);
}

/** The stored contact without its derived index keys. */
export function fromRow(row: ContactRow): Contact {
  const {
    sortKey: _s,
    nameTokens: _n,
    phoneKeys: _p,
    tagKeys: _t,
    emailKeys: _e,
    cityKeys: _c,
    ...contact
  } = withoutLocalStamp(row);
  return contact;
}

export const isLive = (c: ContactRow): boolean =>
  c.deletedAt === undefined && c.mergedInto === undefined;

/**
 * Every live row, a page at a time in primary-key order: one getAll per page is far faster in
 * IndexedDB than a cursor stepping row by row (`each`) through 100,000 contacts.
 */
export async function forEachLiveRow(db: KenalDb, fn: (row: ContactRow) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const page: ContactRow[] = await (last === undefined
      ? db.contacts.limit(READ_PAGE).toArray()
      : db.contacts.where(':id').above(last).limit(READ_PAGE).toArray());
    for (const row of page) if (isLive(row)) fn(row);
    if (page.length < READ_PAGE) return;
    last = page[page.length - 1]!.id;
  }
}

/** Live contacts with these ids, in the order given (missing and dead ones left out). */
export async function liveByIds(db: KenalDb, ids: readonly string[]): Promise<Contact[]> {
  const out: Contact[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db.contacts.bulkGet(ids.slice(i, i + 5000));
    for (const r of rows) if (r && isLive(r)) out.push(fromRow(r));
  }
  return out;
}

/** The stored row's fields with a patch applied and its index keys recomputed. */
export function patchRow(
  row: ContactRow,
  patch: Partial<Contact>,
  stamp: string,
): ContactRow | undefined {
  const { record, changed } = applyPatch(fromRow(row), patch, stamp as Contact['updatedAt']);
  return changed.length > 0 ? toRow(record, stamp) : undefined;
}

/** A consent change is dated (UU PDP: we must be able to show when it was given). */
export function withConsentDate(
  fields: ContactInputFields,
  before: Contact | undefined,
  at: Date,
): ContactInputFields & { marketingConsentAt?: string } {
  if (fields.marketingConsent === undefined || fields.marketingConsent === before?.marketingConsent)
    return fields;
  return { ...fields, marketingConsentAt: at.toISOString() };
}
