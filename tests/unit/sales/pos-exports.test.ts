/**
 * #18.5: sales exports written by Indonesian POS and marketplace software (Loyverse "receipts
 * by item", Majoo, Shopee orders) and a CSV saved by Excel in Windows-1252, read through the
 * worker's own steps: encoding, header guess, rows, invoices. What the owner relies on:
 * refunds are refunds, cancelled and unpaid orders are no sales, walk-in receipts and a masked
 * phone never stop an import, and no line of a named invoice is lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';
import {
  guessSalesMapping,
  mapSaleRow,
  rowKindWord,
  SaleCollector,
  type DateOrder,
  type SalesImportField,
} from '../../../shared/loyalty/sales-import';
import { IDR } from '../../../shared/money';
import { decodeText, detectEncoding } from '../../../shared/text-encoding';

const FIXTURES = join(__dirname, '../../fixtures/sales');

/** What the import worker does with a file: detect, decode, guess, read, collect. */
async function read(name: string, order: DateOrder) {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
  const encoding = await detectEncoding(bytes);
  const rows = Papa.parse<string[]>(decodeText(bytes, encoding), {
    skipEmptyLines: 'greedy',
  }).data;
  const header = rows[0]!;
  // As the import's preview does: the header and the first rows below it.
  const mapping = guessSalesMapping(header, rows.slice(1, 6));
  const c = new SaleCollector();
  rows
    .slice(1)
    .forEach((r, i) =>
      c.collect(mapSaleRow(r, mapping, order, i + 2, { currency: IDR, prefer: ',' })),
    );
  const columns = Object.fromEntries(
    Object.entries(mapping).map(([f, i]) => [f, header[i]]),
  ) as Partial<Record<SalesImportField, string>>;
  return { encoding, columns, ...c.finish() };
}

const opened: Repositories[] = [];
afterEach(async () => {
  for (const r of opened.splice(0)) {
    r.db.close();
    await r.db.delete();
  }
});

describe('Loyverse "receipts by item"', () => {
  const file = () => read('loyverse-receipts-by-item.csv', 'dmy');

  it('guesses its columns: net sales (after discounts), receipt type and status', async () => {
    expect((await file()).columns).toEqual({
      date: 'Date',
      invoiceNo: 'Receipt number',
      name: 'Customer name',
      phone: 'Customer contacts',
      amount: 'Net sales',
      quantity: 'Quantity',
      items: 'Item',
      kind: 'Receipt type',
      status: 'Status',
    });
  });

  it('reads a "Refund" receipt as a refund and skips the cancelled one and the walk-in', async () => {
    const { sales, errors, notes } = await file();
    expect(errors).toEqual([]);
    expect(sales.map((s) => [s.invoiceNo, s.kind ?? 'purchase', s.amount])).toEqual([
      ['1-1001', 'purchase', 51_500],
      ['1-1003', 'purchase', 15_000],
      ['1-1004', 'refund', 15_500],
    ]);
    expect(notes.map((n) => [n.line, n.code])).toEqual([
      [4, 'walkIn'],
      [5, 'phoneIgnored'],
      [7, 'cancelledOrder'],
    ]);
  });

  it('keeps the sale of a customer whose contact is an e-mail, under the name', async () => {
    const budi = (await file()).sales.find((s) => s.invoiceNo === '1-1003')!;
    expect(budi).toMatchObject({ name: 'Budi Santoso' });
    expect(budi.phoneE164).toBeUndefined();
    expect(budi.phoneRaw).toBeUndefined();
  });

  it('imports in one go: the refund takes the spend back, nothing refused', async () => {
    const r = await openRepositories(`loyverse-${Math.random().toString(36).slice(2)}`);
    opened.push(r);
    const result = await r.loyalty.importSales((await file()).sales, { awardPoints: true });
    expect(result).toMatchObject({ added: 3, contactsCreated: 2 });
    const sales = await r.db.sales.toArray();
    expect(sales.map((s) => s.kind).sort()).toEqual(['purchase', 'purchase', 'refund']);
    expect(sales.find((s) => s.invoiceNo === '1-1001')!.lines).toHaveLength(2);
  });
});

describe('Majoo sales export', () => {
  const file = () => read('majoo-penjualan.csv', 'dmy');

  it('takes "Total" (after the discount) over "Subtotal", and "No Transaksi" as the invoice', async () => {
    const { columns } = await file();
    expect(columns).toMatchObject({
      invoiceNo: 'No Transaksi',
      amount: 'Total',
      unitPrice: 'Harga Satuan',
      quantity: 'Qty',
      status: 'Status',
    });
  });

  it('a line without the customer belongs to its invoice; a walk-in invoice is skipped', async () => {
    const { sales, errors, notes } = await file();
    expect(errors).toEqual([]);
    // TRX/0001: 50.000 + the unnamed Es Teh line 5.000; TRX/0002: 13.500 after its discount.
    expect(sales.map((s) => [s.invoiceNo, s.name, s.amount, s.lines?.length])).toEqual([
      ['TRX/2024/03/0001', 'Budi Santoso', 55_000, 2],
      ['TRX/2024/03/0002', 'Ani Wijaya', 13_500, 1],
    ]);
    expect(notes.map((n) => [n.line, n.code, n.value])).toEqual([
      [5, 'cancelledOrder', 'Dibatalkan'],
      [6, 'walkIn', undefined],
    ]);
  });
});

describe('Shopee orders', () => {
  it('skips cancelled ("Batal") and unpaid ("Belum Bayar") orders; masked phones are left out', async () => {
    const { sales, errors, notes, columns } = await read('shopee-pesanan.csv', 'ymd');
    expect(columns).toMatchObject({
      invoiceNo: 'No. Pesanan',
      status: 'Status Pesanan',
      name: 'Nama Penerima',
      amount: 'Total Harga Produk',
    });
    expect(errors).toEqual([]);
    expect(sales.map((s) => [s.invoiceNo, s.name, s.amount, s.phoneE164])).toEqual([
      ['240312ABCDEF', 'Siti Rahayu', 235_000, undefined],
    ]);
    expect(notes.map((n) => [n.line, n.code])).toEqual([
      [2, 'phoneIgnored'],
      [3, 'phoneIgnored'],
      [4, 'cancelledOrder'],
      [5, 'cancelledOrder'],
    ]);
  });
});

describe('Shopify orders export', () => {
  // Shopify writes one row per line item; order fields (Total, Financial Status, Billing …) on
  // an order's first row only. "Name" is the order number (#1001), "Receipt Number" is empty.
  const file = () => read('shopify-orders.csv', 'ymd');

  it('takes "Name" (#1001) as the invoice and the billing name and phone as the customer', async () => {
    expect((await file()).columns).toEqual({
      date: 'Created at',
      invoiceNo: 'Name',
      name: 'Billing Name',
      phone: 'Billing Phone',
      amount: 'Total',
      items: 'Lineitem name',
      quantity: 'Lineitem quantity',
      unitPrice: 'Lineitem price',
      paymentMethod: 'Payment Method',
      refunded: 'Refunded Amount',
      status: 'Financial Status',
    });
  });

  it('an order of two lines is one sale at its Total (shipping included), its lines priced', async () => {
    const { sales, errors, notes } = await file();
    expect(errors).toEqual([]);
    expect(
      sales.map((s) => [s.invoiceNo, s.kind ?? 'purchase', s.name, s.phoneE164, s.amount]),
    ).toEqual([
      ['#1001', 'purchase', 'Siti Rahayu', '+6281234567801', 200_000],
      ['#1002', 'purchase', 'Budi Santoso', '+6281234567802', 90_000],
      // Refunded later, in full and in part: the order and its refund.
      ['#1005', 'purchase', 'Rina Wulandari', '+6281234567805', 80_000],
      ['#1005', 'refund', 'Rina Wulandari', '+6281234567805', 80_000],
      ['#1006', 'purchase', 'Siti Rahayu', '+6281234567801', 150_000],
      ['#1006', 'refund', 'Siti Rahayu', '+6281234567801', 50_000],
    ]);
    expect(sales.filter((s) => s.kind === 'refund').map((s) => s.refundOf)).toEqual([
      '#1005',
      '#1006',
    ]);
    expect(sales[0]!.lines).toEqual([
      { quantity: 2, unitPrice: 65_000, amount: 130_000, item: 'Kopi Gayo 250g' },
      { quantity: 1, unitPrice: 55_000, amount: 55_000, item: 'Gula Aren 500g' },
    ]);
    // A voided order and one still waiting for payment are no sales.
    expect(notes.map((n) => [n.line, n.code, n.value])).toEqual([
      [5, 'cancelledOrder', 'voided'],
      [6, 'cancelledOrder', 'pending'],
    ]);
  });

  it('imports as three customers; a refunded order counts for nothing, a partial refund for the rest', async () => {
    const r = await openRepositories(`shopify-${Math.random().toString(36).slice(2)}`);
    opened.push(r);
    const result = await r.loyalty.importSales((await file()).sales, { awardPoints: true });
    expect(result).toMatchObject({ added: 6, contactsCreated: 3 });
    const sales = await r.db.sales.toArray();
    const net = new Map<string, number>();
    for (const s of sales)
      net.set(
        s.contactId,
        (net.get(s.contactId) ?? 0) + (s.kind === 'refund' ? -s.amount : s.amount),
      );
    // Siti 200.000 + 150.000 - 50.000; Budi 90.000; Rina 80.000 - 80.000.
    expect([...net.values()].sort((a, b) => a - b)).toEqual([0, 90_000, 300_000]);
    const refunds = sales.filter((s) => s.kind === 'refund');
    expect(refunds.every((s) => s.reversesId !== undefined)).toBe(true);
    expect(
      sales.every((s) => !('fromPrice' in s) && !('lineProduct' in s) && !('refunded' in s)),
    ).toBe(true);
  });
});

describe('a CSV saved by Excel as Windows-1252 ("CSV (Comma delimited)")', () => {
  it('is decoded as Windows-1252: names and items as typed, no "Jos�"', async () => {
    const { encoding, sales } = await read('excel-ansi-1252.csv', 'dmy');
    expect(encoding).toBe('windows-1252');
    expect(sales.map((s) => [s.name, s.items])).toEqual([
      ['José Pérez', 'Crème brûlée “spesial”'],
      ['Zoë Müller', 'Café au lait – besar'],
    ]);
  });
});

describe('what a type or status cell says', () => {
  it.each([
    ['Refund', 'refund'],
    ['RETUR', 'refund'],
    ['Pengembalian Dana', 'refund'],
    ['Dibatalkan Pembeli', 'cancelled'],
    ['Void', 'cancelled'],
    ['Belum Bayar', 'cancelled'],
    ['Sale', undefined],
    ['Selesai', undefined],
    ['Closed', undefined],
    // Shopify's order that was refunded later is still the order, not a refund row.
    ['refunded', undefined],
    ['', undefined],
  ] as const)('%s -> %s', (text, kind) => {
    expect(rowKindWord(text)).toBe(kind);
  });

  it('a refund receipt that names no customer is its sale’s customer’s', () => {
    const mapping = { date: 0, invoiceNo: 1, name: 2, amount: 3, kind: 4, refundOf: 5 };
    const c = new SaleCollector();
    for (const [i, row] of [
      ['2026-11-23', 'A', 'Siti', '10000', 'Sale', ''],
      ['2026-11-24', 'R1', '', '4000', 'Refund', 'A'],
      ['2026-11-24', 'W', '', '7000', 'Sale', ''],
    ].entries())
      c.collect(mapSaleRow(row, mapping, 'ymd', i + 2));
    const { sales, errors, notes } = c.finish();
    expect(errors).toEqual([]);
    expect(sales.map((s) => [s.invoiceNo, s.kind ?? 'purchase', s.name])).toEqual([
      ['A', 'purchase', 'Siti'],
      ['R1', 'refund', 'Siti'],
    ]);
    expect(sales[1]!.reversesId).toBe(sales[0]!.id);
    expect(notes).toEqual([{ line: 4, code: 'walkIn', invoiceNo: 'W' }]);
  });
});
