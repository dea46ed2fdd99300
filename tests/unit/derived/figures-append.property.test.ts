/**
 * The incremental step of the kept figures (shared/derived/figures-append.ts) equals the one
 * full recomputation: for any history and any events after it, appending the events to the
 * kept row gives exactly customerFigures(history + events). Histories mix purchases, partial
 * and full refunds, earns, redemptions, downward adjustments (overdrafts), reversals and
 * bonuses; rules change expiry months mid-way (lots then do not expire in earned order) and
 * the shop is in Jakarta (visit days on its calendar).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerFigures,
  sameFigures,
  type ContactFact,
  type LedgerEvent,
  type SaleEvent,
} from '../../../shared/derived/customer-figures';
import { appendToFigures } from '../../../shared/derived/figures-append';
import type { HlcStamp } from '../../../shared/hlc';
import { DEFAULT_RULE, type LoyaltyRules } from '../../../shared/loyalty/rules';

const DAY = 86_400_000;
const T0 = Date.parse('2024-01-01T03:00:00.000Z');
const RULES: LoyaltyRules = {
  versions: [
    { ...DEFAULT_RULE, expiryMonths: 12 },
    { ...DEFAULT_RULE, id: 'v2', effectiveFrom: '2024-06-01T00:00:00.000Z', expiryMonths: 3 },
    { ...DEFAULT_RULE, id: 'v3', effectiveFrom: '2025-03-01T00:00:00.000Z', expiryMonths: 0 },
  ],
  timeZone: 'Asia/Jakarta',
};

const iso = (ms: number) => new Date(ms).toISOString();
type SaleFields = Pick<SaleEvent, 'id' | 'kind' | 'at' | 'amount'> & Partial<SaleEvent>;
const sale = (f: SaleFields): SaleEvent => ({
  contactId: 'c1',
  createdAt: f.at,
  updatedAt: `${String(Date.parse(f.at)).padStart(15, '0')}-00000-dev1` as HlcStamp,
  ...f,
});

/** Minutes from T0: hours apart, so several land on one day and some days are skipped. */
const when = fc.integer({ min: 0, max: 700 * 24 * 60 });

type Raw =
  | { t: 'sale'; at: number; amount: number }
  | { t: 'refund'; at: number; of: number; share: number }
  | { t: 'ledger'; at: number; points: number; kind: 'earn' | 'redeem' | 'adjust' | 'bonus' }
  | { t: 'reversal'; at: number; of: number; points: number };

const rawArb: fc.Arbitrary<Raw> = fc.oneof(
  fc.record({
    t: fc.constant('sale' as const),
    at: when,
    amount: fc.integer({ min: 1_000, max: 900_000 }),
  }),
  fc.record({
    t: fc.constant('refund' as const),
    at: when,
    of: fc.nat(),
    share: fc.constantFrom(0.5, 1, 1.5),
  }),
  fc.record({
    t: fc.constant('ledger' as const),
    at: when,
    points: fc.integer({ min: 1, max: 80 }),
    kind: fc.constantFrom('earn' as const, 'redeem' as const, 'adjust' as const, 'bonus' as const),
  }),
  fc.record({
    t: fc.constant('reversal' as const),
    at: when,
    of: fc.nat(),
    points: fc.integer({ min: 1, max: 80 }),
  }),
);

function history(raw: Raw[]): { sales: SaleEvent[]; ledger: LedgerEvent[] } {
  const sales: SaleEvent[] = [];
  const ledger: LedgerEvent[] = [];
  raw.forEach((r, i) => {
    const id = `h${String(i).padStart(4, '0')}`;
    const at = iso(T0 + r.at * 60_000);
    if (r.t === 'sale') sales.push(sale({ id, kind: 'purchase', at, amount: r.amount }));
    else if (r.t === 'refund') {
      const buys = sales.filter((s) => s.kind === 'purchase');
      const of = buys[r.of % Math.max(1, buys.length)];
      if (of)
        sales.push(
          sale({
            id,
            kind: 'refund',
            at,
            amount: Math.round(of.amount * r.share),
            reversesId: of.id,
          }),
        );
    } else if (r.t === 'ledger') {
      const debit = r.kind === 'redeem' || r.kind === 'adjust';
      ledger.push({
        id,
        kind: r.kind,
        at,
        points: debit ? -r.points : r.points,
        ...(r.kind === 'bonus' ? { reason: 'promo' } : {}),
      });
    } else {
      const credits = ledger.filter((e) => e.points > 0);
      const of = credits[r.of % Math.max(1, credits.length)];
      ledger.push({ id, kind: 'reversal', at, points: -r.points, reversesId: of?.id });
    }
  });
  return { sales, ledger };
}

/** Events after the history: a sale and its entries, minutes to months later. */
const appendArb = fc.record({
  sales: fc.array(
    fc.record({ gap: fc.integer({ min: 1, max: 200 * 24 * 60 }), amount: fc.nat(900_000) }),
    { maxLength: 3 },
  ),
  ledger: fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 200 * 24 * 60 }),
      points: fc.integer({ min: -150, max: 150 }),
    }),
    { maxLength: 4 },
  ),
});

/** A live contact, a deleted one and an erased one: only the first is on the gone-quiet index. */
const contactArb = fc.constantFrom<ContactFact>(
  { id: 'c1' },
  { id: 'c1', deletedAt: '2024-02-01T00:00:00.000Z' },
  { id: 'c1', stamps: { erasedAt: '001706745600000-00000-dev1' } },
);

const input = (sales: SaleEvent[], ledger: LedgerEvent[], contact: ContactFact = { id: 'c1' }) => ({
  id: 'c1',
  contact,
  aliases: ['c1'],
  sales,
  ledger,
  rules: RULES,
});

describe('appending events to the kept figures', () => {
  it('equals the full recomputation of the history with the events', () => {
    fc.assert(
      fc.property(fc.array(rawArb, { maxLength: 60 }), appendArb, contactArb, (raw, more, c) => {
        const h = history(raw);
        const kept = customerFigures(input(h.sales, h.ledger, c));
        const maxOf = (list: { at: string }[]) =>
          list.reduce((m, e) => Math.max(m, Date.parse(e.at)), T0);
        // Each new event is later than the ones before it (of its table); ties at the start.
        let saleAt = maxOf(h.sales.filter((s) => s.kind === 'purchase'));
        const sales: SaleEvent[] = more.sales.map((s, i) => {
          saleAt += s.gap * 60_000;
          return sale({ id: `n${i}`, kind: 'purchase', at: iso(saleAt), amount: s.amount });
        });
        let ledgerAt = maxOf(h.ledger) + 60_000;
        const ledger: LedgerEvent[] = more.ledger.map((e, i) => {
          ledgerAt += e.gap * 60_000;
          return {
            id: `m${i}`,
            kind: e.points > 0 ? 'earn' : e.points < 0 ? 'redeem' : 'adjust',
            at: iso(ledgerAt),
            points: e.points,
          };
        });
        const appended = appendToFigures(kept, { sales, ledger }, RULES);
        // The ordinary case always takes the step: new purchases and entries after the row.
        expect(appended).not.toBeNull();
        const full = customerFigures(input([...h.sales, ...sales], [...h.ledger, ...ledger], c));
        expect(appended).toEqual(full);
        expect(sameFigures(appended!, full)).toBe(true);
        // Nobody to win back: a deleted or erased contact is never on the gone-quiet index.
        if (c.deletedAt !== undefined || c.stamps !== undefined)
          expect(appended!.quietDueMs).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('declines what only a full recomputation can tell', () => {
    const h = {
      sales: [sale({ id: 's1', kind: 'purchase', at: iso(T0 + 5 * DAY), amount: 50_000 })],
      ledger: [{ id: 'l1', kind: 'earn' as const, at: iso(T0 + 5 * DAY), points: 5 }],
    };
    const kept = customerFigures(input(h.sales, h.ledger));
    const later = iso(T0 + 9 * DAY);
    const earlier = iso(T0 + 2 * DAY);
    const cases: { sales: SaleEvent[]; ledger: LedgerEvent[] }[] = [
      // A back-dated sale, a refund, a deleted sale.
      { sales: [sale({ id: 'b', kind: 'purchase', at: earlier, amount: 1 })], ledger: [] },
      {
        sales: [sale({ id: 'r', kind: 'refund', at: later, amount: 1, reversesId: 's1' })],
        ledger: [],
      },
      {
        sales: [sale({ id: 'd', kind: 'purchase', at: later, amount: 1, deletedAt: later })],
        ledger: [],
      },
      // A back-dated entry, a reversal, a welcome bonus (once per person).
      { sales: [], ledger: [{ id: 'e', kind: 'earn', at: earlier, points: 1 }] },
      {
        sales: [],
        ledger: [{ id: 'v', kind: 'reversal', at: later, points: -5, reversesId: 'l1' }],
      },
      {
        sales: [],
        ledger: [{ id: 'w', kind: 'bonus', at: later, points: 9, reason: 'welcome' }],
      },
    ];
    for (const c of cases) expect(appendToFigures(kept, c, RULES)).toBeNull();
  });
});
