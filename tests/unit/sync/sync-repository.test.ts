/**
 * The sync repository as a whole (renderer/db/repositories/sync/): export, merge, restore and
 * their interplay across devices, so it keeps this path. Pure parts: row-merge.test.ts and
 * mass-change.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatStamp, parseStamp } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { createMutable } from '../../../shared/records';
import type { Contact, ContactFields } from '../../../shared/schemas';
import {
  buildEnvelope,
  emptyTables,
  readKenalFile,
  serializeEnvelope,
} from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import {
  addSale,
  createContact,
  deleteContact,
  exportSyncText,
  importSyncText,
  openDevice,
  patchContact,
  redeem,
  reaward,
  snapshot,
} from './device';

describe('backup and restore', { timeout: 30_000 }, () => {
  it('restoring a backup on another device gives exactly the same data, replacing what was there', async () => {
    const a = await openDevice('a');
    const siti = await createContact(a, 'Siti Rahayu');
    const budi = await createContact(a, 'Budi');
    await patchContact(a, siti, { tags: ['vip'], city: 'Bandung' });
    await addSale(a, siti, 150_000);
    await redeem(a, siti, 50);
    await deleteContact(a, budi);
    const env = await a.sync.exportBackup('kenal@test');
    const text = serializeEnvelope(env);

    const b = await openDevice('b');
    await createContact(b, 'Someone only on B');
    const read = await readKenalFile(text, {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    await b.sync.restoreBackup(read.value.envelope);

    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await b.contacts.search('siti')).map((c) => c.name)).toEqual(['Siti Rahayu']);
    expect(await b.contacts.search('someone')).toEqual([]);
  });

  it("after a restore, other devices' sync-folder files are read again; the writer cursor stays", async () => {
    const a = await openDevice('a');
    await createContact(a, 'Siti Rahayu');
    const backup = await a.sync.exportBackup('kenal@test');
    const cursor = formatStamp({ wall: 1, counter: 0, deviceId: a.clock.deviceId });
    await a.sync.saveFolderState({
      ...(await a.sync.folderState()),
      folder: '/sync',
      cursor,
      devices: { BBBBBBBBBBBBBBBB: { upTo: '000000000001000-00000', merged: ['x.json'] } },
    });
    await a.sync.restoreBackup(backup);
    const state = await a.sync.folderState();
    expect(state.devices).toEqual({});
    expect(state.folder).toBe('/sync');
    expect(state.cursor).toBe(cursor);
  });

  it('a backup holds synced records only: no search keys, no local markers', async () => {
    const a = await openDevice();
    await createContact(a, 'Rina');
    const b = await openDevice();
    await importSyncText(b, await exportSyncText(a));
    const [contact] = (await b.sync.exportBackup('kenal@test')).tables.contacts;
    expect(Object.keys(contact!).sort()).toEqual(
      ['createdAt', 'id', 'name', 'note', 'phones', 'stamps', 'tags', 'updatedAt'].sort(),
    );
  });
});

describe('sync import', { timeout: 30_000 }, () => {
  it('importing the same file twice changes nothing the second time', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const c1 = await createContact(a, 'Made');
    await addSale(a, c1, 200_000);
    await createContact(b, 'Wayan');
    await patchContact(b, await createContact(b, 'X'), { note: 'b' });
    const text = await exportSyncText(a);

    const first = await importSyncText(b, text);
    expect(first).toMatchObject({ status: 'merged' });
    const after = await snapshot(b);
    const history = await b.sync.history();
    const second = await importSyncText(b, text);
    expect(second).toMatchObject({ status: 'merged', written: 0, conflicts: 0 });
    expect(await snapshot(b)).toEqual(after);
    expect(await b.sync.history()).toEqual(history);
    if (first.status === 'merged') {
      expect(first.summary.contacts.added).toBe(1);
      expect(first.summary.sales.added).toBe(1);
      expect(first.summary.ledger.added).toBe(1);
    }
  });

  it('two devices awarding the same sale make one ledger entry, the same on both', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const id = await createContact(a, 'Lina');
    const sale = await addSale(a, id, 120_000, false);
    await importSyncText(b, await exportSyncText(a));
    await reaward(b, sale);
    await reaward(a, sale);
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    await importSyncText(a, fromB);
    await importSyncText(b, fromA);
    await importSyncText(a, fromB);
    const [sa, sb] = [await snapshot(a), await snapshot(b)];
    expect(sa).toEqual(sb);
    expect(sa.ledger).toHaveLength(1);
    expect(sa.ledger[0]).toMatchObject({ saleId: sale, points: 120 });
  });

  it('changes travel A -> B -> C with "changes since last export" files', async () => {
    const [a, b, c] = [await openDevice(), await openDevice(), await openDevice()];
    // B has exported before, so its next file holds only what changed since then.
    await importSyncText(c, await exportSyncText(b));
    const made = await createContact(a, 'Dewi from A');
    await importSyncText(b, await exportSyncText(a));
    const fromB = await exportSyncText(b);
    await importSyncText(c, fromB);
    expect((await c.contacts.get(made))?.name).toBe('Dewi from A');
    // Nothing changed on B since: its next file is empty.
    const again = await readKenalFile(await exportSyncText(b), {
      expectedKind: 'sync',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(again.ok && Object.values(again.value.envelope.tables).flat()).toEqual([]);
  });

  it('a concurrent edit of one field: the later stamp wins on both devices, the other value is kept in history', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const id = await createContact(a, 'Ani');
    await importSyncText(b, await exportSyncText(a));
    await patchContact(a, id, { name: 'Ani Lestari' });
    await patchContact(b, id, { name: 'Bu Ani', city: 'Solo' });
    // Which edit is later is decided by the stamps, not by the order of the lines above.
    const aWins =
      (await a.db.contacts.get(id))!.stamps.name! > (await b.db.contacts.get(id))!.stamps.name!;
    const [winner, loser] = aWins ? ['Ani Lestari', 'Bu Ani'] : ['Bu Ani', 'Ani Lestari'];
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    await importSyncText(a, fromB);
    await importSyncText(b, fromA);
    expect(await snapshot(a)).toEqual(await snapshot(b));
    expect(await a.contacts.get(id)).toMatchObject({ name: winner, city: 'Solo' });
    for (const device of [a, b]) {
      expect(await device.sync.history()).toEqual([
        expect.objectContaining({ table: 'contacts', recordId: id, field: 'name', value: loser }),
      ]);
    }
  });

  it('a delete wins over an older edit; a newer edit of another field survives on the tombstone', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const id = await createContact(a, 'Joko');
    await importSyncText(b, await exportSyncText(a));
    await patchContact(b, id, { note: 'older edit on B' });
    await deleteContact(a, id);
    await patchContact(b, id, { city: 'Medan' });
    await importSyncText(a, await exportSyncText(b));
    const r = await importSyncText(b, await exportSyncText(a));
    expect(r).toMatchObject({ status: 'merged', summary: { contacts: { deleted: 1 } } });
    expect(await snapshot(a)).toEqual(await snapshot(b));
    const row = await b.db.contacts.get(id);
    expect(row?.deletedAt).toBeDefined();
    expect(row).toMatchObject({ city: 'Medan', note: 'older edit on B' });
  });

  it('a file that would delete a large share of the book asks first and writes nothing', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const ids = [];
    for (let i = 0; i < 10; i++) ids.push(await createContact(a, `Pelanggan ${i}`));
    await importSyncText(b, await exportSyncText(a));
    for (const id of ids.slice(0, 4)) await deleteContact(a, id);
    const text = await exportSyncText(a);
    const read = await readKenalFile(text, { expectedKind: 'sync', schemaVersion: SCHEMA_VERSION });
    if (!read.ok) throw new Error('unreadable');
    const before = await snapshot(b);
    const clockBefore = await b.db.meta.get('hlc');
    expect(await b.sync.importSync(read.value.envelope)).toEqual({
      status: 'needs-confirmation',
      removing: 4,
      liveContacts: 10,
    });
    expect(await snapshot(b)).toEqual(before);
    expect(await b.db.meta.get('hlc')).toEqual(clockBefore);
    const confirmed = await b.sync.importSync(read.value.envelope, { confirmMassDelete: true });
    expect(confirmed).toMatchObject({ status: 'merged', summary: { contacts: { deleted: 4 } } });
    expect(await b.contacts.count()).toBe(6);
  });

  it('a row stamped a year ahead is quarantined (it would win forever), and does not drag this clock along', async () => {
    const b = await openDevice();
    const future = Date.now() + 365 * 24 * 3600 * 1000;
    const stamp = formatStamp({ wall: future, counter: 0, deviceId: 'FFFFFFFFFFFFFFFF' });
    const contact: Contact = createMutable<ContactFields>(
      { name: 'Time traveller', phones: [], tags: [], note: '' },
      { id: newId(), createdAt: new Date().toISOString(), stamp },
    );
    const tables = { ...emptyTables(), contacts: [contact] };
    const env = await buildEnvelope({
      kind: 'sync',
      schemaVersion: SCHEMA_VERSION,
      app: 'kenal@test',
      deviceId: 'FFFFFFFFFFFFFFFF',
      exportedAt: new Date().toISOString(),
      since: null,
      tables,
    });
    const result = await b.sync.importSync(env);
    expect(result).toMatchObject({
      status: 'merged',
      written: 0,
      refused: { futureStamp: 1 },
      drift: { deviceId: 'FFFFFFFFFFFFFFFF' },
    });
    expect(await b.db.contacts.get(contact.id)).toBeUndefined();
    const next = await createContact(b, 'Normal');
    const row = await b.db.contacts.get(next);
    expect(parseStamp(row!.updatedAt).wall).toBeLessThan(future - 300 * 24 * 3600 * 1000);
  });

  it('an import moves the clock past the file, so a later local edit wins over it', async () => {
    const a = await openDevice();
    const b = await openDevice();
    const id = await createContact(a, 'Putri');
    await patchContact(a, id, { note: 'from A' });
    await importSyncText(b, await exportSyncText(a));
    await patchContact(b, id, { note: 'from B, after seeing A' });
    const bRow = await b.db.contacts.get(id);
    const aRow = await a.db.contacts.get(id);
    expect(bRow!.stamps.note! > aRow!.stamps.note!).toBe(true);
  });
});

describe('merging a pair in opposite directions on two devices', { timeout: 30_000 }, () => {
  it('keeps the customer visible on both devices, and both end the same', async () => {
    const a = await openDevice('a');
    const siti = await createContact(a, 'Siti Rahayu');
    const siti2 = await createContact(a, 'Siti R.');
    const b = await openDevice('b');
    await importSyncText(b, await exportSyncText(a, true));
    // Offline: A merges siti2 into siti, B merges siti into siti2.
    await a.contacts.merge(siti2, siti);
    await b.contacts.merge(siti, siti2);
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    await importSyncText(a, fromB);
    await importSyncText(b, fromA);
    // The repair writes on each device; one more exchange lets both see each other's repair.
    await importSyncText(a, await exportSyncText(b));
    await importSyncText(b, await exportSyncText(a));
    const survivor = [siti, siti2].sort()[0]!;
    for (const device of [a, b]) {
      const listed = (await device.contacts.search('siti')).map((c) => c.id);
      expect(listed).toEqual([survivor]);
      expect(await device.contacts.resolveId(siti)).toBe(survivor);
      expect(await device.contacts.resolveId(siti2)).toBe(survivor);
    }
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it('devices that each repair the cycle on their own already hold identical records', async () => {
    const a = await openDevice('a');
    const siti = await createContact(a, 'Siti Rahayu');
    const siti2 = await createContact(a, 'Siti R.');
    const b = await openDevice('b');
    await importSyncText(b, await exportSyncText(a, true));
    await a.contacts.merge(siti2, siti);
    await b.contacts.merge(siti, siti2);
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    // One exchange, no second round: each device finds the cycle and repairs it by itself.
    await importSyncText(a, fromB);
    await importSyncText(b, fromA);
    expect(await snapshot(a)).toEqual(await snapshot(b));
    // So a third device sees no difference between their files.
    const c = await openDevice('c');
    await importSyncText(c, await exportSyncText(a, true));
    expect(await importSyncText(c, await exportSyncText(b, true))).toMatchObject({ written: 0 });
  });
});
