/**
 * #18.5-7 and #18.9: POS line-item exports (the UCI "Online Retail" layout, a Moka-like
 * Indonesian export saved by Excel with ";" and decimal commas, a snake_case export with
 * decimals), refunds from cancellations, and the shop's time zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { DEFAULT_RULE } from '../../../shared/loyalty/rules';
import {
  guessSalesMapping,
  mapSaleRow,
  SaleCollector,
  type DateOrder,
  type RowReadOptions,
} from '../../../shared/loyalty/sales-import';
import { IDR } from '../../../shared/money';

const FIXTURES = join(__dirname, '../../fixtures/sales');
const GBP = { code: 'GBP', decimals: 2 };

function read(name: string, order: DateOrder, options: RowReadOptions) {
  const rows = Papa.parse<string[]>(readFileSync(join(FIXTURES, name), 'utf8'), {
    skipEmptyLines: 'greedy',
  }).data;
  const mapping = guessSalesMapping(rows[0]!);
  const c = new SaleCollector();
  rows.slice(1).forEach((r, i) => {
    const m = mapSaleRow(r, mapping, order, i + 2, options);
    if (m.ok) c.add(m.sale);
    else c.reject(m.error);
  });
  return { mapping, ...c.finish() };
}

const opened: Repositories[] = [];
afterEach(async () => {
  for (const r of opened.splice(0)) {
    r.db.close();
    await r.db.delete();
  }
});
async function shop(name: string): Promise<Repositories> {
  const r = await openRepositories(`${name}-${Math.random().toString(36).slice(2)}`);
  opened.push(r);
  return r;
}

describe('a UCI "Online Retail" line-item export', () => {
  const file = () => read('uci-online-retail.csv', 'mdy', { currency: GBP, prefer: '.' });

  it('guesses the camelCase headers', () => {
    expect(file().mapping).toMatchObject({
      invoiceNo: 0,
      items: 2,
      quantity: 3,
      date: 4,
      unitPrice: 5,
      customerId: 6,
    });
  });

  it('sums quantity x unit price per invoice and keeps the items as lines', () => {
    const { sales } = file();
    const s = sales.find((x) => x.invoiceNo === '536365' && x.kind === undefined)!;
    // 6 x 2.55 + 6 x 3.39 + 8 x 2.75, in pence; two minutes apart is one invoice.
    expect(s.amount).toBe(5_764);
    expect(s.lines).toHaveLength(3);
    expect(s.lines![1]).toEqual({
      item: 'WHITE METAL LANTERN',
      quantity: 6,
      unitPrice: 339,
      amount: 2_034,
    });
    expect(s.customerId).toBe('17850');
    expect(sales.find((x) => x.invoiceNo === '536367')!.amount).toBe(32 * 169 + 6 * 210);
  });

  it('turns "C" invoices into refunds, linked where the file names the sale', () => {
    const { sales } = file();
    const linked = sales.find((x) => x.invoiceNo === 'C536365')!;
    const sale = sales.find((x) => x.invoiceNo === '536365')!;
    expect(linked).toMatchObject({ kind: 'refund', amount: 678, reversesId: sale.id });
    // Dated on its own day, 2 Dec, not the sale's.
    expect(new Date(linked.naiveMs!).toISOString()).toBe('2010-12-02T10:00:00.000Z');
    const unlinked = sales.find((x) => x.invoiceNo === 'C536379')!;
    expect(unlinked).toMatchObject({ kind: 'refund', amount: 2_750 });
    expect(unlinked.reversesId).toBeUndefined();
  });

  it('skips rows without a customer (walk-in sales) with a note, never as errors', () => {
    const { errors, notes, sales } = file();
    expect(errors).toEqual([]);
    expect(notes).toEqual([
      { line: 11, code: 'walkIn', invoiceNo: '536414' },
      { line: 12, code: 'walkIn', invoiceNo: '536544' },
    ]);
    expect(sales).toHaveLength(7);
  });

  it('writes refunds dated in the past, linked, with the points taken back', async () => {
    const r = await shop('uci');
    const { sales } = file();
    // 1 point per £1 (100 pence) so the small amounts earn something.
    await r.loyalty.saveRuleVersion({ ...DEFAULT_RULE, id: 'gbp', spendPerPoint: 100 });
    const result = await r.loyalty.importSales(sales, { awardPoints: true });
    expect(result.added).toBe(7);
    const refund = (await r.db.sales.toArray()).find((s) => s.invoiceNo === 'C536365')!;
    const sale = (await r.db.sales.toArray()).find((s) => s.invoiceNo === '536365')!;
    expect(refund).toMatchObject({ kind: 'refund', reversesId: sale.id, amount: 678 });
    expect(sale.lines).toHaveLength(3);
    expect(refund.at > sale.at).toBe(true);
    const ledger = await r.db.ledger.toArray();
    const earn = ledger.find((e) => e.saleId === sale.id)!;
    const reversal = ledger.find((e) => e.saleId === refund.id)!;
    expect(earn.points).toBe(57);
    // 678 of 5,764 pence refunded: floor(57 x 678 / 5764) = 6 points back.
    expect(reversal).toMatchObject({ kind: 'reversal', points: -6, reversesId: earn.id });
    // Customers keyed by their POS number; a re-import adds nothing.
    expect((await r.db.contacts.toArray()).map((c) => c.name).sort()).toEqual([
      '#13047',
      '#14527',
      '#15311',
      '#17809',
      '#17850',
    ]);
    expect((await r.loyalty.importSales(file().sales, { awardPoints: true })).added).toBe(0);
  });
});

describe('a Moka-like export saved by Excel (";" and decimal commas)', () => {
  const file = () => read('moka-excel-semicolon.csv', 'dmy', { currency: IDR, prefer: ',' });

  it('guesses the Indonesian POS headers', () => {
    expect(file().mapping).toMatchObject({
      invoiceNo: 0,
      date: 1,
      name: 2,
      phone: 3,
      items: 4,
      quantity: 5,
      unitPrice: 6,
      amount: 7,
      paymentMethod: 8,
    });
  });

  it('reads "18.000,00" as Rp 18.000, joins lines minutes apart, and refunds a returned line', () => {
    const { sales, errors } = file();
    const s1 = sales.find((s) => s.invoiceNo === 'S-0001')!;
    expect(s1.amount).toBe(51_500);
    expect(s1.lines!.map((l) => l.quantity)).toEqual([2, 1]);
    const buy = sales.find((s) => s.invoiceNo === 'S-0002' && s.kind === undefined)!;
    const back = sales.find((s) => s.invoiceNo === 'S-0002' && s.kind === 'refund')!;
    expect(buy.amount).toBe(15_000);
    expect(back).toMatchObject({ amount: 5_000, reversesId: buy.id });
    // 31/02 is named, not dropped or moved to March.
    expect(errors).toEqual([
      { line: 6, code: 'dateImpossible', value: '31/02/2025 08:00', invoiceNo: 'S-0003' },
    ]);
  });
});

describe('a snake_case export with decimals (hostile for rupiah)', () => {
  it('never rounds or guesses: 0.42 is refused, "1.250" follows the language', () => {
    const { sales, errors, mapping } = read('pawoon-decimals.csv', 'ymd', {
      currency: IDR,
      prefer: ',',
    });
    expect(mapping).toMatchObject({ invoiceNo: 0, date: 1, name: 2, phone: 3, quantity: 5 });
    expect(errors).toEqual([
      { line: 2, code: 'amountWouldRound', value: '0.42', invoiceNo: 'P-10' },
    ]);
    expect(sales.map((s) => [s.invoiceNo, s.amount])).toEqual([
      ['P-11', 1_250],
      ['P-12', 25_000],
    ]);
    const en = read('pawoon-decimals.csv', 'ymd', { currency: IDR, prefer: '.' });
    expect(en.errors.map((e) => e.code)).toEqual(['amountWouldRound', 'amountAmbiguous']);
  });

  it('refuses a whole invoice when one of its lines is bad, listing the good lines too', () => {
    const mapping = { date: 0, invoiceNo: 1, name: 2, quantity: 3, unitPrice: 4 };
    const c = new SaleCollector();
    const rows = [
      ['2025-10-01 10:00', 'A', 'Ani', '1', '10000'],
      ['2025-10-01 10:01', 'A', 'Ani', 'dua', '5000'],
      ['2025-10-01 12:00', 'B', 'Ani', '1', '7000'],
      ['2025-10-01 13:00', 'B', 'Ani', '1', '7000'],
    ];
    rows.forEach((r, i) => {
      const m = mapSaleRow(r, mapping, 'ymd', i + 2);
      if (m.ok) c.add(m.sale);
      else c.reject(m.error);
    });
    expect(c.finish().sales).toEqual([]);
    expect(c.finish().errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'invoiceRefused'],
      [3, 'quantityInvalid'],
      [4, 'invoiceRefused'],
      [5, 'invoiceConflict'],
    ]);
  });
});

describe('the shop time zone (#18.9)', () => {
  const ORIGINAL_TZ = process.env.TZ;
  afterEach(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });
  // 23:30 on 5 Oct: before midnight in WITA, the new rule starts at midnight WITA (16:00 UTC).
  const rows = [['2025-10-05 23:30', 'T-1', 'Ani', '0812-9999-0000', '100000']];
  const mapping = { date: 0, invoiceNo: 1, name: 2, phone: 3, amount: 4 };
  const rule = {
    ...DEFAULT_RULE,
    id: 'double',
    spendPerPoint: 5_000,
    effectiveFrom: '2025-10-05T16:00:00.000Z',
  };

  async function ledgerOn(deviceZone: string, shopZone: string | undefined) {
    process.env.TZ = deviceZone;
    const r = await shop(`tz-${deviceZone.replace('/', '-')}`);
    await r.loyalty.saveRuleVersion(rule);
    if (shopZone) await r.shop.setTimeZone(shopZone);
    const zone = (await r.shop.get()).timeZone;
    const c = new SaleCollector();
    rows.forEach((row, i) => {
      const m = mapSaleRow(row, mapping, 'ymd', i + 2, { currency: IDR, timeZone: zone });
      if (m.ok) c.add(m.sale);
    });
    await r.loyalty.importSales(c.sales(), { awardPoints: true });
    const sales = (await r.db.sales.toArray()).map((s) => [s.id, s.at, s.amount]);
    const ledger = (await r.db.ledger.toArray()).map((e) => [e.id, e.at, e.points, e.ruleId]);
    return { sales, ledger };
  }

  it('gives a WIB and a WITA device the same sales and points for the same file', async () => {
    const wib = await ledgerOn('Asia/Jakarta', 'Asia/Makassar');
    const wita = await ledgerOn('Asia/Makassar', 'Asia/Makassar');
    expect(wib).toEqual(wita);
    // Read in WITA: 23:30 is before the new rule's midnight, so the old rule's 10 points.
    expect(wita.ledger.map((e) => e[2])).toEqual([10]);
  });

  it('differs without a shop zone (each device reads its own clock)', async () => {
    const wib = await ledgerOn('Asia/Jakarta', undefined);
    const wita = await ledgerOn('Asia/Makassar', undefined);
    expect(wib).not.toEqual(wita);
  });
});
