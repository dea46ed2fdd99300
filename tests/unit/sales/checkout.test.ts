import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDR } from '../../../shared/money';
import {
  checkoutLines,
  lineAmount,
  linesSummary,
  maxRedeemable,
  planCheckout,
  recentItemsOf,
} from '../../../shared/sales/checkout';
import { receiptRows, receiptText, type ReceiptWords } from '../../../shared/sales/receipt';

const rule = { enabled: true, pointValue: 100 };

describe('checkout lines', () => {
  it('adds quantity x unit price per line and leaves empty rows out', () => {
    const r = checkoutLines([
      { item: 'Kopi susu', quantity: 2, unitPrice: 18_000 },
      { item: '', quantity: null, unitPrice: null },
      { item: 'Gula 1.5 kg', quantity: 1.5, unitPrice: 14_000 },
      { item: 'Roti', quantity: null, unitPrice: 9_000 },
    ]);
    expect(r).toEqual({
      ok: true,
      subtotal: 36_000 + 21_000 + 9_000,
      lines: [
        { item: 'Kopi susu', quantity: 2, unitPrice: 18_000, amount: 36_000 },
        { item: 'Gula 1.5 kg', quantity: 1.5, unitPrice: 14_000, amount: 21_000 },
        { item: 'Roti', quantity: 1, unitPrice: 9_000, amount: 9_000 },
      ],
    });
  });

  it('refuses a line that is not a whole amount, a missing price and a zero quantity, naming the line', () => {
    expect(checkoutLines([{ item: 'Cabai', quantity: 0.333, unitPrice: 1 }])).toEqual({
      ok: false,
      error: 'checkout.errors.lineRounds',
      index: 0,
    });
    expect(
      checkoutLines([
        { item: 'A', quantity: 1, unitPrice: 5 },
        { item: 'B', quantity: 2, unitPrice: null },
      ]),
    ).toEqual({ ok: false, error: 'checkout.errors.price', index: 1 });
    expect(checkoutLines([{ item: 'A', quantity: 0, unitPrice: 5 }])).toMatchObject({
      ok: false,
      error: 'checkout.errors.quantity',
    });
  });

  it('is the same rule a sales import uses: never rounds', () => {
    expect(lineAmount(1.5, 3)).toBeNull();
    expect(lineAmount(1.5, 4)).toBe(6);
    expect(lineAmount(3, Number.MAX_SAFE_INTEGER)).toBeNull();
  });

  it('summarises lines for the sales table', () => {
    expect(
      linesSummary([
        { item: 'Kopi', quantity: 2, unitPrice: 1, amount: 2 },
        { item: 'Roti', quantity: 1, unitPrice: 1, amount: 1 },
        { quantity: 1, unitPrice: 5, amount: 5 },
      ]),
    ).toBe('Kopi ×2, Roti');
  });

  it('suggests recent item names once each, newest first, with their last price', () => {
    const sales = [
      { lines: [{ item: 'Kopi susu', quantity: 1, unitPrice: 20_000, amount: 20_000 }] },
      { lines: [{ item: 'kopi susu', quantity: 1, unitPrice: 18_000, amount: 18_000 }] },
      {},
      { lines: [{ item: 'Roti', quantity: 1, unitPrice: 9_000, amount: 9_000 }] },
    ];
    expect(recentItemsOf(sales, 10)).toEqual([
      { item: 'Kopi susu', unitPrice: 20_000 },
      { item: 'Roti', unitPrice: 9_000 },
    ]);
    expect(recentItemsOf(sales, 1)).toHaveLength(1);
  });
});

describe('points redeemed in the sale', () => {
  it('takes points x point value off and the customer pays the rest', () => {
    expect(planCheckout(60_000, 50, 120, rule)).toEqual({
      ok: true,
      subtotal: 60_000,
      redeem: 50,
      discount: 5_000,
      total: 55_000,
      earns: true,
    });
  });

  it('never above what the customer has, and always leaves something to pay', () => {
    expect(planCheckout(60_000, 121, 120, rule)).toEqual({
      ok: false,
      error: 'checkout.errors.redeemTooMuch',
      max: 120,
    });
    // Rp 10.000 at Rp 100 a point: 99 points at most (100 would make it free).
    expect(maxRedeemable(10_000, 500, rule)).toBe(99);
    expect(planCheckout(10_000, 100, 500, rule)).toMatchObject({ ok: false, max: 99 });
  });

  it('refuses when the rules give points no rupiah value or the program is off', () => {
    expect(planCheckout(60_000, 10, 120, { enabled: true, pointValue: 0 })).toEqual({
      ok: false,
      error: 'checkout.errors.redeemNotAllowed',
    });
    expect(planCheckout(60_000, 10, 120, { enabled: false, pointValue: 100 })).toMatchObject({
      ok: false,
    });
    // Nothing redeemed is fine under any rule.
    expect(planCheckout(60_000, 0, 0, { enabled: false, pointValue: 0 })).toMatchObject({
      ok: true,
      total: 60_000,
    });
  });

  it('a program that forbids earning while redeeming earns nothing on such a sale', () => {
    const strict = { ...rule, earnWithRedemption: false };
    expect(planCheckout(60_000, 10, 120, strict)).toMatchObject({ ok: true, earns: false });
    expect(planCheckout(60_000, 0, 120, strict)).toMatchObject({ ok: true, earns: true });
  });

  it('property: total + discount = subtotal, total positive, redeem within both bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (subtotal, redeem, available, pointValue) => {
          const p = planCheckout(subtotal, redeem, available, { enabled: true, pointValue });
          if (!p.ok)
            return redeem > maxRedeemable(subtotal, available, { enabled: true, pointValue });
          return p.total + p.discount === subtotal && p.total > 0 && p.redeem <= available;
        },
      ),
    );
  });
});

const words: ReceiptWords = {
  receipt: 'Receipt',
  subtotal: 'Subtotal',
  total: 'Total',
  payment: 'Paid by',
  thanks: 'Thank you!',
  invoice: (no) => `Invoice ${no}`,
  redeemed: (p) => `Points redeemed (${p})`,
  earned: (p) => `Points earned: ${p}`,
  bonus: (p) => `Welcome bonus: ${p}`,
  balance: (p) => `Your points: ${p}`,
};

describe('receipt', () => {
  const sale = {
    shopName: 'Toko Maju',
    customerName: 'Siti Rahayu',
    at: '2026-11-23T03:00:00.000Z',
    invoiceNo: 'INV-7',
    lines: [
      { item: 'Kopi susu', quantity: 2, unitPrice: 18_000, amount: 36_000 },
      { item: 'Roti *promo*', quantity: 1, unitPrice: 24_000, amount: 24_000 },
    ],
    subtotal: 60_000,
    redeemed: 50,
    discount: 5_000,
    total: 55_000,
    paymentLabel: 'Cash',
    earned: 5,
    bonus: 0,
    balance: 75,
  };

  it('says what was bought, the points taken off, the total, points earned and the balance', () => {
    // Intl writes "Rp" with a no-break space.
    const text = receiptText(receiptRows(sale, words, IDR, 'id-ID')).replace(/\u00a0/g, ' ');
    expect(text).toContain('*Toko Maju*');
    expect(text).toContain('Invoice INV-7');
    expect(text).toContain('Kopi susu\n  2 × Rp 18.000 = Rp 36.000');
    expect(text).toContain('Roti *promo*');
    expect(text).toContain('Subtotal: Rp 60.000');
    expect(text).toContain('Points redeemed (50): −Rp 5.000');
    expect(text).toContain('*Total: Rp 55.000*');
    expect(text).toContain('Paid by: Cash');
    expect(text).toContain('Points earned: 5');
    expect(text).toContain('Your points: 75');
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.endsWith('Thank you!')).toBe(true);
  });

  it('a sale without lines or redemption is just its total', () => {
    const rows = receiptRows(
      { ...sale, shopName: undefined, lines: [], redeemed: 0, discount: 0, subtotal: 55_000 },
      words,
      IDR,
      'en-ID',
    );
    const text = receiptText(rows);
    expect(text).not.toContain('Subtotal');
    expect(text).not.toContain('redeemed');
    expect(text).toContain('*Total: Rp');
    expect(rows.some((r) => r.kind === 'title')).toBe(false);
  });
});
