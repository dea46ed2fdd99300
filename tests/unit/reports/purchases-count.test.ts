/**
 * #19.5: a sale refunded in full does not count in "Purchases: N" (nor as an order in the
 * reports, also when two partial refunds add up to it), and the restore preview counts the
 * contacts the list shows, not merged duplicates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { countedPurchases } from '../../../shared/loyalty/purchases';
import { applyPatch } from '../../../shared/records';
import { computeReport, DEFAULT_REPORT_SETTINGS } from '../../../shared/reports';
import { tableCounts, visibleTableCounts } from '../../../shared/sync/envelope';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';

describe('countedPurchases', () => {
  const buy = (id: string, amount: number) => ({ id, kind: 'purchase' as const, amount });
  const refund = (id: string, of: string, amount: number) => ({
    id,
    kind: 'refund' as const,
    amount,
    reversesId: of,
  });

  it('leaves out a purchase refunded in full, by one refund or several', () => {
    expect(countedPurchases([buy('a', 100), refund('r', 'a', 100)])).toBe(0);
    expect(countedPurchases([buy('a', 100), refund('r1', 'a', 40), refund('r2', 'a', 60)])).toBe(0);
  });

  it('keeps a partly refunded purchase and one with a refund of another sale', () => {
    expect(countedPurchases([buy('a', 100), refund('r', 'a', 99), buy('b', 5)])).toBe(2);
    expect(countedPurchases([buy('a', 0)])).toBe(1);
  });
});

describe('with the repositories', () => {
  let repos: Repositories;
  let loyalty: ReturnType<typeof createLoyaltyRepository>;
  let n = 0;
  const now = new Date('2026-11-23T10:00:00+07:00');

  beforeEach(async () => {
    repos = await openRepositories(`test-purchases-${++n}-${Date.now()}`);
    loyalty = createLoyaltyRepository(repos.db, repos.clock, () => now);
  });
  afterEach(async () => {
    repos.db.close();
    await repos.db.delete();
  });

  async function contact(name: string) {
    const r = await repos.contacts.create({ ...emptyContactInput(), name });
    if (!r.ok) throw new Error('contact not saved');
    return r.value.id;
  }
  async function sale(contactId: string, amount: number, at: string) {
    const r = await loyalty.recordSale({ contactId, amount, at, paymentMethod: 'cash' });
    if (!r.ok) throw new Error(r.error);
    return r.sale;
  }
  async function refund(saleId: string, amount: number, at: string) {
    const r = await loyalty.refundSale({ saleId, amount, at });
    if (!r.ok) throw new Error(r.error);
  }

  it('"Purchases: N" leaves out a fully refunded sale, keeps a partly refunded one', async () => {
    const id = await contact('Siti Rahayu');
    const a = await sale(id, 200_000, '2026-11-01T10:00:00+07:00');
    const b = await sale(id, 100_000, '2026-11-02T10:00:00+07:00');
    expect((await loyalty.contactLoyalty(id)).purchases).toBe(2);
    await refund(a.id, 200_000, '2026-11-03T10:00:00+07:00');
    await refund(b.id, 30_000, '2026-11-03T11:00:00+07:00');
    const l = await loyalty.contactLoyalty(id);
    expect(l.purchases).toBe(1);
    expect(l.lifetimeSpend).toBe(70_000);
  });

  it('the reports cancel an order refunded in two parts', async () => {
    const id = await contact('Budi Santoso');
    const a = await sale(id, 100_000, '2026-11-01T10:00:00+07:00');
    await sale(id, 50_000, '2026-11-02T10:00:00+07:00');
    await refund(a.id, 40_000, '2026-11-03T10:00:00+07:00');
    await refund(a.id, 60_000, '2026-11-04T10:00:00+07:00');
    const { dataset } = await repos.reports.loadDataset();
    const r = computeReport(dataset, {
      ...DEFAULT_REPORT_SETTINGS,
      period: {
        kind: 'custom',
        start: Date.parse('2026-11-01T00:00:00+07:00'),
        end: Date.parse('2026-12-01T00:00:00+07:00'),
      },
      compare: false,
      utcOffsetMinutes: 420,
    });
    expect(r.current.orders.orders).toBe(1);
    expect(r.current.orders.revenue).toBe(50_000);
  });

  it('the restore preview counts the contacts the list shows, not merged duplicates', async () => {
    const ids = await Promise.all(['A', 'B', 'C', 'A dup', 'B dup'].map(contact));
    for (const [dup, into] of [
      [ids[3]!, ids[0]!],
      [ids[4]!, ids[1]!],
    ] as const) {
      await repos.db.transaction('rw', repos.db.contacts, repos.db.meta, async () => {
        const row = (await repos.db.contacts.get(dup))!;
        const { record } = applyPatch(row, { mergedInto: into }, await repos.clock.stamp());
        await repos.db.contacts.put({ ...row, ...record });
      });
    }
    const envelope = await repos.sync.exportBackup('kenal-test');
    expect(tableCounts(envelope.tables).contacts).toBe(5);
    expect(visibleTableCounts(envelope.tables).contacts).toBe(3);
    expect((await repos.sync.counts()).contacts.live).toBe(3);
  });
});
