/**
 * Recording a sale for a regular with a long history: the sale, its points and a welcome
 * bonus recompute the customer's kept figures once (one read of their sales and one of their
 * ledger), and the new balance comes from those figures, not from another replay. Before, each
 * of those writes re-read the whole history and the balance replayed the ledger again: with
 * 5,000 sales that was the 3 s between Enter and the new balance.
 */
import type { DBCore, DBCoreQueryRequest, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { customerFigures, sameFigures } from '../../../shared/derived/customer-figures';
import { computeLedger } from '../../../shared/loyalty/ledger';
import { parseRules } from '../../../shared/loyalty/rules';
import { openDeviceClock } from '../../../renderer/db/clock';
import { KenalDb } from '../../../renderer/db/database';
import { createContactsRepository } from '../../../renderer/db/repositories/contacts';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';

let db: KenalDb | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

/** Counts full-history reads: queries of sales or ledger over one contact's [contactId+at]. */
function historyReads(): { middleware: Middleware<DBCore>; count: Map<string, number> } {
  const count = new Map<string, number>();
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'TestHistoryReads',
    level: 1,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            query(req: DBCoreQueryRequest) {
              const idx = req.query.index;
              if (idx.name === '[contactId+at]' && req.limit === undefined) {
                count.set(name, (count.get(name) ?? 0) + 1);
                // From the first event on (not a window of recent ones): the whole history.
                const lower = req.query.range.lower as unknown[] | undefined;
                if (Array.isArray(lower) && lower[1] === down.MIN_KEY)
                  count.set(`${name}:all`, (count.get(`${name}:all`) ?? 0) + 1);
              }
              return table.query(req);
            },
            // Collection reads with a filter (identity.ts contactEvents) go through a cursor.
            openCursor(req) {
              const lower = req.query.range.lower as unknown[] | undefined;
              if (
                req.query.index.name === '[contactId+at]' &&
                Array.isArray(lower) &&
                lower[1] === down.MIN_KEY &&
                !req.reverse
              )
                count.set(`${name}:all`, (count.get(`${name}:all`) ?? 0) + 1);
              return table.openCursor(req);
            },
          };
        },
      };
    },
  };
  return { middleware, count };
}

describe('recording a sale', () => {
  it('recomputes the figures once and reads the balance from them', async () => {
    const { middleware, count } = historyReads();
    db = new KenalDb(`sale-save-${Math.random()}`);
    db.use(middleware);
    await db.open();
    const clock = await openDeviceClock(db);
    const contacts = createContactsRepository(db, clock);
    const loyalty = createLoyaltyRepository(db, clock);
    await db.settings.put({
      id: 'rules',
      key: 'loyalty.rules',
      value: { welcomeBonus: 50 },
    } as never);
    const made = await contacts.create({ ...emptyContactInput(), name: 'Langganan' });
    if (!made.ok) throw new Error('contact');
    const id = made.value.id;
    count.clear();
    const r = await loyalty.recordSale({
      contactId: id,
      amount: 250_000,
      at: new Date().toISOString(),
      paymentMethod: 'cash',
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(count.get('sales')).toBe(1);
    expect(count.get('ledger')).toBe(1);
    // The balance and the kept row are what a replay of every event says.
    const rules = parseRules(
      (await db.settings.where('key').equals('loyalty.rules').first())?.value,
    );
    const ledger = await db.ledger.toArray();
    expect(ledger.length).toBeGreaterThan(0);
    expect(r.balance).toBe(computeLedger(ledger, rules, Date.now()).balance);
    const kept = await db.customerFigures.get(id);
    const full = customerFigures({
      id,
      contact: await db.contacts.get(id),
      aliases: [id],
      sales: await db.sales.toArray(),
      ledger,
      rules,
    });
    expect(kept && sameFigures(kept, full)).toBe(true);
  });

  it("a regular's next sale and redemption update the kept row without reading their history", async () => {
    const { middleware, count } = historyReads();
    db = new KenalDb(`sale-save-${Math.random()}`);
    db.use(middleware);
    await db.open();
    const clock = await openDeviceClock(db);
    const contacts = createContactsRepository(db, clock);
    const loyalty = createLoyaltyRepository(db, clock);
    const made = await contacts.create({ ...emptyContactInput(), name: 'Langganan' });
    if (!made.ok) throw new Error('contact');
    const id = made.value.id;
    const day = 86_400_000;
    for (let i = 30; i >= 1; i--) {
      const r = await loyalty.recordSale({
        contactId: id,
        amount: 100_000 + i,
        at: new Date(Date.now() - i * 3 * day).toISOString(),
        paymentMethod: 'cash',
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    count.clear();
    const r = await loyalty.recordSale({
      contactId: id,
      amount: 250_000,
      at: new Date().toISOString(),
      paymentMethod: 'cash',
      redeemPoints: 10,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(count.get('sales:all') ?? 0).toBe(0);
    expect(count.get('ledger:all') ?? 0).toBe(0);
    const rules = parseRules(undefined);
    const ledger = await db.ledger.toArray();
    expect(r.balance).toBe(computeLedger(ledger, rules, Date.now()).balance);
    const kept = await db.customerFigures.get(id);
    const full = customerFigures({
      id,
      contact: await db.contacts.get(id),
      aliases: [id],
      sales: await db.sales.toArray(),
      ledger,
      rules,
    });
    expect(kept && sameFigures(kept, full)).toBe(true);
    expect(kept?.purchases).toBe(31);
  });
});
