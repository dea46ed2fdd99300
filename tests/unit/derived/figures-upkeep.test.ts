import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';
import { FIGURES_VERSION } from '../../../shared/derived/customer-figures';

let repos: Repositories;
let loyalty: ReturnType<typeof createLoyaltyRepository>;
let n = 0;
const now = new Date('2026-11-23T10:00:00+07:00');

beforeEach(async () => {
  repos = await openRepositories(`test-figures-${++n}-${Math.random()}`);
  loyalty = createLoyaltyRepository(repos.db, repos.clock, () => now);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name: string, birthday?: string) {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    ...(birthday ? { birthday } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.id;
}

describe('kept figures', () => {
  it('a sale updates the customer row in its own transaction', async () => {
    const id = await contact('Siti', '1990-05-17');
    expect((await repos.db.customerFigures.get(id))?.birthdayMD).toBe('05-17');
    const r = await loyalty.recordSale({
      contactId: id,
      amount: 259_000,
      at: '2026-11-20T10:00:00+07:00',
      paymentMethod: 'cash',
    });
    expect(r.ok).toBe(true);
    const row = await repos.db.customerFigures.get(id);
    expect(row).toMatchObject({ purchases: 1, netSpend: 259_000, balanceAsOf: 25, live: 1 });
    expect(row?.expiryKeys).toHaveLength(1);
  });

  it('a merge moves the figures to the survivor', async () => {
    const a = await contact('Siti A');
    const b = await contact('Siti B');
    await loyalty.recordSale({
      contactId: a,
      amount: 100_000,
      at: '2026-11-20T10:00:00+07:00',
      paymentMethod: 'cash',
    });
    await repos.contacts.merge(a, b);
    expect(await repos.db.customerFigures.get(a)).toBeUndefined();
    expect(await repos.db.customerFigures.get(b)).toMatchObject({ purchases: 1, balanceAsOf: 10 });
  });
});

describe('screens read the kept figures and show what the events say', () => {
  /** Each reader's answer with the figures, then with them marked stale (read from events). */
  async function bothWays<T>(read: () => Promise<T>): Promise<[T, T]> {
    const fast = await read();
    await repos.db.meta.put({ key: 'figures.version', value: 'stale:test' });
    const slow = await read();
    await repos.db.meta.put({ key: 'figures.version', value: String(FIGURES_VERSION) });
    return [fast, slow];
  }

  it('Today, the panel and the sale form agree with a replay of every event', async () => {
    const timeline = (
      await import('../../../renderer/db/repositories/timeline')
    ).createTimelineRepository(repos.db, repos.clock, () => now);
    const regular = await contact('Regular', '1990-11-25');
    const quiet = await contact('Quiet', '2000-02-29');
    const merged = await contact('Old number');
    // Points earned 11.5 months ago expire within the next 30 days; a weekly rhythm stopped.
    for (let w = 0; w < 12; w++) {
      const at = new Date(Date.parse('2025-12-10T10:00:00+07:00') + w * 7 * 86_400_000);
      await loyalty.recordSale({
        contactId: regular,
        amount: 150_000 + w * 1000,
        at: at.toISOString(),
        paymentMethod: 'cash',
      });
      await loyalty.recordSale({
        contactId: merged,
        amount: 90_000,
        at: at.toISOString(),
        paymentMethod: 'qris',
      });
    }
    await loyalty.recordSale({
      contactId: quiet,
      amount: 500_000,
      at: '2026-03-01T10:00:00+07:00',
      paymentMethod: 'cash',
    });
    // Two more who went quiet, then were erased and deleted: nobody Today may offer to win back.
    const erased = await contact('Erased');
    const deleted = await contact('Deleted');
    for (const id of [erased, deleted]) {
      for (let w = 0; w < 3; w++) {
        await loyalty.recordSale({
          contactId: id,
          amount: 80_000,
          at: new Date(Date.parse('2026-06-01T10:00:00+07:00') + w * 7 * 86_400_000).toISOString(),
          paymentMethod: 'cash',
        });
      }
    }
    await repos.privacy.eraseContact(erased);
    await repos.contacts.remove(deleted);
    await loyalty.redeem({ contactId: regular, points: 20 });
    const sale = (await repos.db.sales.toArray())[0]!;
    await loyalty.refundSale({ saleId: sale.id, amount: 50_000, at: '2026-03-05T10:00:00+07:00' });
    await repos.contacts.merge(merged, regular);

    const [expFast, expSlow] = await bothWays(() => loyalty.expiringSoon(30));
    expect(expFast.length).toBeGreaterThan(0);
    expect(expFast).toEqual(expSlow);
    const [quietFast, quietSlow] = await bothWays(() => timeline.goneQuiet());
    expect(quietFast.map((q) => q.contactId).sort()).toEqual([quiet, regular].sort());
    expect(quietFast).toEqual(quietSlow);
    const [bdFast, bdSlow] = await bothWays(() => timeline.upcomingBirthdays(7));
    expect(bdFast.map((b) => b.contact.id)).toEqual([regular]);
    expect(bdFast).toEqual(bdSlow);
    const [panel, full] = await bothWays(() =>
      loyalty.contactLoyalty(regular, 30, { history: false }),
    );
    expect(panel.balance).toBeGreaterThan(0);
    expect({ ...panel, history: [] }).toEqual({ ...full, history: [] });
    expect(await loyalty.contactLoyalty(regular)).toMatchObject({
      balance: panel.balance,
      tier: panel.tier,
    });
    const page = await loyalty.ledgerHistory(regular, 5);
    expect(page.rows).toEqual((await loyalty.contactLoyalty(regular)).history.slice(0, 5));
    const sales = await loyalty.contactSales(regular, 3);
    expect(sales).toEqual((await loyalty.contactSales(regular)).slice(0, 3));
  });
});

describe('cancelling the figures rebuild', () => {
  async function staleFigures() {
    await contact('Siti');
    await contact('Budi');
    await repos.db.meta.put({ key: 'figures.version', value: 'stale:test' });
  }

  it("stops when the caller's AbortSignal aborts, and the figures stay stale", async () => {
    await staleFigures();
    const stop = new AbortController();
    stop.abort();
    expect(await repos.derived.ensure(stop.signal)).toBe('cancelled');
    expect(await repos.derived.ready()).toBe(false);
    expect(await repos.derived.ensure()).toBe('done');
    expect(await repos.derived.ready()).toBe(true);
  });

  it('the cancel action aborts a running repair', async () => {
    await staleFigures();
    // Cancel as the progress bar would: once the rebuild reports that it runs.
    const stopWatching = repos.derived.watch((p) => {
      if (p) repos.derived.cancel();
    });
    expect(await repos.derived.repair()).toBe('cancelled');
    stopWatching();
    expect(await repos.derived.ready()).toBe(false);
  });

  it('a repair runs to the end when its signal is never aborted', async () => {
    expect(await repos.derived.repair(new AbortController().signal)).toBe('done');
    expect(await repos.derived.ready()).toBe(true);
  });
});
