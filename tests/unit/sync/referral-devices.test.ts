/**
 * The referral bonus across devices (issue #21): two devices that both record the new
 * customer's first purchase make one entry (its id is derived from the new customer), and two
 * duplicates of one new customer made on two devices, each bringing the referrer a bonus, count
 * once after they are merged, on every device.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { DEFAULT_RULE } from '../../../shared/loyalty/rules';
import type { Repositories } from '../../../renderer/db';
import { exportSyncText, importSyncText, openDevice } from './device';

const open: Repositories[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) {
    r.db.close();
    await r.db.delete();
  }
});

async function device(label: string) {
  const r = await openDevice(label);
  open.push(r);
  return r;
}

async function exchange(a: Repositories, b: Repositories) {
  const fromA = await exportSyncText(a);
  const fromB = await exportSyncText(b);
  await importSyncText(b, fromA);
  await importSyncText(a, fromB);
}

async function person(r: Repositories, name: string, phone: string, referredBy?: string) {
  const c = await r.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw: phone }],
    ...(referredBy ? { referredBy } : {}),
  });
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return c.value.id;
}

async function buy(r: Repositories, contactId: string) {
  const s = await r.loyalty.recordSale({
    contactId,
    amount: 50_000,
    at: new Date().toISOString(),
  });
  if (!s.ok) throw new Error(s.error);
  return s;
}

const referralEntries = async (r: Repositories, referrer: string) =>
  (await r.db.ledger.where('contactId').equals(referrer).toArray()).filter(
    (e) => e.reason === 'referral',
  );

/** Two devices that share the referrer and a rule giving 30 points a referral. */
async function twoDevices() {
  const a = await device('a');
  const b = await device('b');
  await a.loyalty.saveRuleVersion({ ...DEFAULT_RULE, referralBonus: 30 });
  const rina = await person(a, 'Rina Wati', '0812 1111 2222');
  await exchange(a, b);
  return { a, b, rina };
}

describe('referral bonus on two devices', () => {
  it('the same first purchase recorded on both devices makes one entry', async () => {
    const { a, b, rina } = await twoDevices();
    const nadia = await person(a, 'Nadia', '0813 3333 4444', rina);
    await exchange(a, b);
    // Both record a sale for Nadia offline: each sees it as her first purchase.
    expect((await buy(a, nadia)).referral?.points).toBe(30);
    expect((await buy(b, nadia)).referral?.points).toBe(30);
    await exchange(a, b);
    await exchange(a, b);
    for (const r of [a, b]) {
      expect(await referralEntries(r, rina)).toHaveLength(1);
      expect((await r.loyalty.contactLoyalty(rina)).balance).toBe(30);
    }
  });

  it('duplicates of the new customer made on two devices count once after a merge', async () => {
    const { a, b, rina } = await twoDevices();
    // The same new customer typed in on each device, offline, each buying once.
    const onA = await person(a, 'Nadia', '0813 3333 4444', rina);
    const onB = await person(b, 'Nadia', '0813 3333 4444', rina);
    await buy(a, onA);
    await buy(b, onB);
    await exchange(a, b);
    // Before anyone knows they are one person, the referrer has two referrals.
    expect((await a.loyalty.contactLoyalty(rina)).balance).toBe(60);

    await a.contacts.merge(onB, onA);
    await exchange(a, b);
    for (const r of [a, b]) {
      // Both entries stay (events are never dropped); one counts.
      expect(await referralEntries(r, rina)).toHaveLength(2);
      expect((await r.loyalty.contactLoyalty(rina)).balance).toBe(30);
    }
    // The merged customer's next purchase on either device brings no new referral.
    expect((await buy(b, onA)).referral).toBeNull();
    expect((await buy(a, onB)).referral).toBeNull();
  });
});
