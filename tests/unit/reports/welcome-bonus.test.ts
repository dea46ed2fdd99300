/**
 * #19.4: the welcome bonus ("on the first purchase") is not paid to existing customers, who
 * bought before the bonus was switched on, on their next sale: by hand or by a sales import.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { importCustomers, importWelcome } from '../../../shared/loyalty/import-points';
import { DEFAULT_RULE, DEFAULT_RULES, withVersion } from '../../../shared/loyalty/rules';
import { mapSaleRow, SaleCollector } from '../../../shared/loyalty/sales-import';
import { isFirstPurchase, welcomeBonusFor } from '../../../shared/loyalty/welcome';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';

/** The bonus switched on (50 points) from 1 June 2026; the default rule before it. */
const SWITCH_ON = '2026-06-01T00:00:00.000Z';
const WITH_BONUS = withVersion(DEFAULT_RULES, {
  ...DEFAULT_RULE,
  id: 'bonus-on',
  effectiveFrom: SWITCH_ON,
  welcomeBonus: 50,
});

describe('welcome bonus rule (shared)', () => {
  const p = (id: string, at: string) => ({ id, at, kind: 'purchase' as const });

  it('is paid on a first purchase made under the bonus', () => {
    const sale = p('s2', '2026-07-01T10:00:00.000Z');
    expect(welcomeBonusFor(sale, [sale], WITH_BONUS)?.points).toBe(50);
  });

  it('is not paid to a customer who bought before the bonus was switched on', () => {
    const before = p('s1', '2026-03-01T10:00:00.000Z');
    const next = p('s2', '2026-07-01T10:00:00.000Z');
    expect(welcomeBonusFor(next, [before, next], WITH_BONUS)).toBeNull();
    // Nor when their first purchase is entered after the fact under the old rule.
    expect(welcomeBonusFor(before, [before, next], WITH_BONUS)).toBeNull();
  });

  it('a back-dated sale before the switch brings nothing; refunds are not purchases', () => {
    const old = p('s0', '2026-01-15T10:00:00.000Z');
    expect(welcomeBonusFor(old, [old], WITH_BONUS)).toBeNull();
    const refund = { id: 'r1', at: '2026-01-01T00:00:00.000Z', kind: 'refund' as const };
    const sale = p('s3', '2026-08-01T00:00:00.000Z');
    expect(isFirstPurchase(sale, [refund, sale])).toBe(true);
  });

  it('ties on time are broken by id, the same on every device', () => {
    const a = p('a', '2026-07-01T10:00:00.000Z');
    const b = p('b', '2026-07-01T10:00:00.000Z');
    expect(isFirstPurchase(a, [a, b])).toBe(true);
    expect(isFirstPurchase(b, [b, a])).toBe(false);
  });
});

describe('welcome bonus in the loyalty repository', () => {
  let repos: Repositories;
  let loyalty: ReturnType<typeof createLoyaltyRepository>;
  let n = 0;

  beforeEach(async () => {
    repos = await openRepositories(`test-welcome-${++n}-${Date.now()}`);
    loyalty = createLoyaltyRepository(repos.db, repos.clock, () => new Date('2026-11-23T10:00Z'));
  });
  afterEach(async () => {
    repos.db.close();
    await repos.db.delete();
  });

  async function contact(name: string, phone: string) {
    const r = await repos.contacts.create({
      ...emptyContactInput(),
      name,
      phones: [{ label: 'mobile', raw: phone }],
    });
    if (!r.ok) throw new Error('contact not saved');
    return r.value.id;
  }
  async function sale(contactId: string, at: string) {
    const r = await loyalty.recordSale({ contactId, amount: 100_000, at, paymentMethod: 'cash' });
    if (!r.ok) throw new Error(r.error);
    return r;
  }

  it('an existing customer gets no bonus on the first sale after the switch; a new one does', async () => {
    const regular = await contact('Siti Rahayu', '0812-3456-7890');
    await sale(regular, '2026-03-10T10:00:00+07:00');
    await loyalty.saveRuleVersion({
      ...DEFAULT_RULE,
      id: 'bonus-on',
      effectiveFrom: SWITCH_ON,
      welcomeBonus: 50,
    });
    expect((await sale(regular, '2026-11-20T10:00:00+07:00')).bonus).toBe(0);
    expect((await loyalty.contactLoyalty(regular)).balance).toBe(20);

    const newcomer = await contact('Budi Santoso', '0857-1111-2222');
    expect((await sale(newcomer, '2026-11-20T11:00:00+07:00')).bonus).toBe(50);
    expect((await sale(newcomer, '2026-11-21T11:00:00+07:00')).bonus).toBe(0);
    expect((await loyalty.contactLoyalty(newcomer)).balance).toBe(70);
  });

  it('an import does not welcome a customer whose history starts before the switch, nor again on a later file', async () => {
    await loyalty.saveRuleVersion({
      ...DEFAULT_RULE,
      id: 'bonus-on',
      effectiveFrom: SWITCH_ON,
      welcomeBonus: 50,
    });
    const mapping = { date: 0, invoiceNo: 1, phone: 2, name: 3, amount: 4 };
    const file = (rows: string[][]) => {
      const c = new SaleCollector();
      rows.forEach((r, i) => {
        const m = mapSaleRow(r, mapping, 'dmy', i + 2);
        if (!m.ok) throw new Error(m.error.code);
        c.add(m.sale);
      });
      return c.sales();
    };
    // A POS export: Siti has bought since March, Budi first bought in October.
    const first = file([
      ['2026-03-02', 'INV-1', '0812-3456-7890', 'Siti', '100.000'],
      ['2026-10-02', 'INV-2', '0812-3456-7890', 'Siti', '100.000'],
      ['2026-10-03', 'INV-3', '0857-1111-2222', 'Budi', '100.000'],
    ]);
    const customers = [...importCustomers(first).values()];
    const welcomed = customers.filter((c) => importWelcome(c, WITH_BONUS) !== null);
    expect(welcomed.map((c) => c.first.name)).toEqual(['Budi']);
    const r1 = await loyalty.importSales(first, { awardPoints: true });
    expect(r1.pointsAwarded).toBe(30 + 50);

    // The next export holds only November: Siti is still not new, and Budi was welcomed once.
    const next = file([
      ['2026-11-02', 'INV-4', '0812-3456-7890', 'Siti', '100.000'],
      ['2026-11-03', 'INV-5', '0857-1111-2222', 'Budi', '100.000'],
    ]);
    const r2 = await loyalty.importSales(next, { awardPoints: true });
    expect(r2).toMatchObject({ added: 2, pointsAwarded: 20 });
    const bonuses = (await repos.db.ledger.toArray()).filter((e) => e.kind === 'bonus');
    expect(bonuses).toHaveLength(1);
  });
});
