/**
 * The contact filters by stage and by last purchase read index ranges of the kept figures;
 * on any book they must pick exactly the contacts the replay of every sale picked
 * (matchesFilter over purchaseFacts, still the path while the figures are rebuilt). Random
 * books: contacts with and without a stage set by hand, purchases on whole days before "now"
 * (so the 90- and 180-day edges are hit to the millisecond), refunds and merges. The contact
 * page's stage and last purchase (contacts.facts) come from the same rows and are checked too.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import type { ContactFilter } from '../../../shared/contacts/filters';
import { FIGURES_VERSION } from '../../../shared/derived/customer-figures';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/schemas/contact';
import { openRepositories, type Repositories } from '../../../renderer/db';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-01T03:00:00.000Z');

let open: Repositories[] = [];
afterEach(async () => {
  for (const r of open) {
    r.db.close();
    await r.db.delete();
  }
  open = [];
});

interface Book {
  contacts: { stage: LifecycleStage | null; vip: boolean }[];
  sales: { c: number; daysAgo: number; refund: boolean }[];
  merges: { c: number; into: number }[];
}

const bookArb: fc.Arbitrary<Book> = fc.record({
  contacts: fc.array(
    fc.record({
      stage: fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: null }),
      vip: fc.boolean(),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  sales: fc.array(
    fc.record({
      c: fc.nat({ max: 9 }),
      // Whole days (the edges exactly), and some moments in between.
      daysAgo: fc.oneof(
        fc.constantFrom(0, 1, 30, 89, 90, 91, 179, 180, 181, 400),
        fc.double({ min: 0, max: 500, noNaN: true }),
      ),
      refund: fc.boolean(),
    }),
    { maxLength: 25 },
  ),
  merges: fc.array(fc.record({ c: fc.nat({ max: 9 }), into: fc.nat({ max: 9 }) }), {
    maxLength: 2,
  }),
});

const FILTERS: ContactFilter[] = [
  ...LIFECYCLE_STAGES.map((s) => ({ stages: [s] })),
  { stages: ['at-risk', 'churned'] },
  { stages: ['new', 'lead'], tags: ['vip'] },
  { noPurchaseDays: 90 },
  { noPurchaseDays: 0 },
  { noPurchaseDays: 180, tags: ['vip'] },
  { lastPurchaseBefore: '2026-03-03' },
  { lastPurchaseAfter: '2026-03-03' },
  { lastPurchaseAfter: '2025-12-01', lastPurchaseBefore: '2026-05-02' },
  { lastPurchaseAfter: '2026-05-02', lastPurchaseBefore: '2025-12-01' },
  { stages: ['active', 'loyal', 'new'], noPurchaseDays: 30 },
];

async function build(book: Book): Promise<Repositories> {
  const r = await openRepositories(`filters-figures-${Math.random()}`);
  open.push(r);
  const ids: string[] = [];
  for (const [i, c] of book.contacts.entries()) {
    const made = await r.contacts.create({
      ...emptyContactInput(),
      name: `Pelanggan ${i}`,
      tags: c.vip ? ['vip'] : [],
      ...(c.stage ? { stage: c.stage } : {}),
    });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    ids.push(made.value.id);
  }
  for (const s of book.sales) {
    const contactId = ids[s.c % ids.length]!;
    const at = new Date(NOW.getTime() - s.daysAgo * DAY).toISOString();
    const sold = await r.loyalty.recordSale({
      contactId,
      amount: 100_000,
      at,
      paymentMethod: 'cash',
    });
    if (!sold.ok) throw new Error(JSON.stringify(sold));
    if (s.refund) {
      const refunded = await r.loyalty.refundSale({ saleId: sold.sale.id, amount: 100_000, at });
      if (!refunded.ok) throw new Error(JSON.stringify(refunded));
    }
  }
  for (const m of book.merges) {
    const a = ids[m.c % ids.length]!;
    const b = ids[m.into % ids.length]!;
    if (a === b) continue;
    const [ra, rb] = await r.db.contacts.bulkGet([a, b]);
    if (ra?.mergedInto || rb?.mergedInto) continue;
    await r.contacts.merge(a, b);
  }
  return r;
}

async function listBothWays(r: Repositories, filter: ContactFilter): Promise<[string[], string[]]> {
  const fast = (await r.contacts.listIds('', filter, undefined, NOW)).hits.all();
  await r.db.meta.put({ key: 'figures.version', value: 'stale:test' });
  const slow = (await r.contacts.listIds('', filter, undefined, NOW)).hits.all();
  await r.db.meta.put({ key: 'figures.version', value: String(FIGURES_VERSION) });
  return [fast, slow];
}

describe('contact filters from the kept figures', () => {
  it('pick the same contacts as the replay of every sale, on any book', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, async (book) => {
        const r = await build(book);
        for (const filter of FILTERS) {
          const [fast, slow] = await listBothWays(r, filter);
          expect({ filter, ids: fast }).toEqual({ filter, ids: slow });
        }
        // The contact page's stage and last purchase: one kept row against the sales.
        const live = (await r.contacts.listIds('', {}, undefined, NOW)).hits.all();
        const facts = () => Promise.all(live.map((id) => r.contacts.facts(id, NOW)));
        const fast = await facts();
        await r.db.meta.put({ key: 'figures.version', value: 'stale:test' });
        expect(fast).toEqual(await facts());
        await r.db.meta.put({ key: 'figures.version', value: String(FIGURES_VERSION) });
        r.db.close();
        await r.db.delete();
        open = open.filter((x) => x !== r);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('read no sale while the figures are ready', async () => {
    const r = await build({
      contacts: [
        { stage: null, vip: false },
        { stage: 'loyal', vip: false },
      ],
      sales: [
        { c: 0, daysAgo: 100, refund: false },
        { c: 1, daysAgo: 10, refund: true },
      ],
      merges: [],
    });
    const sales = r.db.sales;
    const original = sales.toArray.bind(sales);
    let scans = 0;
    sales.toArray = () => {
      scans++;
      return original();
    };
    const names = async (filter: ContactFilter) =>
      (await r.contacts.list('', filter, undefined, NOW)).map((c) => c.name);
    expect(await names({ stages: ['at-risk'] })).toEqual(['Pelanggan 0']);
    expect(await names({ stages: ['loyal'] })).toEqual(['Pelanggan 1']);
    expect(await names({ noPurchaseDays: 90 })).toEqual(['Pelanggan 0', 'Pelanggan 1']);
    expect(scans).toBe(0);
  });
});
