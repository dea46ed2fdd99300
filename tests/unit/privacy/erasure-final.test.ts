/**
 * Erasure is final (issue #17, item 2): whatever a second device did before it heard of the
 * erasure (merged a duplicate into the erased customer, merged her into someone else, edited her
 * with a clock hours ahead), once both devices have both files no personal value is left on
 * either, and both hold the same tables.
 */
import { describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { formatStamp } from '../../../shared/hlc';
import type { Repositories } from '../../../renderer/db';
import { exportSyncText, importSyncText, snapshot } from '../sync/device';
import {
  expectNoPersonalData,
  leaksIn,
  openDevice,
  PERSONAL,
  seedCustomer,
} from './privacy-fixtures';

const HOUR = 3_600_000;

async function addPerson(repos: Repositories, name: string, raw: string, note: string) {
  const made = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw }],
    note,
  });
  if (!made.ok) throw new Error('contact not created');
  return made.value.id;
}

/** A has Siti and erases her; B, which had her before, acts without knowing; then they swap files. */
async function concurrently(onB: (b: Repositories, sitiId: string) => Promise<void>) {
  const a = await openDevice('a');
  const siti = await seedCustomer(a);
  const b = await openDevice('b');
  await importSyncText(b, await exportSyncText(a, true));
  await onB(b, siti.id);
  await a.privacy.eraseContact(siti.id);
  const fromA = await exportSyncText(a);
  const fromB = await exportSyncText(b);
  await importSyncText(a, fromB);
  await importSyncText(b, fromA);
  return { a, b, siti };
}

describe('erasure is final across devices', { timeout: 60_000 }, () => {
  it('a duplicate merged into the erased customer on the other device is erased too', async () => {
    const { a, b } = await concurrently(async (b, sitiId) => {
      const dup = await addPerson(b, PERSONAL.dupName, '0813-9999-0000', PERSONAL.contactNote);
      await b.contacts.merge(dup, sitiId);
    });
    await expectNoPersonalData(a);
    await expectNoPersonalData(b);
    expect(leaksIn(JSON.stringify(await snapshot(a)))).toEqual([]);
    expect(JSON.stringify(await snapshot(a))).not.toContain('0813');
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('the customer merged out into another contact on the other device: that contact holds her data, so it is erased', async () => {
    const { a, b } = await concurrently(async (b, sitiId) => {
      const other = await addPerson(b, 'Siti (new card)', '0813-7777-0000', 'vip');
      await b.contacts.merge(sitiId, other);
    });
    await expectNoPersonalData(a);
    await expectNoPersonalData(b);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('an edit from a device whose clock runs three hours ahead does not outlive the erasure', async () => {
    const { a, b, siti } = await concurrently(async (b, sitiId) => {
      const ahead = formatStamp({
        wall: Date.now() + 3 * HOUR,
        counter: 0,
        deviceId: b.clock.deviceId,
      });
      await b.db.meta.put({ key: 'hlc', value: ahead });
      const c = (await b.contacts.get(sitiId))!;
      const updated = await b.contacts.update(sitiId, {
        ...emptyContactInput(),
        name: c.name,
        phones: c.phones.map((p) => ({ label: p.label, raw: p.raw })),
        note: PERSONAL.otherDeviceAddress,
      });
      expect(updated.ok).toBe(true);
    });
    await expectNoPersonalData(a);
    await expectNoPersonalData(b);
    expect((await b.contacts.get(siti.id))!.note).toBe('');
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });
});
