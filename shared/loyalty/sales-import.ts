/**
 * Importing past sales from a POS or spreadsheet CSV: the column mapping, and turning one row
 * into a sale to import. Pure; the CSV parsing (papaparse) and the writing happen elsewhere.
 *
 * Identity: an imported sale's id is importedInvoiceEventId (shared/event-ids.ts) (see
 * `importedSaleId`), so importing the same file again, on this or another device, adds nothing.
 * The time in the id is the date as written in the file read as UTC, so it does not depend on
 * the device's time zone.
 */
import { lineAmount } from '../sales/checkout';
import { readDateText, zonedTimeToUtc, type DateOrder, type NaiveDateTime } from '../dates';
import { importedInvoiceEventId, importedRefundEventId } from '../event-ids';
import { IDR, readMoney, type Currency, type DecimalSeparator, type MoneyProblem } from '../money';
import { normalizePhone } from '../phone';
import type { PAYMENT_METHODS } from '../schemas/sale';
import { foldText } from '../text';

export const SALES_IMPORT_FIELDS = [
  'date',
  'invoiceNo',
  'customerId',
  'phone',
  'name',
  'amount',
  'quantity',
  'unitPrice',
  'items',
  'paymentMethod',
  'refundOf',
  'refunded',
  'kind',
  'status',
] as const;
export type SalesImportField = (typeof SALES_IMPORT_FIELDS)[number];
/** Field -> column index in the file. */
export type SalesMapping = Partial<Record<SalesImportField, number>>;

export { DATE_ORDERS, type DateOrder, type NaiveDateTime } from '../dates';

const HEADER_WORDS: Record<SalesImportField, string[]> = {
  date: [
    'date',
    'tanggal',
    'tgl',
    'waktu',
    'time',
    'datetime',
    'tanggal transaksi',
    'invoice date',
    'created at',
    'transaction date',
  ],
  invoiceNo: [
    'invoice',
    'invoice no',
    'invoice number',
    'no invoice',
    'nomor invoice',
    'receipt',
    'receipt no',
    'receipt number',
    'no nota',
    'nota',
    'no faktur',
    'faktur',
    'no struk',
    'nomor struk',
    'struk',
    'transaction id',
    'id transaksi',
    'kode transaksi',
    'order id',
    'order no',
    'order number',
    'no order',
    'no transaksi',
    'nomor transaksi',
    'no pesanan',
    'nomor pesanan',
    'nomor nota',
    'nomor faktur',
    'no bill',
    'bill no',
    'no penjualan',
  ],
  customerId: [
    'customer id',
    'customerid',
    'id pelanggan',
    'kode pelanggan',
    'member id',
    'id member',
    'kode member',
    'customer code',
  ],
  phone: [
    // Shopify: the buyer's phone, filled more often than the order's own "Phone".
    'billing phone',
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
    'telepon pelanggan',
    'nomor telepon',
    'no telepon',
    // Loyverse writes the customer's phone or e-mail here: an e-mail is left out, with a note.
    'customer contacts',
    'kontak pelanggan',
  ],
  name: [
    'name',
    'nama',
    'customer',
    'customer name',
    'pelanggan',
    'nama pelanggan',
    'member',
    'nama member',
    'billing name',
    'buyer name',
    'nama pembeli',
    'pembeli',
    'nama penerima',
  ],
  // In order of preference: what was paid (after discounts) before the totals before them.
  amount: [
    'total',
    'grand total',
    'total bayar',
    'net sales',
    'penjualan bersih',
    'amount',
    'nominal',
    'total harga',
    'penjualan',
    'line total',
    'subtotal',
    'gross sales',
  ],
  quantity: ['quantity', 'qty', 'jumlah', 'kuantitas', 'jml', 'banyak', 'item sold'],
  unitPrice: [
    'unit price',
    'unitprice',
    'price',
    'harga',
    'harga satuan',
    'harga jual',
    'price each',
  ],
  items: [
    'items',
    'lineitem name',
    'item',
    'item name',
    'produk',
    'nama produk',
    'barang',
    'nama barang',
    'product',
    'products',
    'keterangan',
    'description',
    'deskripsi',
    'menu',
  ],
  paymentMethod: [
    'payment',
    'payment method',
    'payment type',
    'pembayaran',
    'metode pembayaran',
    'metode',
    'tipe pembayaran',
    'jenis pembayaran',
  ],
  refundOf: [
    'refund of',
    'original invoice',
    'original receipt',
    'struk asal',
    'no struk asal',
    'nota asal',
    'refund receipt',
  ],
  // What was paid back later on an order (Shopify's "Refunded Amount"): a refund of it.
  refunded: [
    'refunded amount',
    'refund amount',
    'amount refunded',
    'jumlah dikembalikan',
    'jumlah refund',
    'dana dikembalikan',
  ],
  // "=" marks a word that must be the whole header ("Type", not "Payment type").
  kind: [
    'receipt type',
    'transaction type',
    'tipe transaksi',
    'jenis transaksi',
    'tipe struk',
    'sale type',
    '=type',
    '=tipe',
    '=jenis',
  ],
  status: [
    'status',
    'order status',
    'status pesanan',
    'status transaksi',
    'status order',
    'transaction status',
  ],
};

/**
 * A header as words: "InvoiceNo" -> "invoice no", "customer_id" -> "customer id",
 * "No. Struk" -> "no struk".
 */
export function headerWords(header: string): string {
  return foldText(
    header.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'),
  )
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A header the sales import knows a field for ("No. Struk", "Tanggal", "Total"...). */
export const isKnownSalesHeader = (header: string): boolean =>
  Object.keys(guessSalesMapping([header])).length > 0;

/** A first guess of the mapping from the header row; the user corrects it. */
export function guessSalesMapping(
  headers: readonly string[],
  /** The first data rows: a column blank in all of them is not guessed for what every row
   * has (Shopify's "Receipt Number" is there but empty), and an order number is no name. */
  sample: readonly (readonly string[])[] = [],
): SalesMapping {
  const mapping: SalesMapping = {};
  const values = (i: number) => sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  const blank = new Set(
    sample.length === 0 ? [] : headers.flatMap((_, i) => (values(i).length === 0 ? [i] : [])),
  );
  const orderNumbers = new Set(
    headers.flatMap((_, i) => {
      const v = values(i);
      return v.length > 0 && v.every((x) => ORDER_NUMBER.test(x)) ? [i] : [];
    }),
  );
  const used = new Set<number>();
  const folded = headers.map(headerWords);
  // Exact matches first, then "contains", so "nama pelanggan" beats "pelanggan" for name; within
  // a pass a field's words are tried in order, so "Total" beats "Subtotal" wherever they stand.
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of SALES_IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const entry of HEADER_WORDS[field]) {
        const exactOnly = entry.startsWith('=');
        if (pass === 'contains' && exactOnly) continue;
        const w = exactOnly ? entry.slice(1) : entry;
        const idx = folded.findIndex(
          (h, i) =>
            !used.has(i) &&
            !(EVERY_ROW.has(field) && blank.has(i)) &&
            !(field === 'name' && orderNumbers.has(i)) &&
            // "Refunded Amount" is what was paid back, never the sale's amount.
            !(field === 'amount' && ` ${folded[i]} `.includes(' refund')) &&
            (pass === 'exact' ? h === w : ` ${h} `.includes(` ${w} `)),
        );
        if (idx >= 0) {
          mapping[field] = idx;
          used.add(idx);
          break;
        }
      }
    }
  }
  // Shopify names each order "#1001" in a column called "Name": that is the invoice number.
  if (mapping.invoiceNo === undefined) {
    const idx = folded.findIndex((h, i) => !used.has(i) && h === 'name' && orderNumbers.has(i));
    if (idx >= 0) mapping.invoiceNo = idx;
  }
  // "Jumlah" is the quantity beside a price, and the amount when it stands alone.
  if (
    mapping.quantity !== undefined &&
    mapping.amount === undefined &&
    mapping.unitPrice === undefined
  ) {
    mapping.amount = mapping.quantity;
    delete mapping.quantity;
  }
  return mapping;
}

/** Fields every sale row has: a column blank in the first rows is not one of them. */
const EVERY_ROW: ReadonlySet<SalesImportField> = new Set(['date', 'invoiceNo']);

/** An order number as web shops write it in a "Name" column: "#1001". */
const ORDER_NUMBER = /^#\s?\d+$/;

/**
 * Whole rupiah from what POS exports write ("Rp 1.250.000", "1,250,000", "1.250.000,00"), or
 * null: kept for callers that only know rupiah; amounts that would need rounding are null.
 */
export function parseRupiahText(text: string): number | null {
  const r = readMoney(text, { currency: IDR, prefer: ',' });
  return r.ok ? r.minor : null;
}

/** A date (and optional time) as written, in the given order (shared/dates' readDateText). */
export function parseDateText(text: string, order: DateOrder): NaiveDateTime | null {
  const r = readDateText(text, order);
  return r.ok ? r.value : null;
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
  | 'dateImpossible'
  | 'invoiceMissing'
  | 'customerMissing'
  | 'phoneInvalid'
  | 'amountInvalid'
  | 'amountAmbiguous'
  | 'amountWouldRound'
  | 'amountNotPositive'
  | 'quantityInvalid'
  | 'invoiceConflict'
  | 'invoiceRefused'
  | 'refundTooMuch'
  | 'refundBeforeSale'
  | SkipCode;

/**
 * Rows that are not sales to import and not mistakes to fix either, so they never stop an
 * all-or-nothing import: a cancelled or unpaid order, and a walk-in sale with no customer at
 * all (most receipts of a café). They are counted and shown, not refused.
 */
export type SkipCode = 'cancelledOrder' | 'walkIn';
const SKIP_CODES: ReadonlySet<RowErrorCode> = new Set<SkipCode>(['cancelledOrder', 'walkIn']);
export const isSkipCode = (code: RowErrorCode): code is SkipCode => SKIP_CODES.has(code);

/** What the import did with a row without refusing it: skipped it, or left a value out. */
export type NoteCode = SkipCode | 'phoneIgnored';

export interface RowNote {
  line: number;
  code: NoteCode;
  value?: string;
  invoiceNo?: string;
}

/** The words a POS writes in a "type" or "status" column of a refund or a cancelled order. */
const REFUND_WORDS = [
  'refund',
  'return',
  'retur',
  'pengembalian',
  'pengembalian dana',
  'pengembalian barang',
  'nota retur',
  'credit note',
  'sales return',
];
const CANCELLED_WORDS = [
  'cancelled',
  'canceled',
  'cancel',
  'batal',
  'dibatalkan',
  'pembatalan',
  'void',
  'voided',
  'gagal',
  'failed',
  'deleted',
  'dihapus',
  'expired',
  'kedaluwarsa',
  'ditolak',
  'rejected',
  'unpaid',
  'belum bayar',
  'belum dibayar',
  'menunggu pembayaran',
  'pending payment',
  // Shopify's financial status of an order not paid yet.
  'pending',
];

/**
 * What a "type" or "status" cell says about its row: a refund, a cancelled (or unpaid) order,
 * or nothing special ("Sale", "Closed", "Selesai", "Paid"). Whole words only: "Refunded"
 * (Shopify's order that was refunded later) is still the order, not a refund row.
 */
export function rowKindWord(text: string): 'refund' | 'cancelled' | undefined {
  const h = ` ${headerWords(text)} `;
  if (h.trim() === '') return undefined;
  if (CANCELLED_WORDS.some((w) => h.includes(` ${w} `))) return 'cancelled';
  if (REFUND_WORDS.some((w) => h.includes(` ${w} `))) return 'refund';
  return undefined;
}

export interface RowError {
  /** 1-based line in the file, counting the header. */
  line: number;
  code: RowErrorCode;
  value?: string;
  /** The invoice of the row, when it could be read: its other rows are refused with it. */
  invoiceNo?: string;
}

/** One line of a sale as the POS wrote it (quantity may have decimals: 1.5 kg). */
export interface SaleLine {
  item?: string;
  quantity: number;
  /** In the currency's minor unit. */
  unitPrice: number;
  /** quantity x unitPrice, or the file's line total; minor unit, positive. */
  amount: number;
}

/** One sale (or refund) to import, after validation. Lines of one invoice are merged into one. */
export interface ImportSale {
  id: string;
  invoiceNo: string;
  /** The moment (ms): the file's wall-clock time read in the shop's time zone. */
  atMs: number;
  /** The file's wall-clock time read as UTC: the device-independent part of the id. */
  naiveMs?: number;
  /** Minor unit of the shop currency, positive for both kinds. */
  amount: number;
  /** Purchase unless said otherwise. */
  kind?: 'purchase' | 'refund';
  /** For a refund: the invoice the file says it reverses, and that sale's id once found. */
  refundOf?: string;
  reversesId?: string;
  items?: string;
  lines?: SaleLine[];
  paymentMethod?: (typeof PAYMENT_METHODS)[number];
  phoneE164?: string;
  phoneRaw?: string;
  name?: string;
  /** The POS's customer number: the customer's key when present (not the name). */
  customerId?: string;
  line: number;
  /**
   * Read by SaleCollector only (never stored): the amount cell was blank, so `amount` is
   * quantity x unit price; or, with a written amount, what quantity x unit price came to.
   */
  fromPrice?: true;
  lineProduct?: number;
  /** Read by SaleCollector only: paid back later on this order; it adds a refund of it. */
  refunded?: number;
}

export const importedSaleId = (naiveUtcMs: number, invoiceNo: string) =>
  importedInvoiceEventId(invoiceNo, naiveUtcMs);

/** The id of an imported refund: from its invoice (a "C" cancellation or a sale's returns). */
export const importedRefundId = (naiveUtcMs: number, invoiceNo: string) =>
  importedRefundEventId(invoiceNo, naiveUtcMs);

/** UCI / many POS: a cancelled invoice is the number with a "C" in front ("C536379"). */
export const isCancellationInvoice = (invoiceNo: string): boolean => /^C\d/i.test(invoiceNo);

/** How amounts and times of a file are read (the shop's settings and the import's choices). */
export interface RowReadOptions {
  currency: Currency;
  /** The user's choice in the import; none: the shape of each amount decides. */
  decimalSeparator?: DecimalSeparator;
  /** Breaks a "1.250" tie when no separator was chosen (the language's). */
  prefer?: DecimalSeparator;
  /** The shop's time zone; none: the device's. */
  timeZone?: string;
}

export const DEFAULT_ROW_OPTIONS: RowReadOptions = { currency: IDR, prefer: ',' };

/** Quantities are read like amounts with three decimals (1,5 kg; 0.25 m). */
const QUANTITY: Currency = { code: 'QTY', decimals: 3 };

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

const MONEY_CODES: Record<MoneyProblem, RowErrorCode> = {
  invalid: 'amountInvalid',
  ambiguous: 'amountAmbiguous',
  wouldRound: 'amountWouldRound',
  tooLarge: 'amountInvalid',
};

export type SaleRowRead =
  { ok: true; sale: ImportSale; note?: RowNote } | { ok: false; error: RowError };

/**
 * Turn one CSV row into a sale line, or say what is wrong with it. A negative amount or
 * quantity, a "C" invoice, a "refund of" value or a refund word in the type or status column
 * makes the line a refund; a cancelled or unpaid order is skipped (`cancelledOrder`). A row
 * without any customer is read (its invoice's other rows may name one): SaleCollector decides.
 * A phone that cannot be read is left out when the name or customer id still says who it is.
 */
export function mapSaleRow(
  cells: readonly string[],
  mapping: SalesMapping,
  order: DateOrder,
  line: number,
  options: RowReadOptions = DEFAULT_ROW_OPTIONS,
): SaleRowRead {
  const cell = (f: SalesImportField) => {
    const i = mapping[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const invoiceNo = cell('invoiceNo').slice(0, 100);
  const fail = (code: RowErrorCode, value?: string) => ({
    ok: false as const,
    error: {
      line,
      code,
      ...(value !== undefined ? { value } : {}),
      ...(invoiceNo !== '' ? { invoiceNo } : {}),
    },
  });
  const typeText = cell('kind');
  const statusText = cell('status');
  const kindWord = rowKindWord(typeText) ?? rowKindWord(statusText);
  // A cancelled order is no sale whatever else its row says.
  if (kindWord === 'cancelled')
    return fail('cancelledOrder', (rowKindWord(typeText) ? typeText : statusText).slice(0, 100));
  const dateText = cell('date');
  if (dateText === '') return fail('dateMissing');
  const dr = readDateText(dateText, order);
  if (!dr.ok) return fail(dr.code === 'impossible' ? 'dateImpossible' : 'dateInvalid', dateText);
  const dt = dr.value;
  if (invoiceNo === '') return fail('invoiceMissing');

  const money = {
    currency: options.currency,
    decimalSeparator: options.decimalSeparator,
    prefer: options.prefer,
  };
  const amountText = cell('amount');
  const qtyText = cell('quantity');
  const priceText = cell('unitPrice');
  const withQuantity = mapping.quantity !== undefined && qtyText !== '';
  let signed: number;
  let saleLine: SaleLine | undefined;
  let quantity = 1;
  if (withQuantity) {
    const q = readMoney(qtyText, { ...money, currency: QUANTITY });
    if (!q.ok) return fail('quantityInvalid', qtyText);
    quantity = q.minor / 1000;
  }
  let unitPrice: number | undefined;
  if (mapping.unitPrice !== undefined && priceText !== '') {
    const p = readMoney(priceText, money);
    if (!p.ok) return fail(MONEY_CODES[p.problem], priceText);
    unitPrice = p.minor;
  }
  let fromPrice = false;
  let lineProduct: number | undefined;
  if (amountText !== '' || mapping.unitPrice === undefined) {
    const a = readMoney(amountText, money);
    if (!a.ok) return fail(MONEY_CODES[a.problem], amountText);
    signed = a.minor;
    // A line total written positive on a returned (negative) quantity is still a return.
    if (withQuantity && quantity < 0 && signed > 0) signed = -signed;
    if (withQuantity && unitPrice !== undefined)
      lineProduct = lineAmount(Math.abs(quantity), Math.abs(unitPrice)) ?? undefined;
  } else if (unitPrice !== undefined) {
    const product = lineAmount(quantity, unitPrice);
    if (product === null) return fail('amountWouldRound', `${qtyText} × ${priceText}`);
    signed = product;
    fromPrice = true;
  } else return fail('amountInvalid', '');
  if (withQuantity || unitPrice !== undefined) {
    saleLine = {
      quantity: Math.abs(quantity),
      unitPrice: Math.abs(unitPrice ?? (quantity !== 0 ? Math.round(signed / quantity) : 0)),
      amount: Math.abs(signed),
    };
  }
  if (signed === 0 && !saleLine) return fail('amountNotPositive', amountText);

  const refundOf = cell('refundOf').slice(0, 100);
  const kind: 'purchase' | 'refund' =
    signed < 0 || isCancellationInvoice(invoiceNo) || refundOf !== '' || kindWord === 'refund'
      ? 'refund'
      : 'purchase';

  const customerId = cell('customerId').slice(0, 100);
  const phoneRaw = cell('phone');
  const name = cell('name');
  let phoneE164: string | undefined;
  let note: RowNote | undefined;
  if (phoneRaw !== '') {
    const p = normalizeCached(phoneRaw);
    if (p.ok) phoneE164 = p.value.e164;
    // A marketplace's masked number ("******7890") or an e-mail in a contacts column: the
    // name still says who bought, so the sale is kept and the number left out, with a note.
    else if (name !== '' || customerId !== '')
      note = {
        line,
        code: 'phoneIgnored',
        value: phoneRaw.slice(0, 100),
        ...(invoiceNo !== '' ? { invoiceNo } : {}),
      };
    else return fail('phoneInvalid', phoneRaw);
  }
  const naive = Date.UTC(dt.y, dt.mo - 1, dt.d, dt.h, dt.mi, dt.s);
  const items = cell('items').slice(0, 10_000);
  let refunded: number | undefined;
  const refundedText = cell('refunded');
  if (refundedText !== '' && kind === 'purchase') {
    const r = readMoney(refundedText, money);
    if (!r.ok) return fail(MONEY_CODES[r.problem], refundedText);
    if (r.minor !== 0) refunded = Math.abs(r.minor);
  }
  if (saleLine && items !== '') saleLine.item = items.slice(0, 500);
  return {
    ok: true,
    sale: {
      id:
        kind === 'purchase' ? importedSaleId(naive, invoiceNo) : importedRefundId(naive, invoiceNo),
      invoiceNo,
      atMs: zonedTimeToUtc(dt, options.timeZone),
      naiveMs: naive,
      amount: Math.abs(signed),
      ...(kind === 'refund' ? { kind } : {}),
      ...(refundOf !== '' ? { refundOf } : {}),
      items: items === '' ? undefined : items,
      ...(saleLine ? { lines: [saleLine] } : {}),
      ...(fromPrice ? { fromPrice: true as const } : {}),
      ...(lineProduct !== undefined ? { lineProduct } : {}),
      ...(refunded !== undefined ? { refunded } : {}),
      paymentMethod: paymentCached(cell('paymentMethod')),
      phoneE164,
      phoneRaw: phoneRaw === '' || !phoneE164 ? undefined : phoneRaw.slice(0, 40),
      name: name === '' ? undefined : name.slice(0, 200),
      ...(customerId !== '' ? { customerId } : {}),
      line,
    },
    ...(note ? { note } : {}),
  };
}

/** Whether a sale says who bought it (a walk-in sale does not). */
export const hasCustomer = (s: Pick<ImportSale, 'phoneE164' | 'name' | 'customerId'>): boolean =>
  Boolean(s.phoneE164 || s.name || s.customerId);

/**
 * Who a sale belongs to, for matching and for creating one contact per customer: the POS's
 * customer id when the file has one, else the phone, else the folded name.
 */
export function customerKey(s: Pick<ImportSale, 'phoneE164' | 'name' | 'customerId'>): string {
  if (s.customerId) return `id:${s.customerId}`;
  return s.phoneE164 ? `phone:${s.phoneE164}` : `name:${foldText(s.name ?? '')}`;
}

/** Lines of one invoice written a little apart (a POS stamps each line) are one invoice. */
export const INVOICE_TIME_SLACK_MS = 30 * 60_000;
/** A sale keeps at most this many lines (a hostile file cannot make one record huge). */
const MAX_LINES = 1_000;

interface Group {
  sale: ImportSale;
  /** The file lines of this invoice (a number for the usual one-line sale: less memory). */
  lines: number | number[];
  minNaive: number;
  maxNaive: number;
  /**
   * The invoice's amount is the total written on its first row only (Shopify writes order
   * fields on an order's first line and leaves them blank on the others): not a line total.
   */
  orderTotal?: true;
}

const linesOf = (g: Group): number[] => (typeof g.lines === 'number' ? [g.lines] : g.lines);

/**
 * Collects rows into sales: the lines of one invoice (one row per item, as many POS exports
 * write) become one sale with the amounts added and the items kept as its lines; its returned
 * lines (negative) become one refund of it, dated on their own date. A "C" invoice is a refund,
 * linked to the sale the file names ("refund of", or the same number without the "C").
 * Lines of one invoice must agree on the customer and be within INVOICE_TIME_SLACK_MS; the
 * sale's time and id come from its earliest line, whatever the order of the rows. A line that
 * names no customer belongs to its invoice's customer; an invoice with none at all is a walk-in
 * sale, skipped with a note (so is a cancelled order), never refused.
 *
 * A row refused (`reject`) refuses its whole invoice, so no sale is imported with a wrong total:
 * `finish` lists those other rows as `invoiceRefused`.
 */
export class SaleCollector {
  private groups = new Map<string, Group>();
  private refused = new Map<string, RowErrorCode>();
  private rowErrors: RowError[] = [];
  private rowNotes: RowNote[] = [];
  private done: { sales: ImportSale[]; errors: RowError[]; notes: RowNote[] } | null = null;

  /** One row as mapSaleRow read it. */
  collect(r: SaleRowRead): void {
    if (r.ok) {
      this.add(r.sale);
      if (r.note) this.note(r.note);
    } else this.reject(r.error);
  }

  /** Something done with a row that is not an error (a skip, a value left out). */
  note(n: RowNote): void {
    this.done = null;
    this.rowNotes.push(n);
  }

  add(sale: ImportSale): void {
    this.done = null;
    if (sale.refunded !== undefined) {
      const { refunded, ...rest } = sale;
      this.add(rest);
      // The export gives no refund date: the refund is dated with the order.
      const naive = sale.naiveMs ?? sale.atMs;
      this.add({
        ...rest,
        id: importedRefundId(naive, sale.invoiceNo),
        kind: 'refund',
        refundOf: sale.invoiceNo,
        amount: refunded,
        items: undefined,
        lines: undefined,
        fromPrice: undefined,
        lineProduct: undefined,
      });
      return;
    }
    const kind = sale.kind ?? 'purchase';
    const key = `${kind}\u0000${sale.invoiceNo}`;
    const naive = sale.naiveMs ?? sale.atMs;
    const g = this.groups.get(key);
    if (!g) {
      this.groups.set(key, {
        sale: { ...sale, lines: sale.lines ? [...sale.lines] : undefined },
        lines: sale.line,
        minNaive: naive,
        maxNaive: naive,
      });
      return;
    }
    const existing = g.sale;
    const minNaive = Math.min(g.minNaive, naive);
    const maxNaive = Math.max(g.maxNaive, naive);
    if (
      maxNaive - minNaive > INVOICE_TIME_SLACK_MS ||
      (hasCustomer(existing) && hasCustomer(sale) && customerKey(existing) !== customerKey(sale)) ||
      (existing.refundOf ?? '') !== (sale.refundOf ?? '')
    ) {
      this.reject({
        line: sale.line,
        code: 'invoiceConflict',
        value: sale.invoiceNo,
        invoiceNo: sale.invoiceNo,
      });
      return;
    }
    if (!hasCustomer(existing)) {
      // The invoice's first lines named nobody: this line says who bought.
      if (sale.customerId !== undefined) existing.customerId = sale.customerId;
      existing.name = sale.name;
      existing.phoneE164 = sale.phoneE164;
      existing.phoneRaw = sale.phoneRaw;
    }
    if (!Number.isSafeInteger(existing.amount + sale.amount)) {
      this.reject({
        line: sale.line,
        code: 'amountInvalid',
        value: String(sale.amount),
        invoiceNo: sale.invoiceNo,
      });
      return;
    }
    if (typeof g.lines === 'number') g.lines = [g.lines, sale.line];
    else g.lines.push(sale.line);
    if (naive < g.minNaive) {
      existing.atMs = sale.atMs;
      existing.naiveMs = naive;
      existing.line = sale.line;
    }
    g.minNaive = minNaive;
    g.maxNaive = maxNaive;
    const firstLine = existing.lines?.length === 1 ? existing.lines[0] : undefined;
    if (
      sale.fromPrice &&
      linesOf(g).length === 2 &&
      !existing.fromPrice &&
      existing.lineProduct !== undefined &&
      firstLine !== undefined
    ) {
      g.orderTotal = true;
      firstLine.amount = existing.lineProduct;
    }
    if (!(g.orderTotal && sale.fromPrice)) existing.amount += sale.amount;
    if (sale.items && (existing.items ?? '').length < 10_000)
      existing.items = (existing.items ? `${existing.items}, ${sale.items}` : sale.items).slice(
        0,
        10_000,
      );
    if (sale.lines && existing.lines && existing.lines.length < MAX_LINES)
      existing.lines.push(...sale.lines.slice(0, MAX_LINES - existing.lines.length));
    existing.paymentMethod ??= sale.paymentMethod;
    existing.phoneE164 ??= sale.phoneE164;
    existing.phoneRaw ??= sale.phoneRaw;
    existing.name ??= sale.name;
  }

  /** A row that could not be read: its invoice is refused whole (a skipped row is a note). */
  reject(error: RowError): void {
    if (isSkipCode(error.code)) {
      this.note({ ...error, code: error.code });
      return;
    }
    this.done = null;
    this.rowErrors.push(error);
    if (error.invoiceNo !== undefined && !this.refused.has(error.invoiceNo))
      this.refused.set(error.invoiceNo, error.code);
  }

  /**
   * Sales to import, every refused row with its reason (rows first, in file order), and the
   * notes: rows skipped (walk-in sales, cancelled orders) and values left out.
   */
  finish(): { sales: ImportSale[]; errors: RowError[]; notes: RowNote[] } {
    if (this.done) return this.done;
    const refused = new Map(this.refused);
    const late: RowError[] = [];
    const refuse = (g: Group, code: RowErrorCode) => {
      if (!refused.has(g.sale.invoiceNo)) refused.set(g.sale.invoiceNo, code);
      for (const line of linesOf(g)) late.push({ line, code, invoiceNo: g.sale.invoiceNo });
    };
    const all = [...this.groups.values()];
    for (const g of all) {
      const s = g.sale;
      delete s.fromPrice;
      delete s.lineProduct;
      s.naiveMs = g.minNaive;
      s.id =
        (s.kind ?? 'purchase') === 'purchase'
          ? importedSaleId(g.minNaive, s.invoiceNo)
          : importedRefundId(g.minNaive, s.invoiceNo);
      // A walk-in invoice is skipped, whatever its amount.
      if (s.amount <= 0 && hasCustomer(s) && !refused.has(s.invoiceNo))
        refuse(g, 'amountNotPositive');
    }
    // Link refunds to the sale the file names, oldest first; never more than the sale.
    const purchases = new Map<string, Group>();
    for (const g of all)
      if ((g.sale.kind ?? 'purchase') === 'purchase') purchases.set(g.sale.invoiceNo, g);
    const refundedSoFar = new Map<string, number>();
    const refunds = all
      .filter((g) => g.sale.kind === 'refund')
      .sort((a, b) => a.minNaive - b.minNaive || (a.sale.id < b.sale.id ? -1 : 1));
    for (const g of refunds) {
      const s = g.sale;
      if (refused.has(s.invoiceNo)) continue;
      const target =
        purchases.get(s.refundOf ?? '') ??
        purchases.get(s.invoiceNo) ??
        (isCancellationInvoice(s.invoiceNo) ? purchases.get(s.invoiceNo.slice(1)) : undefined);
      if (!target || refused.has(target.sale.invoiceNo)) continue;
      if (g.minNaive < target.minNaive) {
        refuse(g, 'refundBeforeSale');
        continue;
      }
      const before = refundedSoFar.get(target.sale.id) ?? 0;
      if (before + s.amount > target.sale.amount) {
        refuse(g, 'refundTooMuch');
        continue;
      }
      refundedSoFar.set(target.sale.id, before + s.amount);
      s.reversesId = target.sale.id;
      // A refund receipt often names no customer: it is the sale's customer's.
      if (!hasCustomer(s)) {
        const t = target.sale;
        if (t.customerId !== undefined) s.customerId = t.customerId;
        s.name = t.name;
        s.phoneE164 = t.phoneE164;
        s.phoneRaw = t.phoneRaw;
      }
    }
    const errors = [...this.rowErrors];
    const reported = new Set(errors.map((e) => e.line));
    for (const e of late) {
      if (reported.has(e.line)) continue;
      reported.add(e.line);
      errors.push(e);
    }
    // Rows of a refused invoice that were fine themselves.
    for (const g of all) {
      if (!refused.has(g.sale.invoiceNo)) continue;
      for (const line of linesOf(g))
        if (!reported.has(line)) {
          reported.add(line);
          errors.push({ line, code: 'invoiceRefused', invoiceNo: g.sale.invoiceNo });
        }
    }
    errors.sort((a, b) => a.line - b.line);
    const notes = [...this.rowNotes];
    const sales: ImportSale[] = [];
    for (const g of all) {
      if (refused.has(g.sale.invoiceNo)) continue;
      if (hasCustomer(g.sale)) sales.push(g.sale);
      else
        for (const line of linesOf(g))
          notes.push({ line, code: 'walkIn', invoiceNo: g.sale.invoiceNo });
    }
    notes.sort((a, b) => a.line - b.line);
    this.done = { sales, errors, notes };
    return this.done;
  }

  get notes(): RowNote[] {
    return this.finish().notes;
  }

  get errors(): RowError[] {
    return this.finish().errors;
  }

  get size(): number {
    return this.finish().sales.length;
  }

  sales(): ImportSale[] {
    return this.finish().sales;
  }
}

/** The notes of an import, counted per kind, with the first few to show. */
export interface NoteSummary {
  counts: Partial<Record<NoteCode, number>>;
  first: RowNote[];
}

export function summarizeNotes(notes: readonly RowNote[], shown = 20): NoteSummary {
  const counts: Partial<Record<NoteCode, number>> = {};
  for (const n of notes) counts[n.code] = (counts[n.code] ?? 0) + 1;
  return { counts, first: notes.slice(0, shown) };
}
