/** Tests the whole loyalty repository (renderer/db/repositories/loyalty/), through its index. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedId } from '../../../shared/ids';
import { emptyContactInput } from '../../../shared/contact-input';
import { DEFAULT_RULE } from '../../../shared/loyalty/rules';
import { mapSaleRow, SaleCollector } from '../../../shared/loyalty/sales-import';
import { ledgerEntrySchema, saleSchema, feedbackSchema } from '../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';

let repos: Repositories;
let loyalty: ReturnType<typeof createLoyaltyRepository>;
let clockNow: Date;
let dbCounter = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-loyalty-${++dbCounter}-${Date.now()}`);
  clockNow = new Date('2026-11-23T10:00:00+07:00');
  loyalty = createLoyaltyRepository(repos.db, repos.clock, () => clockNow);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name = 'Siti Rahayu', phone = '0812-3456-7890', birthday?: string) {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw: phone }],
    ...(birthday ? { birthday } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.id;
}

async function sale(contactId: string, amount: number, at = '2026-11-20T10:00:00+07:00') {
  const r = await loyalty.recordSale({ contactId, amount, at, paymentMethod: 'cash' });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('loyalty repository', () => {
  it('a sale earns points with an entry whose id is derived from the sale', async () => {
    const id = await contact();
    const r = await sale(id, 259_000);
    expect(r.earned).toBe(25);
    const entries = await repos.db.ledger.toArray();
    expect(entries).toHaveLength(1);
    expect(ledgerEntrySchema.safeParse(entries[0]).success).toBe(true);
    expect(saleSchema.safeParse(r.sale).success).toBe(true);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(25);
  });

  it('refuses a redemption above the balance and writes nothing', async () => {
    const id = await contact();
    await sale(id, 100_000);
    const r = await loyalty.redeem({ contactId: id, points: 11 });
    expect(r).toEqual({ ok: false, error: 'sales.errors.insufficientPoints', available: 10 });
    expect(await repos.db.ledger.count()).toBe(1);
    const ok = await loyalty.redeem({ contactId: id, points: 10 });
    expect(ok.ok).toBe(true);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(0);
  });

  it('a refund is a new event that reverses its share of the points; never more than the sale', async () => {
    const id = await contact();
    const { sale: s } = await sale(id, 300_000);
    const half = await loyalty.refundSale({
      saleId: s.id,
      amount: 150_000,
      at: '2026-11-21T10:00:00+07:00',
    });
    expect(half.ok && half.reversed).toBe(15);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(15);
    const tooMuch = await loyalty.refundSale({
      saleId: s.id,
      amount: 150_001,
      at: '2026-11-21T11:00:00+07:00',
    });
    expect(tooMuch).toEqual({ ok: false, error: 'sales.errors.refundTooMuch' });
    await loyalty.refundSale({ saleId: s.id, amount: 150_000, at: '2026-11-21T12:00:00+07:00' });
    expect((await loyalty.contactLoyalty(id)).balance).toBe(0);
    expect(await repos.db.sales.get(s.id)).toEqual(s); // the sale itself is untouched
    const rows = await loyalty.contactSales(id);
    expect(rows.find((x) => x.id === s.id)?.refunded).toBe(300_000);
  });

  it('gives the welcome bonus once, on the first purchase', async () => {
    await loyalty.saveRuleVersion({ ...DEFAULT_RULE, welcomeBonus: 50 });
    const id = await contact();
    expect((await sale(id, 10_000)).bonus).toBe(50);
    expect((await sale(id, 10_000)).bonus).toBe(0);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(52);
  });

  it('gives the birthday bonus once a year to members, however often it runs', async () => {
    await loyalty.saveRuleVersion({ ...DEFAULT_RULE, birthdayBonus: 20 });
    const member = await contact('Siti', '0812-3456-7890', '1990-11-20');
    const notMember = await contact('Budi', '0857-1111-2222', '1990-11-20');
    await sale(member, 10_000);
    expect(await loyalty.grantBirthdayBonuses()).toBe(1);
    expect(await loyalty.grantBirthdayBonuses()).toBe(0);
    expect((await loyalty.contactLoyalty(member)).balance).toBe(21);
    expect((await loyalty.contactLoyalty(notMember)).balance).toBe(0);
  });

  it("counts a merged duplicate's sales and points for the survivor", async () => {
    const a = await contact('Siti A', '0812-3456-7890');
    const b = await contact('Siti B', '0812-9999-0000');
    await sale(a, 100_000);
    await sale(b, 50_000);
    await repos.db.contacts.update(a, { mergedInto: b });
    const l = await loyalty.contactLoyalty(b);
    expect(l.balance).toBe(15);
    expect((await loyalty.contactSales(b)).length).toBe(2);
    // A sale recorded on the merged-away contact lands on the survivor.
    const r = await sale(a, 10_000);
    expect(r.sale.contactId).toBe(b);
  });

  it('a rule change applies from its date; earlier sales keep their points', async () => {
    const id = await contact();
    await sale(id, 100_000, '2026-11-01T10:00:00+07:00');
    await loyalty.saveRuleVersion({
      ...DEFAULT_RULE,
      id: 'v2',
      effectiveFrom: '2026-11-10T00:00:00+07:00',
      spendPerPoint: 1_000,
    });
    const after = await sale(id, 100_000, '2026-11-11T10:00:00+07:00');
    expect(after.earned).toBe(100);
    expect((await loyalty.contactLoyalty(id)).balance).toBe(110);
    expect((await loyalty.getRules()).versions).toHaveLength(2);
  });

  it('refuses invalid rules and invalid feedback with a message key', async () => {
    expect(await loyalty.saveRuleVersion({ ...DEFAULT_RULE, spendPerPoint: 0 })).toEqual({
      ok: false,
      error: 'sales.errors.rulesInvalid',
    });
    const id = await contact();
    expect(await loyalty.addFeedback({ contactId: id, type: 'csat', score: 6 })).toEqual({
      ok: false,
      error: 'sales.errors.scoreRange',
    });
    const ok = await loyalty.addFeedback({
      contactId: id,
      type: 'nps',
      score: 9,
      comment: 'Ramah',
    });
    expect(ok.ok && feedbackSchema.safeParse(ok.feedback).success).toBe(true);
    expect((await loyalty.contactFeedback(id)).map((f) => f.score)).toEqual([9]);
  });

  it('lists points expiring soon across contacts', async () => {
    const id = await contact();
    await sale(id, 100_000, '2025-12-10T10:00:00+07:00');
    const soon = await loyalty.expiringSoon(30);
    expect(soon).toEqual([
      expect.objectContaining({ contactId: id, points: 10, name: 'Siti Rahayu' }),
    ]);
    expect(await loyalty.expiringSoon(5)).toEqual([]);
  });

  it('imports sales all or nothing; a re-import adds nothing; customers matched by phone', async () => {
    const existing = await contact('Siti Rahayu', '0812-3456-7890');
    const mapping = { date: 0, invoiceNo: 1, phone: 2, name: 3, amount: 4 };
    const rows = [
      ['2026-10-01', 'INV-1', '+62 812 3456 7890', 'Siti', '100.000'],
      ['2026-10-02', 'INV-2', '0857-1111-2222', 'Budi', '50.000'],
      ['2026-10-03', 'INV-3', '0857 1111 2222', 'Budi S', '20.000'],
      ['2026-10-04', 'INV-4', '', 'Made Wirawan', '30.000'],
    ];
    const collect = () => {
      const c = new SaleCollector();
      rows.forEach((r, i) => {
        const m = mapSaleRow(r, mapping, 'dmy', i + 2);
        if (!m.ok) throw new Error(m.error.code);
        c.add(m.sale);
      });
      return c.sales();
    };
    const progress: number[] = [];
    const first = await loyalty.importSales(collect(), { awardPoints: true }, (d) =>
      progress.push(d),
    );
    expect(first).toEqual({ added: 4, skipped: 0, contactsCreated: 2, pointsAwarded: 20 });
    expect(progress.at(-1)).toBe(4);
    expect((await loyalty.contactLoyalty(existing)).balance).toBe(10);
    expect(await repos.contacts.count()).toBe(3);

    const again = await loyalty.importSales(collect(), { awardPoints: true });
    expect(again).toEqual({ added: 0, skipped: 4, contactsCreated: 0, pointsAwarded: 0 });
    expect(await repos.db.sales.count()).toBe(4);
    expect(await repos.db.ledger.count()).toBe(4);

    // Cancelled once the sales were written (before the transaction commits): everything is
    // rolled back.
    const base = collect()[0]!;
    const more = Array.from({ length: 5000 }, (_, i) => ({
      ...base,
      invoiceNo: `BULK-${i}`,
      id: derivedId(base.atMs, `invoice:BULK-${i}`),
    }));
    let cancel = false;
    await expect(
      loyalty.importSales(
        more,
        { awardPoints: true },
        (done) => {
          if (done >= 2000) cancel = true;
        },
        () => cancel,
      ),
    ).rejects.toThrow('Import cancelled');
    expect(cancel).toBe(true);
    expect(await repos.db.sales.count()).toBe(4);
  }, 60_000);
});
