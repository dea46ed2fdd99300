/**
 * A device for sync tests: real repositories on fake-indexeddb, and the few writes the tests
 * need, made the way repositories make them (one transaction, stamps from the device clock,
 * shared/records helpers, contacts with their search keys). Below, the harness the
 * multi-device property tests share: a pool of devices, hostile files, the final round.
 */
import type fc from 'fast-check';
import { expect } from 'vitest';
import { contactIndexFields } from '../../../shared/contact-index';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import { computeLedger } from '../../../shared/loyalty/ledger';
import { DEFAULT_RULES } from '../../../shared/loyalty/rules';
import { derivedId, newId } from '../../../shared/ids';
import {
  applyPatch,
  createEvent,
  createMutable,
  restore,
  tombstone,
} from '../../../shared/records';
import type { Contact, ContactFields, LedgerEntry, Sale } from '../../../shared/schemas';
import {
  buildEnvelope,
  readKenalFile,
  serializeEnvelope,
  TABLE_NAMES,
  type Tables,
} from '../../../shared/sync/envelope';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { openDeviceClock } from '../../../renderer/db/clock';
import { KenalDb } from '../../../renderer/db/database';
import { createContactsRepository } from '../../../renderer/db/repositories/contacts';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';
import { createPrivacyRepository } from '../../../renderer/db/repositories/privacy';
import { createSyncRepository } from '../../../renderer/db/repositories/sync';
import { createTimelineRepository } from '../../../renderer/db/repositories/timeline';
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

/* ---- The harness of the multi-device property tests (over-refund, hostile devices). ---- */

export const HOUR = 3_600_000;
/** The device id hostile files are written under. */
export const EVIL = 'EEEEEEEEEEEEEEEE';

/** The repositories a property-test device has. */
export type PoolDevice = Pick<
  Repositories,
  'db' | 'clock' | 'contacts' | 'sync' | 'privacy' | 'loyalty' | 'timeline'
>;

/**
 * Five databases opened once per pool and emptied between runs (opening a database per run
 * costs more than the run): each keeps its device id; its clock's skew is set per run.
 */
export function devicePool(label: string): (skewsMs: number[]) => Promise<PoolDevice[]> {
  const skewOf: number[] = [0, 0, 0, 0, 0];
  let pool: PoolDevice[] | undefined;
  return async (skewsMs) => {
    pool ??= await Promise.all(
      skewOf.map(async (_, i) => {
        const db = new KenalDb(`${label}-${i}-${Math.random().toString(36).slice(2)}`);
        await db.open();
        const clock = await openDeviceClock(db, () => Date.now() + skewOf[i]!);
        const contacts = createContactsRepository(db, clock);
        return {
          db,
          clock,
          contacts,
          sync: createSyncRepository(db, clock),
          privacy: createPrivacyRepository(db, contacts, clock),
          loyalty: createLoyaltyRepository(db, clock),
          timeline: createTimelineRepository(db, clock),
        };
      }),
    );
    skewsMs.forEach((s, i) => (skewOf[i] = s));
    const used = pool.slice(0, skewsMs.length);
    for (const d of used) {
      await d.db.transaction('rw', d.db.tables, async () => {
        for (const t of d.db.tables) {
          if (t.name === 'meta') await t.where('key').notEqual('deviceId').delete();
          else await t.clear();
        }
      });
    }
    return used;
  };
}

/** A sync file written by the hostile device, holding `tables` (the others empty). */
export async function evilFile(tables: Partial<Tables>): Promise<string> {
  const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Tables;
  return serializeEnvelope(
    await buildEnvelope({
      kind: 'sync',
      schemaVersion: SCHEMA_VERSION,
      app: 'kenal@evil',
      deviceId: EVIL,
      exportedAt: new Date().toISOString(),
      since: null,
      tables: { ...empty, ...tables },
    }),
  );
}

/**
 * A forged file: a refund ten times a purchase, dated `at`, and a reversal of ten times its
 * points. Not refused (a refund is a new event): kept, flagged, and the points reversed once.
 */
export async function forgedOverRefund(d: PoolDevice, sale: Sale, at: string): Promise<string> {
  const earn = (await d.db.ledger.toArray()).find((e) => e.kind === 'earn' && e.saleId === sale.id);
  const stamp = formatStamp({ wall: Date.now(), counter: 0, deviceId: EVIL });
  const refundId = newId();
  return evilFile({
    sales: [
      {
        ...{ id: refundId, createdAt: at, updatedAt: stamp, contactId: sale.contactId },
        ...{ kind: 'refund' as const, at, amount: sale.amount * 10, reversesId: sale.id },
      },
    ],
    ledger: earn
      ? [
          {
            ...{ id: newId(), createdAt: at, updatedAt: stamp, contactId: sale.contactId },
            ...{ kind: 'reversal' as const, at, points: -earn.points * 10 },
            ...{ saleId: refundId, reversesId: earn.id },
          },
        ]
      : [],
  });
}

/**
 * One final round: each device writes its changes, then every file reaches every device (but
 * its writer) in an order drawn from `randomness`. Returns every device's tables, asserted
 * identical.
 */
export async function finalRound(
  devices: readonly PoolDevice[],
  files: { from: number; text: string }[],
  randomness: fc.Stream<number>,
): Promise<Tables> {
  for (let i = 0; i < devices.length; i++) {
    files.push({ from: i, text: await exportSyncText(devices[i] as Repositories) });
  }
  const deliveries: { f: number; d: number }[] = [];
  files.forEach((_, f) => devices.forEach((_, d) => deliveries.push({ f, d })));
  const rand = randomness.take(deliveries.length);
  const order = deliveries
    .map((x) => ({ x, k: rand.next().value as number }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
  for (const { f, d } of order) {
    const file = files[f]!;
    if (file.from !== d) await importSyncText(devices[d] as Repositories, file.text);
  }
  const dumps = await Promise.all(devices.map((d) => snapshot(d as Repositories)));
  for (const s of dumps.slice(1)) expect(s).toEqual(dumps[0]);
  return dumps[0]!;
}

/** The points of a sale are reversed at most once: no earn loses more than it gave. */
export function expectEarnsReversedAtMostOnce(ledger: readonly LedgerEntry[]): void {
  const state = computeLedger(ledger, DEFAULT_RULES, Date.now());
  const reversedOf = new Map<string, number>();
  for (const h of state.history) {
    const target = h.entry?.reversesId;
    if (h.kind !== 'reversal' || target === undefined) continue;
    reversedOf.set(target, (reversedOf.get(target) ?? 0) - h.delta);
  }
  for (const e of ledger) {
    if (e.kind === 'earn') expect(reversedOf.get(e.id) ?? 0).toBeLessThanOrEqual(e.points);
  }
}
