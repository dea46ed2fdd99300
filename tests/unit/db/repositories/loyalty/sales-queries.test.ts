/**
 * The Sales screen's search reads its matches by index (the matching contacts' sales by
 * [contactId+at], invoice numbers by prefix) instead of walking every sale: on any book it must
 * list exactly what the walk over every sale listed (the model below: the rule the screen had),
 * in the same order and cut at the same row; and a query that matches nothing reads no sale.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { wordTokens, foldText } from '../../../../../shared/text';
import type { Sale } from '../../../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import type { SalesFilter } from '../../../../../renderer/db/repositories/loyalty';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-05T03:00:00.000Z');

let open: Repositories[] = [];
afterEach(async () => {
  for (const r of open) {
    r.db.close();
    await r.db.delete();
  }
  open = [];
});

const NAMES = ['Siti Aminah', 'Sari Dewi', 'Budi Santoso', 'Dewi Sartika', 'Ásti Nur'];
const INVOICES = ['INV-001', 'INV-002', 'inv-010', 'A-12', 'B-7', 'SI-9'];

interface Book {
  contacts: number[];
  sales: {
    c: number;
    day: number;
    invoice: number | null;
    refund: boolean;
    method: 'cash' | 'qris';
  }[];
}

const bookArb: fc.Arbitrary<Book> = fc.record({
  contacts: fc.array(fc.nat({ max: NAMES.length - 1 }), { minLength: 1, maxLength: 6 }),
  sales: fc.array(
    fc.record({
      c: fc.nat({ max: 5 }),
      // Few days, so several sales share a moment and the order falls to the id.
      day: fc.nat({ max: 6 }),
      invoice: fc.option(fc.nat({ max: INVOICES.length - 1 }), { nil: null }),
      refund: fc.boolean(),
      method: fc.constantFrom('cash' as const, 'qris' as const),
    }),
    { maxLength: 30 },
  ),
});

const QUERIES = [
  'si',
  'Sari',
  'dewi s',
  'asti',
  'inv',
  'INV-0',
  'a-1',
  'zzqx',
  'b',
  'santoso budi',
];
const FILTERS: Omit<SalesFilter, 'query'>[] = [
  {},
  { kind: 'purchase' },
  { paymentMethod: 'qris', fromMs: START + 2 * DAY, toMs: START + 5 * DAY },
];

async function build(book: Book): Promise<Repositories> {
  const r = await openRepositories(`sales-search-${Math.random()}`);
  open.push(r);
  const ids: string[] = [];
  for (const n of book.contacts) {
    const made = await r.contacts.create({ ...emptyContactInput(), name: NAMES[n]! });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    ids.push(made.value.id);
  }
  for (const s of book.sales) {
    const at = new Date(START + s.day * DAY).toISOString();
    const sold = await r.loyalty.recordSale({
      contactId: ids[s.c % ids.length]!,
      amount: 50_000,
      at,
      paymentMethod: s.method,
      ...(s.invoice !== null ? { invoiceNo: INVOICES[s.invoice]! } : {}),
    });
    if (!sold.ok) throw new Error(JSON.stringify(sold));
    if (s.refund) await r.loyalty.refundSale({ saleId: sold.sale.id, amount: 10_000, at });
  }
  return r;
}

/** The walk over every sale, newest first (the rule before the index). */
async function scan(r: Repositories, f: SalesFilter, limit: number): Promise<string[]> {
  const from = f.fromMs !== undefined ? new Date(f.fromMs).toISOString() : '';
  const to = f.toMs !== undefined ? new Date(f.toMs).toISOString() : '\uffff';
  const q = foldText(f.query ?? '');
  const words = q.split(' ');
  const contacts = await r.db.contacts.toArray();
  const named = new Set(
    contacts
      .filter((c) => words.every((w) => wordTokens(c.name).some((t) => t.startsWith(w))))
      .map((c) => c.id),
  );
  const all: Sale[] = await r.db.sales.toArray();
  return all
    .filter(
      (s) =>
        s.at >= from &&
        s.at <= to &&
        s.deletedAt === undefined &&
        (f.kind === undefined || s.kind === f.kind) &&
        (f.paymentMethod === undefined || s.paymentMethod === f.paymentMethod) &&
        (q === '' ||
          named.has(s.contactId) ||
          (s.invoiceNo !== undefined && foldText(s.invoiceNo).startsWith(q))),
    )
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit)
    .map((s) => s.id);
}

describe('sales search by index', () => {
  it('lists what the walk over every sale listed, on any book', async () => {
    await fc.assert(
      fc.asyncProperty(bookArb, fc.constantFrom(2, 200), async (book, limit) => {
        const r = await build(book);
        for (const query of QUERIES) {
          for (const base of FILTERS) {
            const filter = { ...base, query };
            const got = (await r.loyalty.listSales(filter, limit)).map((s) => s.id);
            expect({ filter, got }).toEqual({ filter, got: await scan(r, filter, limit) });
          }
        }
        r.db.close();
        await r.db.delete();
        open = open.filter((x) => x !== r);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('a query that matches nothing reads no sale row', async () => {
    const r = await build({
      contacts: [0, 1],
      sales: Array.from({ length: 20 }, (_, i) => ({
        c: i % 2,
        day: i % 5,
        invoice: i % INVOICES.length,
        refund: false,
        method: 'cash' as const,
      })),
    });
    const sales = r.db.sales;
    const where = sales.where.bind(sales);
    const walked: string[] = [];
    sales.where = ((index: string) => {
      walked.push(String(index));
      return where(index);
    }) as typeof sales.where;
    expect(await r.loyalty.listSales({ query: 'zzqx' })).toEqual([]);
    expect(walked).not.toContain('at');
    expect(await r.loyalty.listSales({ query: 'siti' })).toHaveLength(10);
    expect(walked).not.toContain('at');
  });
});
