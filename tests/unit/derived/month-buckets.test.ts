/**
 * A customer's months (shared/derived/month-buckets.ts), summed over customers, give the
 * report's revenue trend (revenueByMonth over the dataset the reports repository builds):
 * revenue, orders and buyers per month, on random books with partial and whole refunds,
 * tombstoned events, and a time zone whose month starts differ from UTC's. Taking a customer's
 * old months away and adding the new ones (the upkeep's delta) equals summing afresh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  customerMonths,
  type MonthFigures,
} from '../../../shared/derived/month-buckets';
import type { LedgerEvent, SaleEvent } from '../../../shared/derived/customer-figures';
import { formatStamp } from '../../../shared/hlc';
import {
  DatasetBuilder,
  monthIndex,
  refundCancels,
  revenueByMonth,
  SALE_CANCEL,
  SALE_PURCHASE,
  SALE_REFUND,
} from '../../../shared/reports';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2025-01-01T00:00:00.000Z');
const WIB = 420;

interface Book {
  sales: SaleEvent[][];
  ledger: LedgerEvent[][];
}

const saleArb = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  // Minutes into the day: some sales fall on the other side of a month start in WIB.
  minute: fc.integer({ min: 0, max: 1439 }),
  amount: fc.integer({ min: 1_000, max: 500_000 }),
  refunds: fc.array(
    fc.record({ days: fc.integer({ min: 0, max: 60 }), share: fc.constantFrom(0.3, 0.5, 1) }),
    { maxLength: 2 },
  ),
  deleted: fc.boolean(),
});

const bookArb: fc.Arbitrary<Book> = fc
  .array(fc.array(saleArb, { maxLength: 6 }), { minLength: 1, maxLength: 6 })
  .map((customers) => {
    let n = 0;
    const id = () => `s${String(++n).padStart(5, '0')}`;
    const meta = {
      contactId: 'c',
      updatedAt: formatStamp({ wall: START, counter: 0, deviceId: '0123456789ABCDEF' }),
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    const sales = customers.map((list) =>
      list.flatMap((s) => {
        const at = START + s.day * DAY + s.minute * 60_000;
        const purchase: SaleEvent = {
          ...meta,
          id: id(),
          kind: 'purchase',
          at: new Date(at).toISOString(),
          amount: s.amount,
          ...(s.deleted && s.refunds.length === 0 ? { deletedAt: '1' } : {}),
        };
        const refunds: SaleEvent[] = s.refunds.map((r) => ({
          ...meta,
          id: id(),
          kind: 'refund',
          at: new Date(at + r.days * DAY).toISOString(),
          amount: Math.max(1, Math.floor(s.amount * r.share)),
          reversesId: purchase.id,
        }));
        return [purchase, ...refunds];
      }),
    );
    const ledger = sales.map((list) =>
      list.map((s): LedgerEvent => ({
        id: `l${s.id}`,
        kind: s.kind === 'purchase' ? 'earn' : 'reversal',
        at: s.at,
        points: (s.kind === 'purchase' ? 1 : -1) * Math.floor(s.amount / 10_000),
      })),
    );
    return { sales, ledger };
  });

/** The trend as the reports screen computes it, from the dataset the repository builds. */
function reportTrend(book: Book, first: number, last: number) {
  const b = new DatasetBuilder();
  book.sales.forEach((list, c) => {
    const live = list.filter((s) => s.deletedAt === undefined);
    for (const s of live)
      if (s.kind === 'purchase') b.addSale(`c${c}`, Date.parse(s.at), s.amount, SALE_PURCHASE);
    const refunds = live.filter((s) => s.kind === 'refund');
    const byId = new Map(list.map((s) => [s.id, s]));
    const cancels = refundCancels(
      refunds.map((r) => ({ at: Date.parse(r.at), amount: r.amount })),
      refunds.map((r) => byId.get(r.reversesId!)),
    );
    refunds.forEach((r, i) =>
      b.addSale(`c${c}`, Date.parse(r.at), r.amount, cancels[i] ? SALE_CANCEL : SALE_REFUND),
    );
  });
  return revenueByMonth(b.build().dataset.sales, first, last, WIB);
}

function totalsOf(book: Book): Map<number, MonthFigures> {
  const totals = new Map<number, MonthFigures>();
  book.sales.forEach((list, c) => addMonths(totals, customerMonths(list, book.ledger[c]!, WIB), 1));
  return totals;
}

describe('month buckets', () => {
  it('summed over customers equal the report trend', () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const first = monthIndex(START, WIB) - 1;
        const last = monthIndex(START + 500 * DAY, WIB);
        const totals = totalsOf(book);
        const trend = reportTrend(book, first, last);
        for (const row of trend) {
          const t = totals.get(row.month);
          expect({
            revenue: t?.revenue ?? 0,
            orders: t?.orders ?? 0,
            buyers: t?.buyers ?? 0,
          }).toEqual({ revenue: row.revenue, orders: row.orders, buyers: row.buyers });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('updating one customer by delta equals summing afresh, points included', () => {
    fc.assert(
      fc.property(bookArb, bookArb, (book, other) => {
        const totals = totalsOf(book);
        // Customer 0's events change (a sale, a refund, a merge): old months out, new in.
        addMonths(totals, customerMonths(book.sales[0]!, book.ledger[0]!, WIB), -1);
        const changed: Book = {
          sales: [other.sales[0]!, ...book.sales.slice(1)],
          ledger: [other.ledger[0]!, ...book.ledger.slice(1)],
        };
        addMonths(totals, customerMonths(changed.sales[0]!, changed.ledger[0]!, WIB), 1);
        const fresh = totalsOf(changed);
        for (const k of new Set([...totals.keys(), ...fresh.keys()])) {
          const zero = { revenue: 0, orders: 0, buyers: 0, refunded: 0, pointsIn: 0, pointsOut: 0 };
          expect(totals.get(k) ?? zero).toEqual(fresh.get(k) ?? zero);
        }
      }),
      { numRuns: 200 },
    );
  });
});
