/**
 * A device for sync tests: real repositories on fake-indexeddb, and the few writes the tests
 * need, made the way repositories make them (one transaction, stamps from the device clock,
 * shared/records helpers, contacts with their search keys).
 */
import { contactIndexFields } from '../../../shared/contact-index';
import type { HlcStamp } from '../../../shared/hlc';
import { derivedId, newId } from '../../../shared/ids';
import {
  applyPatch,
  createEvent,
  createMutable,
  restore,
  tombstone,
} from '../../../shared/records';
import type { Contact, ContactFields, LedgerEntry, Sale } from '../../../shared/schemas';
import { readKenalFile, serializeEnvelope } from '../../../shared/sync/envelope';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';

let counter = 0;
export async function openDevice(label = 'device'): Promise<Repositories> {
  counter += 1;
  return openRepositories(`sync-${label}-${counter}-${Math.random().toString(36).slice(2)}`);
}

const AT = '2026-03-01T08:00:00.000Z';

async function writeContact(repos: Repositories, fn: (s: HlcStamp) => Promise<Contact | null>) {
  const { db, clock } = repos;
  return db.transaction('rw', db.contacts, db.meta, async () => {
    const c = await fn(await clock.stamp());
    if (c) await db.contacts.put({ ...c, ...contactIndexFields(c) });
    return c;
  });
}

export async function createContact(repos: Repositories, name: string): Promise<string> {
  const id = newId();
  await writeContact(repos, async (stamp) =>
    createMutable<ContactFields>(
      { name, phones: [], tags: [], note: '' },
      { id, createdAt: AT, stamp },
    ),
  );
  return id;
}

export async function patchContact(
  repos: Repositories,
  id: string,
  patch: Partial<ContactFields>,
): Promise<void> {
  await writeContact(repos, async (stamp) => {
    const row = await repos.db.contacts.get(id);
    if (!row) return null;
    const { record, changed } = applyPatch(row as Contact, patch, stamp);
    return changed.length > 0 ? record : null;
  });
}

export async function deleteContact(repos: Repositories, id: string): Promise<void> {
  await writeContact(repos, async (stamp) => {
    const row = await repos.db.contacts.get(id);
    return row && !row.deletedAt ? tombstone(row as Contact, stamp) : null;
  });
}

export async function undeleteContact(repos: Repositories, id: string): Promise<void> {
  await writeContact(repos, async (stamp) => {
    const row = await repos.db.contacts.get(id);
    return row?.deletedAt ? restore(row as Contact, stamp) : null;
  });
}

/**
 * A purchase and the points it earns; the earn entry's id derives from the sale, as rules do.
 * `typed` is what the checkout wrote down (the items text, the lines).
 */
export async function addSale(
  repos: Repositories,
  contactId: string,
  amount: number,
  award = true,
  typed: Pick<Sale, 'items' | 'lines'> = {},
) {
  const { db, clock } = repos;
  return db.transaction('rw', db.sales, db.ledger, db.meta, async () => {
    const stamp = await clock.stamp();
    const sale: Sale = createEvent(
      { contactId, kind: 'purchase' as const, at: AT, amount, ...typed },
      { id: newId(), createdAt: AT, stamp },
    );
    await db.sales.add(sale);
    if (award) await awardInTx(repos, sale, stamp);
    return sale.id;
  });
}

async function awardInTx(repos: Repositories, sale: Sale, stamp: HlcStamp) {
  const entry: LedgerEntry = createEvent(
    {
      contactId: sale.contactId,
      kind: 'earn' as const,
      at: sale.at,
      points: Math.floor(sale.amount / 1000),
      saleId: sale.id,
    },
    { id: derivedId(Date.parse(sale.at), `earn:${sale.id}`), createdAt: AT, stamp },
  );
  await repos.db.ledger.put(entry);
}

/** Award the points for a sale this device has (again): the same derived id, so counted once. */
export async function reaward(repos: Repositories, saleId: string): Promise<void> {
  const { db, clock } = repos;
  await db.transaction('rw', db.sales, db.ledger, db.meta, async () => {
    const sale = await db.sales.get(saleId);
    if (!sale) return;
    const existing = await db.ledger.get(derivedId(Date.parse(sale.at), `earn:${sale.id}`));
    if (!existing) await awardInTx(repos, sale, await clock.stamp());
  });
}

export async function redeem(repos: Repositories, contactId: string, points: number) {
  const { db, clock } = repos;
  return db.transaction('rw', db.ledger, db.meta, async () => {
    const entry: LedgerEntry = createEvent(
      { contactId, kind: 'redeem' as const, at: AT, points: -points },
      { id: newId(), createdAt: AT, stamp: await clock.stamp() },
    );
    await db.ledger.add(entry);
    return entry.id;
  });
}

/** Export a sync file as text, the way the UI does (written, then marked exported). */
export async function exportSyncText(repos: Repositories, full = false): Promise<string> {
  const { envelope, exportStamp } = await repos.sync.exportSync('kenal@test', { full });
  await repos.sync.markExported(exportStamp);
  return serializeEnvelope(envelope);
}

export async function importSyncText(repos: Repositories, text: string) {
  const read = await readKenalFile(text, { expectedKind: 'sync', schemaVersion: SCHEMA_VERSION });
  if (!read.ok) throw new Error(`file refused: ${read.error.code}`);
  return repos.sync.importSync(read.value.envelope, { confirmMassDelete: true });
}

/** Everything a device holds, as synced records (no local fields), for comparisons. */
export async function snapshot(repos: Repositories) {
  const env = await repos.sync.exportBackup('kenal@test');
  return env.tables;
}
