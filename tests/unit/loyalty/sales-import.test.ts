import { describe, expect, it } from 'vitest';
import {
  guessSalesMapping,
  hasCustomer,
  mapSaleRow,
  parseDateText,
  parsePaymentMethod,
  parseRupiahText,
  SaleCollector,
} from '../../../shared/loyalty/sales-import';

describe('sales CSV parsing', () => {
  it('reads rupiah amounts the way POS exports write them', () => {
    expect(parseRupiahText('Rp 1.250.000')).toBe(1_250_000);
    expect(parseRupiahText('1,250,000')).toBe(1_250_000);
    expect(parseRupiahText('1.250.000,00')).toBe(1_250_000);
    // Never rounded quietly (#18.6): half a rupiah is refused, the row says why.
    expect(parseRupiahText('125000.50')).toBeNull();
    expect(parseRupiahText('125000.00')).toBe(125_000);
    expect(parseRupiahText('75000')).toBe(75_000);
    expect(parseRupiahText('12.34.5')).toBeNull();
    expect(parseRupiahText('abc')).toBeNull();
    expect(parseRupiahText('')).toBeNull();
  });

  it('reads dates in the chosen order, with or without a time', () => {
    expect(parseDateText('23/11/2026 14:05', 'dmy')).toEqual({
      y: 2026,
      mo: 11,
      d: 23,
      h: 14,
      mi: 5,
      s: 0,
    });
    expect(parseDateText('2026-11-23', 'dmy')).toMatchObject({ y: 2026, mo: 11, d: 23 });
    expect(parseDateText('11/23/2026', 'mdy')).toMatchObject({ mo: 11, d: 23 });
    expect(parseDateText('30/02/2026', 'dmy')).toBeNull();
    expect(parseDateText('yesterday', 'dmy')).toBeNull();
  });

  it('guesses the mapping from Indonesian and English headers', () => {
    expect(
      guessSalesMapping([
        'Tanggal',
        'No Nota',
        'Nama Pelanggan',
        'No HP',
        'Total',
        'Produk',
        'Metode Pembayaran',
      ]),
    ).toEqual({
      date: 0,
      invoiceNo: 1,
      name: 2,
      phone: 3,
      amount: 4,
      items: 5,
      paymentMethod: 6,
    });
  });

  it('maps payment words', () => {
    expect(parsePaymentMethod('Tunai')).toBe('cash');
    expect(parsePaymentMethod('QRIS')).toBe('qris');
    expect(parsePaymentMethod('GoPay')).toBe('ewallet');
    expect(parsePaymentMethod('')).toBeUndefined();
  });

  it('gives the same id to the same invoice, and says what is wrong with a bad row', () => {
    const mapping = { date: 0, invoiceNo: 1, phone: 2, amount: 3 };
    const a = mapSaleRow(['23/11/2026', 'INV-1', '0812-3456-7890', '100.000'], mapping, 'dmy', 2);
    const b = mapSaleRow(['23/11/2026', 'INV-1', '+6281234567890', '100000'], mapping, 'dmy', 9);
    expect(a.ok && b.ok && a.sale.id === b.sale.id).toBe(true);
    expect(a.ok && a.sale.phoneE164).toBe('+6281234567890');
    expect(mapSaleRow(['x', 'INV-1', '0812', '1'], mapping, 'dmy', 3)).toEqual({
      ok: false,
      error: { line: 3, code: 'dateInvalid', value: 'x', invoiceNo: 'INV-1' },
    });
    // No customer: read, and left to its invoice (SaleCollector skips a walk-in invoice).
    const walkIn = mapSaleRow(['23/11/2026', 'INV-2', '', '5'], mapping, 'dmy', 4);
    expect(walkIn.ok && hasCustomer(walkIn.sale)).toBe(false);
    expect(
      mapSaleRow(['23/11/2026', 'INV-2', '0812-3456-7890', '0'], mapping, 'dmy', 5),
    ).toMatchObject({
      ok: false,
      error: { code: 'amountNotPositive' },
    });
  });

  it('merges the item rows of one invoice into one sale', () => {
    const mapping = { date: 0, invoiceNo: 1, name: 2, amount: 3, items: 4 };
    const c = new SaleCollector();
    for (const [i, row] of [
      ['2026-11-23', 'A', 'Siti', '10000', 'Kopi'],
      ['2026-11-23', 'A', 'Siti', '5000', 'Roti'],
      ['2026-11-24', 'B', 'Budi', '7000', ''],
    ].entries()) {
      const r = mapSaleRow(row, mapping, 'dmy', i + 2);
      if (r.ok) c.add(r.sale);
    }
    expect(c.sales().map((s) => [s.invoiceNo, s.amount, s.items])).toEqual([
      ['A', 15000, 'Kopi, Roti'],
      ['B', 7000, undefined],
    ]);
    const r = mapSaleRow(['2026-11-23', 'A', 'Budi', '1', ''], mapping, 'dmy', 9);
    if (r.ok) c.add(r.sale);
    // The other customer's row refuses invoice A whole: no sale with a wrong total.
    expect(c.errors).toEqual([
      { line: 2, code: 'invoiceRefused', invoiceNo: 'A' },
      { line: 3, code: 'invoiceRefused', invoiceNo: 'A' },
      { line: 9, code: 'invoiceConflict', value: 'A', invoiceNo: 'A' },
    ]);
    expect(c.sales().map((s) => s.invoiceNo)).toEqual(['B']);
  });
});
