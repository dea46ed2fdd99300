/**
 * Upgrades lose nothing: a database exactly as each earlier schema version left it, and a backup
 * that version wrote, both open in today's code with every row and every answer intact.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { readKenalFile } from '../../../shared/sync/envelope';
import { EARLIER_VERSIONS, type EarlierVersion } from '../../fixtures/upgrade/schemas';

/** Fields a newer version may recompute (search keys, this device's write marks). */
const DERIVED = new Set(['sortKey', 'nameTokens', 'phoneKeys', 'tagKeys', 'emailKeys', 'cityKeys']);
const DATA_TABLES = [
  'contacts',
  'notes',
  'followUps',
  'templates',
  'settings',
  'sales',
  'ledger',
  'feedback',
] as const;

type Row = Record<string, unknown> & { id: string };

const withoutDerived = (row: Row) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !DERIVED.has(k) && k !== '_localStamp'));

function rowsOf(v: EarlierVersion, table: string): Row[] {
  return (v.dump[table] ?? []) as Row[];
}

function contactNamed(v: EarlierVersion, name: string): Row {
  const found = rowsOf(v, 'contacts').find((c) => c.name === name);
  if (!found) throw new Error(`fixture has no contact ${name}`);
  return found;
}

/** What a user sees of the fixture book must be the same after the upgrade. */
async function expectSameBook(repos: Repositories, v: EarlierVersion): Promise<void> {
  const siti = contactNamed(v, 'Siti Rahayu');
  const twin = contactNamed(v, 'Siti Rahayu (HP lama)');
  const found = await repos.contacts.search('siti rah');
  expect(found.map((c) => c.id)).toContain(siti.id);
  expect((await repos.contacts.search('0812 3456')).map((c) => c.id)).toContain(siti.id);
  // The merged duplicate still resolves to the survivor; the deleted customer stays deleted.
  expect(await repos.contacts.resolveId(twin.id)).toBe(siti.id);
  expect(await repos.contacts.search('budi dihapus')).toEqual([]);
  const live = rowsOf(v, 'contacts').filter((c) => !c.deletedAt && !c.mergedInto).length;
  expect(await repos.contacts.count()).toBe(live);

  const loyalty = await repos.loyalty.contactLoyalty(siti.id);
  const sitiSales = rowsOf(v, 'sales').filter(
    (s) => (s.contactId === siti.id || s.contactId === twin.id) && s.kind === 'purchase',
  );
  expect(loyalty.purchases).toBe(sitiSales.length);
  const ledgerSum = rowsOf(v, 'ledger')
    .filter((e) => e.contactId === siti.id || e.contactId === twin.id)
    .reduce((n, e) => n + (e.points as number), 0);
  expect(loyalty.balance).toBeLessThanOrEqual(ledgerSum);
  expect(loyalty.balance).toBeGreaterThan(0);
}

describe.each(EARLIER_VERSIONS)('from schema v$version', (v) => {
  it('a database that version left opens today with every row and answer', async () => {
    const name = `upgrade-db-v${v.version}-${Math.random()}`;
    const old = new Dexie(name);
    old.version(v.version).stores(v.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) await table.bulkAdd(v.dump[table.name] ?? []);
    });
    old.close();

    const repos = await openRepositories(name);
    try {
      expect(repos.db.verno).toBeGreaterThanOrEqual(v.version);
      for (const table of DATA_TABLES) {
        const now = (await repos.db.table(table).toArray()) as Row[];
        expect(now.map(withoutDerived), table).toEqual(rowsOf(v, table).map(withoutDerived));
      }
      expect(await repos.db.history.count()).toBe(rowsOf(v, 'history').length);
      // The device keeps its identity, so its next stamps never collide with its old ones.
      const deviceId = rowsOf(v, 'meta').find((m) => m.key === 'deviceId' || m.id === 'deviceId');
      expect(repos.clock.deviceId).toBe((deviceId as unknown as { value: string }).value);
      await expectSameBook(repos, v);
    } finally {
      repos.db.close();
      await Dexie.delete(name);
    }
  });

  it('a backup that version wrote restores into the newest schema with every record', async () => {
    const read = await readKenalFile(JSON.stringify(v.backup), {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!read.ok) throw new Error(`backup refused: ${JSON.stringify(read.error)}`);
    const name = `upgrade-backup-v${v.version}-${Math.random()}`;
    const repos = await openRepositories(name);
    try {
      await repos.sync.restoreBackup(read.value.envelope);
      for (const table of DATA_TABLES) {
        const now = (await repos.db.table(table).toArray()) as Row[];
        const inFile = read.value.envelope.tables[table] as unknown as Row[];
        expect(now.map(withoutDerived), table).toEqual(inFile.map((r) => withoutDerived(r)));
      }
      await expectSameBook(repos, v);
    } finally {
      repos.db.close();
      await Dexie.delete(name);
    }
  });
});
