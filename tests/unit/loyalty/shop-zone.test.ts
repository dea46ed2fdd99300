/**
 * The shop's time zone (#18 item 9): two devices, one in WIB (Asia/Jakarta) and one in WITA
 * (Asia/Makassar), import the same POS file for a shop in WITA and compute the same points,
 * tiers, expiry, birthday bonus and visit days, on the shop's calendar. The device's zone is
 * the process's (TZ), so the device-zone code paths really run in each zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { ensureFigures } from '../../../renderer/db/derived/rebuild';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';
import { emptyContactInput } from '../../../shared/contact-input';
import { DEFAULT_RULE } from '../../../shared/loyalty/rules';
import { mapSaleRow, SaleCollector } from '../../../shared/loyalty/sales-import';
import { IDR } from '../../../shared/money';

const ORIGINAL_TZ = process.env.TZ;
const opened: Repositories[] = [];
afterEach(async () => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
  for (const r of opened.splice(0)) {
    r.db.close();
    await r.db.delete();
  }
});

const SHOP_ZONE = 'Asia/Makassar';
const MAPPING = { date: 0, invoiceNo: 1, name: 2, phone: 3, amount: 4 };
// Wall-clock times in WITA. 31 Mar 06:00 WITA is 30 Mar 22:00 UTC; 1 Apr 00:30 WITA is still
// 31 Mar on a WIB clock (23:30), so the two receipts are two visits in WITA, one in WIB.
const FILE = [
  ['2026-03-31 06:00', 'INV-1', 'Ani', '0812-9999-0000', '3000000'],
  ['2026-04-01 00:30', 'INV-2', 'Ani', '0812-9999-0000', '100000'],
];
// One-month windows make the month arithmetic visible: 31 Mar + 1 month = 30 Apr.
const RULE = {
  ...DEFAULT_RULE,
  id: 'monthly',
  effectiveFrom: '2020-01-01T00:00:00.000Z',
  expiryMonths: 1,
  tierWindowMonths: 1,
  birthdayBonus: 20,
};
/** 1 May 04:00 WITA: the shop's last month began on 1 Apr 04:00, after the big sale. */
const TIER_AT = new Date('2026-05-01T04:00:00+08:00');
/** 10 Apr 00:30 WITA: Budi's birthday has begun in the shop (not yet on a WIB clock). */
const BIRTHDAY_AT = new Date('2026-04-10T00:30:00+08:00');

async function openShop(label: string) {
  let clock = new Date('2026-04-02T12:00:00+08:00');
  const repos = await openRepositories(`zone-${label}-${Math.random().toString(36).slice(2)}`);
  opened.push(repos);
  const loyalty = createLoyaltyRepository(repos.db, repos.clock, () => clock);
  return { repos, loyalty, setNow: (d: Date) => (clock = d) };
}

async function importFile(
  shop: Awaited<ReturnType<typeof openShop>>,
  rows: readonly string[][] = FILE,
) {
  const zone = (await shop.repos.shop.get()).timeZone;
  const c = new SaleCollector();
  rows.forEach((row, i) => {
    const m = mapSaleRow(row, MAPPING, 'ymd', i + 2, { currency: IDR, timeZone: zone });
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    c.add(m.sale);
  });
  await shop.loyalty.importSales(c.sales(), { awardPoints: true });
}

/** Everything a device computes for the shop, without its own ids and stamps. */
async function computeOn(deviceZone: string) {
  process.env.TZ = deviceZone;
  const shop = await openShop(deviceZone.replace('/', '-'));
  expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(
    deviceZone === 'Asia/Jakarta' ? -420 : -480,
  );
  await shop.repos.shop.setTimeZone(SHOP_ZONE);
  await shop.loyalty.saveRuleVersion(RULE);
  await importFile(shop);
  const ani = (await shop.repos.db.sales.toArray())[0]!.contactId;
  const created = await shop.repos.contacts.create({
    ...emptyContactInput(),
    name: 'Budi',
    birthday: '1990-04-10',
  });
  if (!created.ok) throw new Error('contact');
  const budi = created.value.id;
  await shop.loyalty.recordSale({
    contactId: budi,
    amount: 50_000,
    at: '2026-04-02T12:00:00+08:00',
    paymentMethod: 'cash',
  });
  shop.setNow(BIRTHDAY_AT);
  const birthdays = await shop.loyalty.grantBirthdayBonuses();
  const birthdayBonus = (await shop.repos.db.ledger.toArray())
    .filter((e) => e.reason === 'birthday')
    .map((e) => ({ at: e.at, points: e.points }));

  shop.setNow(new Date('2026-04-02T12:00:00+08:00'));
  const before = await shop.loyalty.contactLoyalty(ani);
  shop.setNow(TIER_AT);
  const after = await shop.loyalty.contactLoyalty(ani);
  await ensureFigures(shop.repos.db);
  const figures = await shop.repos.db.customerFigures.get(ani);
  return {
    ledger: (await shop.repos.db.ledger.toArray())
      .filter((e) => e.contactId === ani)
      .map((e) => [e.id, e.at, e.points])
      .sort(),
    points: before.balance,
    expiring: before.expiringSoon,
    tierAfter: after.tier.tier.name,
    balanceAfter: after.balance,
    birthdays,
    birthdayBonus,
    visits: figures?.visits,
    expiryKeys: figures?.expiryKeys,
    quietDueMs: figures?.quietDueMs,
  };
}

describe('the shop time zone on two devices (#18 item 9)', () => {
  it('WIB and WITA devices compute the same points, tiers, expiry, bonuses and visits', async () => {
    const wib = await computeOn('Asia/Jakarta');
    const wita = await computeOn('Asia/Makassar');
    expect(wib).toEqual(wita);
    // 300 points, then 12 (Silver by then); the big sale's expire on 30 Apr 06:00 WITA (the
    // shop's 31 Mar + 1 month), the small one's on 1 May 00:30 WITA.
    expect(wita.points).toBe(312);
    expect(wita.expiring.map((e) => new Date(e.expiresAtMs).toISOString())).toEqual([
      '2026-04-29T22:00:00.000Z',
      '2026-04-30T16:30:00.000Z',
    ]);
    // On 1 May 04:00 WITA the last month is from 1 Apr 04:00: the 3,000,000 sale is out.
    expect(wita.tierAfter).toBe('Bronze');
    // The birthday began at midnight WITA.
    expect(wita.birthdays).toBe(1);
    expect(wita.birthdayBonus).toEqual([{ at: '2026-04-09T16:00:00.000Z', points: 20 }]);
    // Two WITA days, though one WIB day.
    expect(wita.visits).toBe(2);
  });

  it('a change of the shop zone rebuilds the kept figures on the new calendar', async () => {
    process.env.TZ = 'Asia/Jakarta';
    const shop = await openShop('rezone');
    await shop.repos.shop.setTimeZone(SHOP_ZONE);
    await shop.loyalty.saveRuleVersion(RULE);
    await importFile(shop, FILE.slice(0, 1));
    await ensureFigures(shop.repos.db);
    const id = (await shop.repos.db.sales.toArray())[0]!.contactId;
    expect((await shop.repos.db.customerFigures.get(id))?.expiryKeys).toEqual([
      Date.parse('2026-04-29T22:00:00.000Z'),
    ]);
    // Read in UTC, the sale was on 30 Mar 22:00: its points last to 30 Apr 22:00 UTC.
    await shop.repos.shop.setTimeZone('UTC');
    expect((await shop.repos.db.meta.get('figures.version'))?.value).toMatch(/^stale/);
    await ensureFigures(shop.repos.db);
    expect((await shop.repos.db.customerFigures.get(id))?.expiryKeys).toEqual([
      Date.parse('2026-04-30T22:00:00.000Z'),
    ]);
    const panel = await shop.loyalty.contactLoyalty(id);
    expect(panel.expiringSoon.map((e) => e.expiresAtMs)).toEqual([
      Date.parse('2026-04-30T22:00:00.000Z'),
    ]);
  });
});
