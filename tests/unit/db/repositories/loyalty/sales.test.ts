import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { DEFAULT_RULE } from '../../../../../shared/loyalty/rules';
import { ledgerEntrySchema, saleSchema } from '../../../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import { createLoyaltyRepository } from '../../../../../renderer/db/repositories/loyalty';

let repos: Repositories;
let loyalty: ReturnType<typeof createLoyaltyRepository>;
const NOW = new Date('2026-11-23T10:00:00+07:00');
let n = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-checkout-${++n}-${Date.now()}`);
  loyalty = createLoyaltyRepository(repos.db, repos.clock, () => NOW);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name: string, referredBy?: string) {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw: `0812${String(++n).padStart(8, '0')}` }],
    ...(referredBy ? { referredBy } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.id;
}

const lines = [
  { item: 'Kopi susu', quantity: 2, unitPrice: 18_000, amount: 36_000 },
  { item: 'Roti', quantity: 1, unitPrice: 24_000, amount: 24_000 },
];

describe('checkout', () => {
  it('one sale: lines kept, points off as a discount, earned on what was paid, new balance', async () => {
    const id = await contact('Siti Rahayu');
    await loyalty.recordSale({ contactId: id, amount: 1_000_000, at: '2026-11-20T10:00:00Z' });
    expect((await loyalty.contactLoyalty(id)).balance).toBe(100);

    const r = await loyalty.recordSale({
      contactId: id,
      amount: 60_000,
      at: NOW.toISOString(),
      lines,
      redeemPoints: 50,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.sale.amount).toBe(55_000);
    expect(r.sale.pointsDiscount).toBe(5_000);
    expect(r.sale.lines).toEqual(lines);
    expect(saleSchema.safeParse(r.sale).success).toBe(true);
    expect(r.earned).toBe(5);
    expect(r.redeemed).toBe(50);
    expect(r.balance).toBe(100 + 5 - 50);
    const entries = await repos.db.ledger.where('saleId').equals(r.sale.id).toArray();
    expect(entries.map((e) => [e.kind, e.points]).sort()).toEqual([
      ['earn', 5],
      ['redeem', -50],
    ]);
    for (const e of entries) expect(ledgerEntrySchema.safeParse(e).success).toBe(true);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(55);
  });

  it('a redemption above the balance writes nothing at all (no sale, no entry)', async () => {
    const id = await contact('Budi');
    await loyalty.recordSale({ contactId: id, amount: 200_000, at: '2026-11-20T10:00:00Z' });
    const before = [await repos.db.sales.count(), await repos.db.ledger.count()];
    const r = await loyalty.recordSale({
      contactId: id,
      amount: 60_000,
      at: NOW.toISOString(),
      lines,
      redeemPoints: 21,
    });
    expect(r).toEqual({ ok: false, error: 'checkout.errors.redeemTooMuch', max: 20 });
    expect([await repos.db.sales.count(), await repos.db.ledger.count()]).toEqual(before);
  });

  it('a program that forbids earning while redeeming earns nothing on that sale only', async () => {
    await loyalty.saveRuleVersion({ ...DEFAULT_RULE, earnWithRedemption: false });
    const id = await contact('Dewi');
    await loyalty.recordSale({ contactId: id, amount: 500_000, at: '2026-11-20T10:00:00Z' });
    const r = await loyalty.recordSale({
      contactId: id,
      amount: 60_000,
      at: NOW.toISOString(),
      redeemPoints: 10,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.earned).toBe(0);
    expect(r.earnBlocked).toBe(true);
    expect(r.balance).toBe(40);
  });

  it('refuses a redemption in a back-dated sale and lines that do not add up', async () => {
    const id = await contact('Eka');
    await loyalty.recordSale({ contactId: id, amount: 500_000, at: '2026-11-01T10:00:00Z' });
    expect(
      await loyalty.recordSale({
        contactId: id,
        amount: 60_000,
        at: '2026-11-10T10:00:00Z',
        redeemPoints: 10,
      }),
    ).toMatchObject({ ok: false, error: 'checkout.errors.redeemPastSale' });
    expect(
      await loyalty.recordSale({ contactId: id, amount: 61_000, at: NOW.toISOString(), lines }),
    ).toMatchObject({ ok: false, error: 'checkout.errors.linesTotal' });
  });

  it('suggests the items of recent sales', async () => {
    const id = await contact('Fajar');
    await loyalty.recordSale({ contactId: id, amount: 60_000, at: NOW.toISOString(), lines });
    expect(await loyalty.recentItems()).toEqual([
      { item: 'Kopi susu', unitPrice: 18_000 },
      { item: 'Roti', unitPrice: 24_000 },
    ]);
  });
});

describe('referral bonus', () => {
  it('goes to the referrer once, on the new customer’s first purchase', async () => {
    await loyalty.saveRuleVersion({ ...DEFAULT_RULE, referralBonus: 30 });
    const referrer = await contact('Rina');
    const newbie = await contact('Nadia', referrer);
    const first = await loyalty.recordSale({
      contactId: newbie,
      amount: 100_000,
      at: NOW.toISOString(),
    });
    expect(first).toMatchObject({ ok: true, referral: { points: 30, referrerId: referrer } });
    await loyalty.recordSale({ contactId: newbie, amount: 100_000, at: NOW.toISOString() });
    expect((await loyalty.contactLoyalty(referrer)).balance).toBe(30);
    const [entry] = await repos.db.ledger.where('contactId').equals(referrer).toArray();
    expect(entry).toMatchObject({ kind: 'bonus', reason: 'referral', referredId: newbie });
    expect(ledgerEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('gives nothing without a rule, and a customer cannot refer themselves', async () => {
    const referrer = await contact('Rina');
    const newbie = await contact('Nadia', referrer);
    const r = await loyalty.recordSale({
      contactId: newbie,
      amount: 100_000,
      at: NOW.toISOString(),
    });
    expect(r).toMatchObject({ ok: true, referral: null });
    const self = await repos.contacts.update(referrer, {
      ...emptyContactInput(),
      name: 'Rina',
      referredBy: referrer,
    });
    expect(self).toEqual({
      ok: false,
      error: {
        code: 'checkout.errors.referSelf',
        fields: [{ path: 'referredBy', message: 'checkout.errors.referSelf' }],
      },
    });
  });
});
