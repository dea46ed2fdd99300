/**
 * Erasure is final for sales too (issue #17, invariant 2): a sale keeps what reports and the
 * kept figures add up (kind, time, amounts, quantities and prices, the ids that link it, the
 * invoice number, the payment method) and loses what was typed about the person (`items`, a
 * refund's reason, the line names). The import accepts that scrubbed copy for its original and
 * nothing else (shared/sync/guard.ts: events are immutable).
 */
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { EVENT_ERASURE, eraseEvent, eraseRecord } from '../../../shared/privacy/erase';
import { createEvent } from '../../../shared/records';
import { recordSchemas, saleLineSchema, saleSchema, type Sale } from '../../../shared/schemas';
import { screenIncoming } from '../../../shared/sync/guard';
import { mergeRecord } from '../../../shared/sync/merge';

const AT = '2026-03-01T08:00:00.000Z';
const CONTACT = '01JCC0000000000000000000CC';
const stamp = (ms: number, device = 'AAAAAAAAAAAAAAAA') =>
  formatStamp({ wall: Date.parse(AT) + ms, counter: 0, deviceId: device });
const ERASED_AT = stamp(3_600_000, 'EEEEEEEEEEEEEEEE');
const TYPED = 'Kue ulang tahun untuk Bu Ani, alamat Jl. Melati 7';

function checkoutSale(overrides: Partial<Sale> = {}): Sale {
  return createEvent(
    {
      contactId: CONTACT,
      kind: 'purchase' as const,
      at: AT,
      amount: 230_000,
      invoiceNo: 'INV-7',
      paymentMethod: 'transfer' as const,
      items: TYPED,
      pointsDiscount: 20_000,
      lines: [
        {
          item: 'Kue tart "Selamat ulang tahun Ani"',
          quantity: 1,
          unitPrice: 200_000,
          amount: 200_000,
        },
        { item: 'Lilin', quantity: 5, unitPrice: 10_000, amount: 50_000 },
      ],
      ...overrides,
    },
    { id: '01JSA0000000000000000000AA', createdAt: AT, stamp: stamp(0) },
  );
}

describe('erasing a sale', () => {
  it('drops the items text and every line name; keeps kind, time, amounts, quantities, prices and ids', () => {
    const sale = checkoutSale();
    const erased = eraseEvent('sales', sale, ERASED_AT);
    expect(erased.items).toBeUndefined();
    expect(erased.lines).toEqual([
      { quantity: 1, unitPrice: 200_000, amount: 200_000 },
      { quantity: 5, unitPrice: 10_000, amount: 50_000 },
    ]);
    const { items: _i, lines: _l, updatedAt: _u, ...kept } = sale;
    const { items: _i2, lines: _l2, updatedAt: _u2, ...keptAfter } = erased;
    expect(keptAfter).toEqual(kept);
    expect(JSON.stringify(erased)).not.toMatch(/Ani|Lilin|Melati/);
    // Still a valid sale, stamped at the erasure so it wins the events' merge rule.
    expect(saleSchema.safeParse(erased).success).toBe(true);
    expect(erased.updatedAt).toBe(ERASED_AT);
    expect(mergeRecord('sales', sale, erased).record).toEqual(erased);
    expect(mergeRecord('sales', erased, sale).record).toEqual(erased);
    // The original is not touched; scrubbing twice is scrubbing once.
    expect(sale.items).toBe(TYPED);
    expect(eraseEvent('sales', erased, ERASED_AT)).toBe(erased);
  });

  it('scrubs a refund reason; leaves a sale with nothing typed as it is', () => {
    const refund = checkoutSale({
      kind: 'refund',
      reversesId: '01JSA0000000000000000000BB',
      items: 'Bu Ani returned it, wrong size',
      lines: undefined,
      pointsDiscount: undefined,
    });
    const erased = eraseRecord('sales', refund, ERASED_AT);
    expect(erased.items).toBeUndefined();
    expect([erased.reversesId, erased.amount]).toEqual([refund.reversesId, refund.amount]);

    const plain = checkoutSale({
      items: undefined,
      lines: [{ quantity: 2, unitPrice: 5, amount: 10 }],
    });
    expect(eraseRecord('sales', plain, ERASED_AT)).toBe(plain);
  });

  it('a scrub stamped before a sale typed on a clock hours ahead still scrubs it, keeping its later updatedAt', () => {
    const ahead = checkoutSale();
    const later = { ...ahead, updatedAt: stamp(5 * 3_600_000, 'BBBBBBBBBBBBBBBB') };
    const erased = eraseEvent('sales', later, ERASED_AT);
    expect(erased.items).toBeUndefined();
    expect(erased.updatedAt).toBe(later.updatedAt);
  });
});

describe('the guard and a scrubbed sale', () => {
  const context = { maxWall: Infinity, erasedAt: ERASED_AT };
  const original = checkoutSale();
  const scrubbed = eraseEvent('sales', original, ERASED_AT);

  it('accepts the scrubbed copy for its original and the original for its scrubbed copy', () => {
    expect(screenIncoming('sales', original, scrubbed, context)).toEqual({ ok: true });
    expect(screenIncoming('sales', scrubbed, original, context)).toEqual({ ok: true });
  });

  it('refuses any other change of the body, scrubbed or not', () => {
    const changes: Partial<Sale>[] = [
      { amount: 1 },
      { at: '2026-03-02T08:00:00.000Z' },
      { kind: 'refund' },
      { invoiceNo: 'INV-8' },
      { paymentMethod: 'cash' },
      { pointsDiscount: undefined },
      { lines: [{ quantity: 1, unitPrice: 200_000, amount: 200_000 }] },
      { lines: [{ quantity: 9, unitPrice: 200_000, amount: 200_000 }, scrubbed.lines![1]!] },
      { contactId: '01JXX0000000000000000000XX' },
    ];
    for (const change of changes) {
      for (const base of [original, scrubbed]) {
        const forged = { ...base, ...change, updatedAt: stamp(7_200_000, 'FFFFFFFFFFFFFFFF') };
        expect(screenIncoming('sales', scrubbed, forged, context), JSON.stringify(change)).toEqual({
          ok: false,
          reason: 'eventChanged',
        });
      }
    }
  });

  it('without a known erasure, a scrubbed copy is another body (refused)', () => {
    expect(screenIncoming('sales', original, scrubbed, { maxWall: Infinity })).toEqual({
      ok: false,
      reason: 'eventChanged',
    });
  });
});

describe('every field of an event is decided', () => {
  // A new field on an event must be placed here: kept (reports add it up) or typed (erased).
  const KEPT = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'contactId', 'at'];
  const DECIDED: Record<'sales' | 'ledger' | 'feedback', { kept: string[]; erased: string[] }> = {
    sales: {
      kept: [
        ...KEPT,
        'kind',
        'amount',
        'invoiceNo',
        'paymentMethod',
        'pointsDiscount',
        'reversesId',
      ],
      erased: ['items', 'lines'],
    },
    ledger: {
      kept: [...KEPT, 'kind', 'points', 'saleId', 'reversesId', 'referredId', 'ruleId'],
      erased: ['reason'],
    },
    feedback: { kept: [...KEPT, 'type', 'score', 'saleId', 'noteId'], erased: ['comment'] },
  };
  const shapeOf = (schema: unknown) => Object.keys((schema as { shape: object }).shape).sort();

  it('sales, ledger and feedback: each field is kept or erased, and the erased ones are the rule’s', () => {
    for (const [table, { kept, erased }] of Object.entries(DECIDED)) {
      const t = table as keyof typeof DECIDED;
      expect(shapeOf(recordSchemas[t]), table).toEqual([...kept, ...erased].sort());
      const spec = EVENT_ERASURE[t]!;
      expect(
        [
          ...spec.drop,
          ...Object.keys(spec.placeholders),
          ...Object.keys(spec.dropInLists ?? {}),
        ].sort(),
        table,
      ).toEqual([...erased].sort());
    }
    // A sale line: the name is typed, the figures are kept.
    expect(shapeOf(saleLineSchema)).toEqual(['amount', 'item', 'quantity', 'unitPrice']);
    expect(EVENT_ERASURE.sales!.dropInLists).toEqual({ lines: ['item'] });
  });
});
