/**
 * Refunds never exceed the sale after a merge (issue #17, item 6): two devices each refund the
 * same purchase in full while offline. After they swap files both refunds are kept (events are
 * never dropped), the over-refund is shown and a follow-up asks someone to resolve it, the
 * points of the sale are reversed once, and both devices hold the same tables. A forged file
 * that refunds a purchase ten times over gets the same treatment.
 */
import { describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { overRefundFollowUpId } from '../../../shared/loyalty/over-refund';
import { buildEnvelope, serializeEnvelope, type Tables } from '../../../shared/sync/envelope';
import type { Repositories } from '../../../renderer/db';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { exportSyncText, importSyncText, openDevice, snapshot } from './device';

const DAY = 86_400_000;

async function customerWithSale(amount = 300_000) {
  const a = await openDevice('a');
  const made = await a.contacts.create({
    ...emptyContactInput(),
    name: 'Dewi Lestari',
    phones: [{ label: 'mobile', raw: '0812-1111-2222' }],
  });
  if (!made.ok) throw new Error('contact not created');
  const contactId = made.value.id;
  const sold = await a.loyalty.recordSale({
    contactId,
    amount,
    at: new Date(Date.now() - 3 * DAY).toISOString(),
    paymentMethod: 'cash',
  });
  if (!sold.ok) throw new Error(sold.error);
  const b = await openDevice('b');
  await importSyncText(b, await exportSyncText(a, true));
  return { a, b, contactId, sale: sold.sale, earned: sold.earned };
}

async function refundInFull(repos: Repositories, saleId: string, amount: number, daysAgo = 1) {
  const r = await repos.loyalty.refundSale({
    saleId,
    amount,
    at: new Date(Date.now() - daysAgo * DAY).toISOString(),
  });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('a sale refunded on two devices', { timeout: 60_000 }, () => {
  it("the contact's summary read from the kept figures says what the events say", async () => {
    const { a, b, contactId, sale } = await customerWithSale();
    // A second purchase with a partial refund: it still counts as a purchase.
    const second = await a.loyalty.recordSale({
      contactId,
      amount: 200_000,
      at: new Date(Date.now() - 2 * DAY).toISOString(),
      paymentMethod: 'cash',
    });
    if (!second.ok) throw new Error(second.error);
    await refundInFull(a, second.sale.id, 50_000, 1);
    await importSyncText(b, await exportSyncText(a));
    // Offline, both devices refund the first purchase in full.
    await refundInFull(a, sale.id, sale.amount, 1);
    await refundInFull(b, sale.id, sale.amount, 1);
    const fromA = await exportSyncText(a);
    await importSyncText(a, await exportSyncText(b));
    await importSyncText(b, fromA);
    for (const device of [a, b]) {
      const { history, ...replayed } = await device.loyalty.contactLoyalty(contactId);
      expect(history.length).toBeGreaterThan(0);
      const kept = await device.loyalty.contactLoyalty(contactId, 30, { history: false });
      expect(kept).toEqual({ ...replayed, history: [] });
      expect(kept).toMatchObject({ purchases: 1, lifetimeSpend: 150_000 });
      expect(kept.overRefunds.map((o) => o.saleId)).toEqual([sale.id]);
    }
  });

  it('keeps both refunds, shows the over-refund, adds one follow-up and reverses the points once', async () => {
    const { a, b, contactId, sale, earned } = await customerWithSale();
    expect(earned).toBe(30);
    await refundInFull(a, sale.id, sale.amount, 1);
    await refundInFull(b, sale.id, sale.amount, 2);
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    const onA = await importSyncText(a, fromB);
    const onB = await importSyncText(b, fromA);

    for (const [device, result] of [
      [a, onA],
      [b, onB],
    ] as const) {
      expect(result.status).toBe('merged');
      if (result.status === 'merged') expect(result.overRefunded).toBe(1);
      const refunds = (await device.db.sales.toArray()).filter((s) => s.kind === 'refund');
      expect(refunds).toHaveLength(2);
      const loyalty = await device.loyalty.contactLoyalty(contactId);
      // Earned 30, reversed once: 0, not an overdraft of 30.
      expect(loyalty.balance).toBe(0);
      expect(loyalty.overdraft).toBe(0);
      expect(
        loyalty.history
          .filter((h) => h.kind === 'reversal')
          .map((h) => h.delta)
          .sort(),
      ).toEqual([-30, 0]);
      // The customer spent nothing on balance, not minus one sale.
      expect(loyalty.lifetimeSpend).toBe(0);
      expect(loyalty.overRefunds).toEqual([
        expect.objectContaining({ saleId: sale.id, saleAmount: 300_000, refunded: 600_000 }),
      ]);
      const rows = await device.loyalty.contactSales(contactId);
      expect(rows.find((r) => r.id === sale.id)?.refunded).toBe(600_000);
      const followUps = await device.db.followUps.where('contactId').equals(contactId).toArray();
      expect(followUps.map((f) => f.id)).toEqual([
        overRefundFollowUpId({ saleId: sale.id, saleAt: sale.at }),
      ]);
      expect(followUps[0]!.doneAt).toBeUndefined();
    }
    // One exchange round: identical tables on both devices.
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it('a third device that gets both files in either order ends with the same tables and one follow-up', async () => {
    const { a, b, sale } = await customerWithSale();
    await refundInFull(a, sale.id, sale.amount);
    await refundInFull(b, sale.id, sale.amount);
    const fromA = await exportSyncText(a);
    const fromB = await exportSyncText(b);
    const full = await exportSyncText(a, true);
    const c = await openDevice('c');
    const d = await openDevice('d');
    await importSyncText(c, full);
    await importSyncText(d, full);
    await importSyncText(c, fromA);
    await importSyncText(c, fromB);
    await importSyncText(d, fromB);
    await importSyncText(d, fromA);
    expect(await d.db.followUps.count()).toBe(1);
    expect(await snapshot(d)).toEqual(await snapshot(c));
    // Re-importing changes nothing and reports nothing new.
    const again = await importSyncText(c, fromB);
    expect(again.status === 'merged' && again.written).toBe(0);
    expect(again.status === 'merged' && again.overRefunded).toBe(0);
  });

  it('a follow-up the user closed or deleted is not made again by a later merge', async () => {
    const { a, b, sale } = await customerWithSale();
    await refundInFull(a, sale.id, sale.amount);
    await refundInFull(b, sale.id, sale.amount);
    await importSyncText(a, await exportSyncText(b));
    const id = overRefundFollowUpId({ saleId: sale.id, saleAt: sale.at });
    await a.timeline.removeFollowUp(id);
    await importSyncText(a, await exportSyncText(b, true));
    expect((await a.db.followUps.get(id))?.deletedAt).toBeDefined();
  });

  it('a partial refund on each device that adds up to no more than the sale is no over-refund', async () => {
    const { a, b, contactId, sale } = await customerWithSale();
    await refundInFull(a, sale.id, 100_000);
    await refundInFull(b, sale.id, 200_000);
    const onA = await importSyncText(a, await exportSyncText(b));
    expect(onA.status === 'merged' && onA.overRefunded).toBe(0);
    expect(await a.db.followUps.count()).toBe(0);
    expect((await a.loyalty.contactLoyalty(contactId)).balance).toBe(0);
  });
});

describe('attack: a forged file refunds a purchase ten times over', { timeout: 60_000 }, () => {
  it('the refund is kept and flagged, the points come back at most once, the spend is not negative', async () => {
    const { a, contactId, sale, earned } = await customerWithSale();
    // Another purchase the forged refund must not eat into.
    const other = await a.loyalty.recordSale({
      contactId,
      amount: 500_000,
      at: new Date(Date.now() - 2 * DAY).toISOString(),
      paymentMethod: 'cash',
    });
    if (!other.ok) throw new Error(other.error);
    const env = await a.sync.exportBackup('kenal@evil');
    const tables: Tables = structuredClone(env.tables);
    const earn = tables.ledger.find((e) => e.kind === 'earn' && e.saleId === sale.id)!;
    const at = new Date(Date.now() - DAY).toISOString();
    const stamp = sale.updatedAt.replace(/.{16}$/, 'EEEEEEEEEEEEEEEE') as typeof sale.updatedAt;
    const refundId = newId();
    tables.sales.push({
      id: refundId,
      createdAt: at,
      updatedAt: stamp,
      contactId,
      kind: 'refund',
      at,
      amount: sale.amount * 10,
      reversesId: sale.id,
    });
    tables.ledger.push({
      id: newId(),
      createdAt: at,
      updatedAt: stamp,
      contactId,
      kind: 'reversal',
      at,
      points: -earn.points * 10,
      saleId: refundId,
      reversesId: earn.id,
    });
    const forged = await buildEnvelope({
      kind: 'sync',
      schemaVersion: SCHEMA_VERSION,
      app: 'kenal@evil',
      deviceId: 'EEEEEEEEEEEEEEEE',
      exportedAt: new Date().toISOString(),
      since: null,
      tables,
    });
    const result = await importSyncText(a, serializeEnvelope(forged));
    expect(result.status === 'merged' && result.overRefunded).toBe(1);
    const loyalty = await a.loyalty.contactLoyalty(contactId);
    // 30 + 50 earned; the forged reversal takes back the first sale's 30 and nothing more.
    expect(earned + other.earned).toBe(80);
    expect(loyalty.balance).toBe(50);
    expect(loyalty.lifetimeSpend).toBe(500_000);
    expect(loyalty.overRefunds).toHaveLength(1);
    expect(
      await a.db.followUps.get(overRefundFollowUpId({ saleId: sale.id, saleAt: sale.at })),
    ).toBeDefined();
  });
});
