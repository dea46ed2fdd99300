import { describe, expect, it } from 'vitest';
import { createMutable } from '../../../shared/records';
import type { Note, Sale } from '../../../shared/schemas';
import { newId } from '../../../shared/ids';
import { ERASED_NAME, ERASED_TEXT } from '../../../shared/privacy/erase';
import { readKenalFile } from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import type { Repositories } from '../../../renderer/db';
import { exportSyncText, importSyncText, snapshot } from '../sync/device';
import {
  AT,
  expectNoPersonalData,
  leaksIn,
  openDevice,
  PERSONAL,
  personalLeft,
  seedCustomer,
} from './privacy-fixtures';

async function addNote(repos: Repositories, contactId: string, text: string) {
  const { db, clock } = repos;
  await db.transaction('rw', db.notes, db.meta, async () => {
    const note: Note = createMutable(
      { contactId, kind: 'note' as const, at: AT, text },
      { id: newId(), createdAt: AT, stamp: await clock.stamp() },
    );
    await db.notes.add(note);
  });
}

/** Device A and B both know Siti; each changed her address, and A merged B's change (a loser in history). */
async function twoDevicesWithConflict() {
  const a = await openDevice('a');
  const customer = await seedCustomer(a);
  const b = await openDevice('b');
  await importSyncText(b, await exportSyncText(a, true));
  await b.contacts.update(customer.id, {
    ...(await inputOf(b, customer.id)),
    address: PERSONAL.otherDeviceAddress,
  });
  await a.contacts.update(customer.id, { ...(await inputOf(a, customer.id)), address: 'Jl. A' });
  await importSyncText(a, await exportSyncText(b));
  // A note only B has: A never sees it before it erases Siti.
  await addNote(b, customer.id, PERSONAL.otherDeviceNote);
  return { a, b, customer };
}

async function inputOf(repos: Repositories, id: string) {
  const c = (await repos.contacts.get(id))!;
  return {
    name: c.name,
    phones: c.phones.map((p) => ({ label: p.label, raw: p.raw })),
    email: c.email ?? '',
    tags: c.tags,
    birthday: c.birthday ?? '',
    note: c.note,
  };
}

describe('erasing a customer (UU PDP)', { timeout: 60_000 }, () => {
  it('scrubs every personal field of the contact and its merged duplicate; events stay; history purged', async () => {
    const { a, customer } = await twoDevicesWithConflict();
    const other = await a.contacts.create({
      name: 'Budi Santoso',
      phones: [{ label: 'mobile', raw: '0857-1111-2222' }],
      email: '',
      tags: [],
      birthday: '',
      note: 'keeps his data',
    });
    expect(other.ok).toBe(true);
    // Before: the data is there, including a losing value kept in history.
    expect(await personalLeft(a)).toContain('otherDeviceAddress');
    expect(await a.db.history.count()).toBeGreaterThan(0);
    const salesBefore = await a.db.sales.toArray();

    const result = await a.privacy.eraseContact(customer.id);
    expect(result.contacts).toBe(2);

    await expectNoPersonalData(a);
    const siti = (await a.contacts.get(customer.id))!;
    expect(siti.name).toBe(ERASED_NAME);
    expect(siti.phones).toEqual([]);
    expect(siti.email ?? siti.address ?? siti.birthday ?? siti.city).toBeUndefined();
    expect(siti.note).toBe('');
    expect(siti.source).toBe('instagram');
    expect(siti.stamps.erasedAt).toBeDefined();
    const dup = (await a.contacts.get(customer.dupId))!;
    expect(dup.name).toBe(ERASED_NAME);
    expect(dup.mergedInto).toBe(customer.id);
    expect(await a.contacts.resolveId(customer.dupId)).toBe(customer.id);
    // Events stay as anonymous events: same ids, contacts, amounts, quantities and prices;
    // what was bought, as typed, is gone.
    const figures = (s: Sale) => ({
      id: s.id,
      contactId: s.contactId,
      kind: s.kind,
      at: s.at,
      amount: s.amount,
      invoiceNo: s.invoiceNo,
      paymentMethod: s.paymentMethod,
      lines: s.lines?.map((l) => [l.quantity, l.unitPrice, l.amount]),
    });
    const salesAfter = await a.db.sales.toArray();
    expect(salesAfter.map(figures)).toEqual(salesBefore.map(figures));
    expect(salesBefore[0]!.items).toBe(PERSONAL.saleItems);
    expect(salesAfter.map((s) => s.items)).toEqual([undefined]);
    expect(salesAfter[0]!.lines!.map((l) => l.item)).toEqual([undefined, undefined]);
    const ledger = await a.db.ledger.toArray();
    expect(ledger.reduce((n, e) => n + e.points, 0)).toBe(customer.points);
    expect(ledger.find((e) => e.kind === 'adjust')!.reason).toBe(ERASED_TEXT);
    const feedback = await a.db.feedback.toArray();
    expect(feedback.map((f) => [f.score, f.comment])).toEqual([[9, undefined]]);
    // The complaint still counts; what was said is gone. The follow-up is void.
    const complaint = (await a.db.notes.toArray()).find((n) => n.kind === 'complaint')!;
    expect([complaint.text, complaint.complaintStatus]).toEqual(['', 'open']);
    expect((await a.db.followUps.toArray()).every((f) => f.deletedAt !== undefined)).toBe(true);
    // No history of the erased records is left; other customers are untouched.
    expect(await a.db.history.count()).toBe(0);
    const budi = (await a.contacts.get(other.ok ? other.value.id : ''))!;
    expect([budi.name, budi.note]).toEqual(['Budi Santoso', 'keeps his data']);
    expect(await a.contacts.search('siti')).toEqual([]);
  });

  it('the erasure travels by sync: the file and every other device hold no personal value, and an older file never brings it back', async () => {
    const { a, b, customer } = await twoDevicesWithConflict();
    const before = await exportSyncText(a, true); // a sync file taken before the erasure
    expect(leaksIn(before).length).toBeGreaterThan(5);

    await a.privacy.eraseContact(customer.id);
    const erasure = await exportSyncText(a);
    // The records that travel carry no personal data.
    expect(leaksIn(erasure)).toEqual([]);

    // B had Siti, a concurrent edit of her address, a note A never saw, and history.
    expect(await personalLeft(b)).toContain('otherDeviceNote');
    const bBefore = await exportSyncText(b, true); // B's file from before it heard of it
    await importSyncText(b, erasure);
    await expectNoPersonalData(b);
    expect((await b.contacts.get(customer.id))!.name).toBe(ERASED_NAME);

    // A device that has only A's erasure, then gets B's old file: B's note arrives scrubbed.
    const d = await openDevice('d');
    await importSyncText(d, await exportSyncText(a, true));
    await importSyncText(d, bBefore);
    await expectNoPersonalData(d);

    // A -> B -> C: what B passes on is clean, and C converges with A and B.
    const c = await openDevice('c');
    const fromB = await exportSyncText(b, true);
    expect(leaksIn(fromB)).toEqual([]);
    await importSyncText(c, fromB);
    await importSyncText(a, fromB);
    await expectNoPersonalData(c);
    await expectNoPersonalData(a);

    // The old files, re-imported anywhere, resurrect nothing (B's note arrives scrubbed).
    for (const device of [a, b, c]) {
      await importSyncText(device, before);
      await importSyncText(device, bBefore);
      await expectNoPersonalData(device);
      expect((await device.contacts.get(customer.id))!.name).toBe(ERASED_NAME);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(await snapshot(c)).toEqual(await snapshot(a));
  });

  it('a device that gets the old file and the erasure in either order ends the same, with nothing personal', async () => {
    const a = await openDevice('a');
    const customer = await seedCustomer(a);
    const before = await exportSyncText(a, true);
    await a.privacy.eraseContact(customer.id);
    const after = await exportSyncText(a, true);

    const d1 = await openDevice('d1');
    await importSyncText(d1, before);
    await importSyncText(d1, after);
    const d2 = await openDevice('d2');
    await importSyncText(d2, after);
    await importSyncText(d2, before);
    await expectNoPersonalData(d1);
    await expectNoPersonalData(d2);
    expect(await snapshot(d1)).toEqual(await snapshot(a));
    expect(await snapshot(d2)).toEqual(await snapshot(a));
  });

  it('restoring a backup taken after the erasure keeps it erased on later merges', async () => {
    const a = await openDevice('a');
    const customer = await seedCustomer(a);
    const before = await exportSyncText(a, true);
    await a.privacy.eraseContact(customer.id);
    const backup = await a.sync.exportBackup('kenal@test');
    const b = await openDevice('b');
    const read = await readKenalFile(JSON.stringify(backup), {
      expectedKind: 'backup',
      schemaVersion: SCHEMA_VERSION,
    });
    if (!read.ok) throw new Error(read.error.code);
    await b.sync.restoreBackup(read.value.envelope);
    await importSyncText(b, before);
    await expectNoPersonalData(b);
  });
});
