/**
 * Importing a POS sales file on several devices (issue #11): the welcome bonus of a customer
 * the import creates, points that depend on the file and the rules only (not on what the
 * importing device already had), and the import applying whole or not at all.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { importedContactId, welcomeEntryId } from '../../../shared/loyalty/import-points';
import { DEFAULT_RULE } from '../../../shared/loyalty/rules';
import {
  customerKey,
  mapSaleRow,
  SaleCollector,
  type ImportSale,
} from '../../../shared/loyalty/sales-import';
import type { LedgerEntry } from '../../../shared/schemas';
import type { Repositories } from '../../../renderer/db';
import {
  createLoyaltyRepository,
  type LoyaltyRepository,
} from '../../../renderer/db/repositories/loyalty';
import { dumpDb } from '../fuzz/db-dump';
import { exportSyncText, importSyncText, openDevice } from '../sync/device';

const NOW = new Date('2026-11-23T10:00:00+07:00');
const MAPPING = { date: 0, invoiceNo: 1, phone: 2, name: 3, amount: 4 };
const opened: Repositories[] = [];

afterEach(async () => {
  for (const r of opened.splice(0)) {
    r.db.close();
    await r.db.delete();
  }
});

interface Device {
  repos: Repositories;
  loyalty: LoyaltyRepository;
}

async function device(label: string): Promise<Device> {
  const repos = await openDevice(label);
  opened.push(repos);
  return { repos, loyalty: createLoyaltyRepository(repos.db, repos.clock, () => NOW) };
}

/** Parse CSV-like rows the way the import worker does. */
function collect(rows: readonly string[][]): ImportSale[] {
  const c = new SaleCollector();
  rows.forEach((r, i) => {
    const m = mapSaleRow(r, MAPPING, 'ymd', i + 2);
    if (!m.ok) throw new Error(`${m.error.code} ${JSON.stringify(r)}`);
    c.add(m.sale);
  });
  if (c.errors.length > 0) throw new Error(JSON.stringify(c.errors));
  return c.sales();
}

async function sync(from: Device, to: Device) {
  await importSyncText(to.repos, await exportSyncText(from.repos, true));
}

async function ledger(d: Device): Promise<LedgerEntry[]> {
  return (await d.repos.db.ledger.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What a ledger says, without the per-device stamps. */
const body = (e: LedgerEntry) => ({
  id: e.id,
  contactId: e.contactId,
  kind: e.kind,
  at: e.at,
  points: e.points,
  saleId: e.saleId,
  reason: e.reason,
  ruleId: e.ruleId,
});

async function withWelcomeBonus(d: Device, points = 50) {
  const r = await d.loyalty.saveRuleVersion({ ...DEFAULT_RULE, welcomeBonus: points });
  if (!r.ok) throw new Error(r.error);
}

const FILE = [
  ['2026-01-05 10:00', 'INV-1', '0857-1111-2222', 'Budi', '100.000'],
  ['2026-02-05 10:00', 'INV-2', '0857 1111 2222', 'Budi', '2.500.000'],
  ['2026-03-05 10:00', 'INV-3', '+62 857 1111 2222', 'Budi', '100.000'],
  ['2026-03-06 10:00', 'INV-4', '', 'Made Wirawan', '30.000'],
];

describe('welcome bonus for customers a sales import creates', () => {
  it('is given once, with the derived id, under the rule of the first sale; a re-import adds nothing', async () => {
    const a = await device('a');
    await withWelcomeBonus(a, 50);
    const sales = collect(FILE);
    const first = await a.loyalty.importSales(sales, { awardPoints: true });
    expect(first.contactsCreated).toBe(2);
    const budi = sales.find((s) => s.invoiceNo === 'INV-1')!;
    const budiId = importedContactId(customerKey(budi));
    const bonuses = (await ledger(a)).filter((e) => e.kind === 'bonus');
    expect(bonuses.map((e) => [e.reason, e.points])).toEqual([
      ['welcome', 50],
      ['welcome', 50],
    ]);
    const budiBonus = bonuses.find((e) => e.contactId === budiId)!;
    expect(budiBonus.id).toBe(welcomeEntryId(budiId));
    expect(budiBonus.at).toBe(new Date(2026, 0, 5, 10, 0).toISOString());
    // 10 + 250 + 12 (Silver: Rp 2.6M in the 12 months before) + 3 + two bonuses of 50.
    expect(first.pointsAwarded).toBe(10 + 250 + 12 + 3 + 100);
    expect((await a.loyalty.contactLoyalty(budiId)).balance).toBe(10 + 250 + 12 + 50);
    // The kept figures (the panel's and Today's source) followed the import's raw writes.
    expect(await a.repos.db.customerFigures.get(budiId)).toMatchObject({ balanceAsOf: 322 });
    expect((await a.loyalty.contactLoyalty(budiId, 30, { history: false })).balance).toBe(322);

    const again = await a.loyalty.importSales(collect(FILE), { awardPoints: true });
    expect(again).toEqual({ added: 0, skipped: 4, contactsCreated: 0, pointsAwarded: 0 });
    // A later sale recorded by hand does not give a second welcome bonus.
    const r = await a.loyalty.recordSale({
      contactId: budiId,
      amount: 10_000,
      at: NOW.toISOString(),
      paymentMethod: 'cash',
    });
    expect(r.ok && r.bonus).toBe(0);
    expect((await ledger(a)).filter((e) => e.kind === 'bonus')).toHaveLength(2);
  });

  it('two devices importing the same file hold one bonus per customer after they merge', async () => {
    const a = await device('a');
    await withWelcomeBonus(a, 50);
    const b = await device('b');
    await sync(a, b); // the same rules on both
    await a.loyalty.importSales(collect(FILE), { awardPoints: true });
    // B imports the file in two parts, in the other order.
    await b.loyalty.importSales(collect(FILE.slice(2)), { awardPoints: true });
    await b.loyalty.importSales(collect(FILE.slice(0, 2)), { awardPoints: true });
    await sync(a, b);
    await sync(b, a);
    for (const d of [a, b]) {
      const welcome = (await ledger(d)).filter((e) => e.reason === 'welcome');
      expect(welcome).toHaveLength(2);
      expect(await d.repos.db.contacts.count()).toBe(2);
    }
    expect((await ledger(a)).map(body)).toEqual((await ledger(b)).map(body));
  });

  it('gives nothing when the rule of the first sale has no welcome bonus or points are not awarded', async () => {
    const a = await device('a');
    await a.loyalty.importSales(collect(FILE), { awardPoints: true });
    expect((await ledger(a)).filter((e) => e.kind === 'bonus')).toEqual([]);
    const b = await device('b');
    await withWelcomeBonus(b);
    await b.loyalty.importSales(collect(FILE), { awardPoints: false });
    expect(await ledger(b)).toEqual([]);
  });
});

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const PHONES = ['0857-1111-2222', '0813-2222-3333', '0812-4444-5555'];

const rowArb = fc.record({
  customer: fc.nat(3), // 0-2: a phone, 3: a name only
  day: fc.nat(600),
  amount: fc.integer({ min: 1, max: 400 }).map((n) => n * 10_000),
});
const localSaleArb = fc.record({
  customer: fc.nat(2),
  day: fc.nat(600),
  amount: fc.integer({ min: 1, max: 300 }).map((n) => n * 10_000),
});

function fileRows(rows: { customer: number; day: number; amount: number }[]): string[][] {
  return rows.map((r, i) => {
    const d = new Date(BASE + r.day * DAY);
    const date = d.toISOString().slice(0, 10);
    return r.customer === 3
      ? [date, `INV-${i}`, '', 'Made Wirawan', String(r.amount)]
      : [date, `INV-${i}`, PHONES[r.customer]!, `Customer ${r.customer}`, String(r.amount)];
  });
}

describe('points of imported sales', () => {
  it('are the same on every device whatever sales each already had, and the merged ledgers agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        fc.array(localSaleArb, { maxLength: 5 }),
        fc.array(localSaleArb, { maxLength: 5 }),
        fc.nat(2),
        async (rows, localA, localB, knownOnAOnly) => {
          const a = await device('a');
          const b = await device('b');
          await withWelcomeBonus(a, 20);
          // Customers 0-2 are in both books (made on A, synced to B), except one that only A
          // has; each device then records its own sales by hand.
          const ids: string[] = [];
          for (const [i, phone] of PHONES.entries()) {
            const r = await a.repos.contacts.create({
              ...emptyContactInput(),
              name: `Customer ${i}`,
              phones: [{ label: 'mobile', raw: phone }],
            });
            if (!r.ok) throw new Error('contact');
            ids.push(r.value.id);
          }
          await sync(a, b);
          // One customer exists on A only: B's import creates it.
          const onlyA = ids[knownOnAOnly]!;
          await b.repos.db.contacts.delete(onlyA);
          for (const [d, local] of [
            [a, localA],
            [b, localB],
          ] as const) {
            for (const s of local) {
              const contactId = ids[s.customer]!;
              if (d === b && contactId === onlyA) continue;
              const r = await d.loyalty.recordSale({
                contactId,
                amount: s.amount,
                at: new Date(BASE + s.day * DAY + 3_600_000).toISOString(),
                paymentMethod: 'cash',
              });
              if (!r.ok) throw new Error(r.error);
            }
          }
          const file = fileRows(rows);
          await a.loyalty.importSales(collect(file), { awardPoints: true });
          await b.loyalty.importSales(collect(file), { awardPoints: true });

          // Before any merge: each imported sale earned the same points on both devices.
          const earned = async (d: Device) => {
            const importedIds = new Set(collect(file).map((s) => s.id));
            return (await ledger(d))
              .filter((e) => e.kind === 'earn' && importedIds.has(e.saleId!))
              .map((e) => [e.id, e.saleId, e.points, e.ruleId]);
          };
          expect(await earned(b)).toEqual(await earned(a));

          await sync(a, b);
          await sync(b, a);
          expect((await ledger(b)).map(body)).toEqual((await ledger(a)).map(body));
          // One welcome bonus per customer the imports created, whoever created it.
          const welcomes = (await ledger(a)).filter((e) => e.reason === 'welcome');
          expect(new Set(welcomes.map((e) => e.id)).size).toBe(welcomes.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('an import applies whole or not at all', () => {
  /** A file big enough to be written in several chunks. */
  function bigFile(n: number): ImportSale[] {
    return collect(
      Array.from({ length: n }, (_, i) => [
        new Date(BASE + (i % 500) * DAY).toISOString().slice(0, 10),
        `BULK-${i}`,
        PHONES[i % 3]!,
        `Customer ${i % 3}`,
        String(10_000 + (i % 50) * 10_000),
      ]),
    );
  }

  it('a row that fails while the second chunk is written leaves the database as it was', async () => {
    const a = await device('a');
    await withWelcomeBonus(a);
    await a.loyalty.importSales(collect(FILE), { awardPoints: true });
    const before = await dumpDb(a.repos.db);
    const sales = bigFile(12_000);
    // A damaged row (not a string where text is expected), 11,000th in the id order the
    // import writes in: building its record throws after the first 10,000 sales were written.
    const victim = [...sales].sort((x, y) => (x.id < y.id ? -1 : 1))[11_000]!;
    (victim as unknown as { items: unknown }).items = 42;
    const progress: number[] = [];
    await expect(
      a.loyalty.importSales(sales, { awardPoints: true }, (done) => progress.push(done)),
    ).rejects.toThrow();
    expect(progress.some((d) => d >= 10_000)).toBe(true);
    expect(await dumpDb(a.repos.db)).toEqual(before);
  }, 120_000);

  it('a cancel after some chunks were written leaves the database as it was', async () => {
    const a = await device('a');
    const before = await dumpDb(a.repos.db);
    let cancel = false;
    await expect(
      a.loyalty.importSales(
        bigFile(12_000),
        { awardPoints: true },
        (done) => {
          if (done >= 10_000) cancel = true;
        },
        () => cancel,
      ),
    ).rejects.toThrow('Import cancelled');
    expect(await dumpDb(a.repos.db)).toEqual(before);
  }, 120_000);
});
