/**
 * Importing past sales from a POS or spreadsheet CSV: the column mapping, and turning one row
 * into a sale to import. Pure; the CSV parsing (papaparse) and the writing happen elsewhere.
 *
 * Identity: an imported sale's id is derivedId(time, 'invoice:' + invoiceNo) (see
 * `importedSaleId`), so importing the same file again, on this or another device, adds nothing.
 * The time in the id is the date as written in the file read as UTC, so it does not depend on
 * the device's time zone.
 */
import { derivedId } from '../ids';
import { normalizePhone } from '../phone';
import type { PAYMENT_METHODS } from '../schemas/sale';
import { foldText } from '../text';

export const SALES_IMPORT_FIELDS = [
  'date',
  'invoiceNo',
  'phone',
  'name',
  'amount',
  'items',
  'paymentMethod',
] as const;
export type SalesImportField = (typeof SALES_IMPORT_FIELDS)[number];
/** Field -> column index in the file. */
export type SalesMapping = Partial<Record<SalesImportField, number>>;

export const DATE_ORDERS = ['dmy', 'ymd', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const HEADER_WORDS: Record<SalesImportField, string[]> = {
  date: ['date', 'tanggal', 'tgl', 'waktu', 'time', 'datetime', 'tanggal transaksi'],
  invoiceNo: [
    'invoice',
    'invoice no',
    'invoice number',
    'no invoice',
    'nomor invoice',
    'receipt',
    'receipt number',
    'no nota',
    'nota',
    'no faktur',
    'faktur',
    'no struk',
    'struk',
    'transaction id',
    'id transaksi',
    'kode transaksi',
  ],
  phone: [
    'phone',
    'phone number',
    'hp',
    'no hp',
    'nomor hp',
    'telepon',
    'no telp',
    'telp',
    'whatsapp',
    'wa',
    'mobile',
    'customer phone',
  ],
  name: ['name', 'nama', 'customer', 'customer name', 'pelanggan', 'nama pelanggan', 'member'],
  amount: [
    'amount',
    'total',
    'jumlah',
    'nominal',
    'grand total',
    'total bayar',
    'total harga',
    'net sales',
    'penjualan',
  ],
  items: [
    'items',
    'item',
    'produk',
    'barang',
    'product',
    'products',
    'keterangan',
    'description',
    'deskripsi',
  ],
  paymentMethod: [
    'payment',
    'payment method',
    'pembayaran',
    'metode pembayaran',
    'metode',
    'tipe pembayaran',
  ],
};

/** A first guess of the mapping from the header row; the user corrects it. */
export function guessSalesMapping(headers: readonly string[]): SalesMapping {
  const mapping: SalesMapping = {};
  const used = new Set<number>();
  const folded = headers.map((h) =>
    foldText(h)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  // Exact matches first, then "contains", so "nama pelanggan" beats "pelanggan" for name.
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of SALES_IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const idx = folded.findIndex(
        (h, i) =>
          !used.has(i) &&
          HEADER_WORDS[field].some((w) => (pass === 'exact' ? h === w : h.split(' ').includes(w))),
      );
      if (idx >= 0) {
        mapping[field] = idx;
        used.add(idx);
      }
    }
  }
  return mapping;
}

/**
 * Whole rupiah from what POS exports write: "Rp 1.250.000", "1,250,000", "1.250.000,00",
 * "125000.50" (rounded to the nearest rupiah). The last "." or "," followed by 1-2 digits is a
 * decimal separator; every other separator groups thousands.
 */
export function parseRupiahText(text: string): number | null {
  let s = text
    .trim()
    .replace(/^rp\.?/i, '')
    .replace(/idr/i, '')
    .replace(/[\s\u00a0]/g, '');
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  let fraction = '';
  const dec = /[.,](\d{1,2})$/.exec(s);
  if (dec) {
    fraction = dec[1]!;
    s = s.slice(0, dec.index);
  }
  if (/[.,]/.test(s) && !/^\d{1,3}([.,]\d{3})*$/.test(s)) return null;
  const whole = Number(s.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(whole)) return null;
  const value = whole + (fraction ? Math.round(Number(`0.${fraction}`)) : 0);
  return negative ? -value : value;
}

export interface NaiveDateTime {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/**
 * A date (and optional time) as written: "2026-11-23", "23/11/2026 14:05", "23-11-2026",
 * "2026-11-23T14:05:00". Day-month order for slashes and dashes follows `order`.
 */
export function parseDateText(text: string, order: DateOrder): NaiveDateTime | null {
  const m =
    /^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T\s]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(
      text,
    );
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let y: number;
  let mo: number;
  let d: number;
  if (m[1]!.length === 4) [y, mo, d] = [a, b, c];
  else if (order === 'mdy') [mo, d, y] = [a, b, c];
  else [d, mo, y] = [a, b, c];
  if (y < 100) y += 2000;
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const s = m[6] ? Number(m[6]) : 0;
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  return { y, mo, d, h, mi, s };
}

/** A payment method from a POS's word for it. */
export function parsePaymentMethod(text: string): (typeof PAYMENT_METHODS)[number] | undefined {
  const w = foldText(text).replace(/[^a-z]/g, '');
  if (w === '') return undefined;
  if (['cash', 'tunai', 'kas'].includes(w)) return 'cash';
  if (w.includes('qris')) return 'qris';
  if (w.includes('transfer') || w === 'tf' || w.includes('bank')) return 'transfer';
  if (['card', 'kartu', 'debit', 'credit', 'kredit', 'edc', 'debitcard', 'creditcard'].includes(w))
    return 'card';
  if (
    ['gopay', 'ovo', 'dana', 'shopeepay', 'linkaja', 'ewallet', 'emoney'].some((k) => w.includes(k))
  )
    return 'ewallet';
  return 'other';
}

export type RowErrorCode =
  | 'dateMissing'
  | 'dateInvalid'
  | 'invoiceMissing'
  | 'customerMissing'
  | 'phoneInvalid'
  | 'amountInvalid'
  | 'amountNotPositive'
  | 'invoiceConflict';

export interface RowError {
  /** 1-based line in the file, counting the header. */
  line: number;
  code: RowErrorCode;
  value?: string;
}

/** One sale to import, after validation. Rows of one invoice are merged into one. */
export interface ImportSale {
  id: string;
  invoiceNo: string;
  /** Local time in ms (what `at` records). */
  atMs: number;
  amount: number;
  items?: string;
  paymentMethod?: (typeof PAYMENT_METHODS)[number];
  phoneE164?: string;
  phoneRaw?: string;
  name?: string;
  line: number;
}

export const importedSaleId = (naiveUtcMs: number, invoiceNo: string) =>
  derivedId(naiveUtcMs, `invoice:${invoiceNo}`);

/**
 * A POS file repeats the same few payment words and each customer's phone on every row, and
 * libphonenumber is the slowest step of a row: remember recent answers (bounded, so a file of
 * all-different values cannot grow it without end).
 */
function memo<V>(fn: (text: string) => V, max: number): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as V;
    if (cache.size >= max) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}
const normalizeCached = memo(normalizePhone, 200_000);
const paymentCached = memo(parsePaymentMethod, 1_000);

/** Turn one CSV row into a sale, or say what is wrong with it. */
export function mapSaleRow(
  cells: readonly string[],
  mapping: SalesMapping,
  order: DateOrder,
  line: number,
): { ok: true; sale: ImportSale } | { ok: false; error: RowError } {
  const cell = (f: SalesImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const dateText = cell('date');
  if (dateText === '') return { ok: false, error: { line, code: 'dateMissing' } };
  const dt = parseDateText(dateText, order);
  if (!dt) return { ok: false, error: { line, code: 'dateInvalid', value: dateText } };
  const invoiceNo = cell('invoiceNo');
  if (invoiceNo === '') return { ok: false, error: { line, code: 'invoiceMissing' } };
  const amountText = cell('amount');
  const amount = parseRupiahText(amountText);
  if (amount === null)
    return { ok: false, error: { line, code: 'amountInvalid', value: amountText } };
  if (amount <= 0)
    return { ok: false, error: { line, code: 'amountNotPositive', value: amountText } };
  const phoneRaw = cell('phone');
  const name = cell('name');
  let phoneE164: string | undefined;
  if (phoneRaw !== '') {
    const p = normalizeCached(phoneRaw);
    if (!p.ok) return { ok: false, error: { line, code: 'phoneInvalid', value: phoneRaw } };
    phoneE164 = p.value.e164;
  }
  if (!phoneE164 && name === '') return { ok: false, error: { line, code: 'customerMissing' } };
  const naive = Date.UTC(dt.y, dt.mo - 1, dt.d, dt.h, dt.mi, dt.s);
  const items = cell('items');
  return {
    ok: true,
    sale: {
      id: importedSaleId(naive, invoiceNo.slice(0, 100)),
      invoiceNo: invoiceNo.slice(0, 100),
      atMs: new Date(dt.y, dt.mo - 1, dt.d, dt.h, dt.mi, dt.s).getTime(),
      amount,
      items: items === '' ? undefined : items.slice(0, 10_000),
      paymentMethod: paymentCached(cell('paymentMethod')),
      phoneE164,
      phoneRaw: phoneRaw === '' ? undefined : phoneRaw.slice(0, 40),
      name: name === '' ? undefined : name.slice(0, 200),
      line,
    },
  };
}

/** Who a sale belongs to, for matching and for creating one contact per customer. */
export function customerKey(s: Pick<ImportSale, 'phoneE164' | 'name'>): string {
  return s.phoneE164 ? `phone:${s.phoneE164}` : `name:${foldText(s.name ?? '')}`;
}

/**
 * Collects rows into sales: rows with the same invoice number (one row per item, as many POS
 * exports write) become one sale with the amounts added and the items joined. Rows of one
 * invoice must agree on the date and the customer.
 */
export class SaleCollector {
  private byInvoice = new Map<string, ImportSale>();
  readonly errors: RowError[] = [];

  add(sale: ImportSale): void {
    const existing = this.byInvoice.get(sale.invoiceNo);
    if (!existing) {
      this.byInvoice.set(sale.invoiceNo, sale);
      return;
    }
    if (existing.id !== sale.id || customerKey(existing) !== customerKey(sale)) {
      this.errors.push({ line: sale.line, code: 'invoiceConflict', value: sale.invoiceNo });
      return;
    }
    if (!Number.isSafeInteger(existing.amount + sale.amount)) {
      this.errors.push({ line: sale.line, code: 'amountInvalid', value: String(sale.amount) });
      return;
    }
    existing.amount += sale.amount;
    if (sale.items)
      existing.items = existing.items ? `${existing.items}, ${sale.items}` : sale.items;
    existing.paymentMethod ??= sale.paymentMethod;
  }

  get size(): number {
    return this.byInvoice.size;
  }

  sales(): ImportSale[] {
    return [...this.byInvoice.values()];
  }
}
