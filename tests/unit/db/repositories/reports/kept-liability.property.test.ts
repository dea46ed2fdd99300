/**
 * The points liability from the kept figures (reports repository keptBalances: each customer's
 * kept balance minus the lots expired by then) equals the definition, the ledger replayed by
 * shared/reports/liability.ts, on random books: sales over two years (so lots expire), refunds,
 * redemptions, merges and erasures, at moments after the latest entry up to years later. A
 * moment before some customer's latest entry is not answered from the kept rows (null).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { liabilityAt, pointsLiability } from '../../../../../shared/reports';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import { ensureFigures } from '../../../../../renderer/db/derived/rebuild';
import { ErasedContactError } from '../../../../../renderer/db/errors';

type Op =
  | { op: 'create' }
  | { op: 'sale'; c: number; amount: number; day: number }
  | { op: 'refund'; s: number; share: number }
  | { op: 'redeem'; c: number; points: number }
  | { op: 'merge'; c: number; into: number }
  | { op: 'erase'; c: number };

const idx = fc.nat({ max: 9 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.constant({ op: 'create' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('sale' as const),
      c: idx,
      amount: fc.integer({ min: 5_000, max: 900_000 }),
      day: fc.integer({ min: 0, max: 730 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      s: idx,
      share: fc.constantFrom(0.25, 0.5, 1),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('redeem' as const),
      c: idx,
      points: fc.integer({ min: 1, max: 60 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('merge' as const), c: idx, into: idx }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('erase' as const), c: idx }), weight: 1 },
);

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2025-01-01T03:00:00.000Z');

async function liveIds(r: Repositories): Promise<string[]> {
  return (await r.db.contacts.toArray())
    .filter((c) => !c.deletedAt && !c.mergedInto)
    .map((c) => c.id)
    .sort();
}

const pick = <T>(list: T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

async function apply(r: Repositories, op: Op): Promise<void> {
  if (op.op === 'create') {
    await r.contacts.create({ ...emptyContactInput(), name: 'Pelanggan' });
  } else if (op.op === 'sale') {
    const c = pick(await liveIds(r), op.c);
    if (c)
      await r.loyalty.recordSale({
        contactId: c,
        amount: op.amount,
        at: new Date(START + op.day * DAY).toISOString(),
        paymentMethod: 'cash',
      });
  } else if (op.op === 'refund') {
    const purchases = (await r.db.sales.toArray())
      .filter((s) => s.kind === 'purchase')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const s = pick(purchases, op.s);
    if (s)
      await r.loyalty.refundSale({
        saleId: s.id,
        amount: Math.max(1, Math.floor(s.amount * op.share)),
        at: new Date(Date.parse(s.at) + DAY).toISOString(),
      });
  } else if (op.op === 'redeem') {
    const c = pick(await liveIds(r), op.c);
    if (c) await r.loyalty.redeem({ contactId: c, points: op.points });
  } else if (op.op === 'merge') {
    const ids = await liveIds(r);
    const a = pick(ids, op.c);
    const b = pick(ids, op.into);
    if (a && b && a !== b)
      await r.contacts.merge(a, b).catch((e: unknown) => {
        if (!(e instanceof ErasedContactError)) throw e;
      });
  } else {
    const c = pick(await liveIds(r), op.c);
    if (c) await r.privacy.eraseContact(c);
  }
}

describe('points liability from the kept figures', () => {
  it('equals the ledger replay at any moment after the latest entry', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 4, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 1_200 }), { minLength: 1, maxLength: 4 }),
        async (ops, laterDays) => {
          const r = await openRepositories(`kept-liability-${run++}-${Math.random()}`);
          try {
            for (const op of ops) await apply(r, op);
            await ensureFigures(r.db);
            const ledger = (await r.db.ledger.toArray()).filter((e) => !e.deletedAt);
            const latest = Math.max(START, ...ledger.map((e) => Date.parse(e.at)));
            const moments = [latest, ...laterDays.map((d) => latest + d * DAY + 1)];
            const kept = await r.reports.keptBalances(moments);
            const loyalty = await r.reports.loadLoyalty();
            moments.forEach((at, i) => {
              const b = kept[i];
              expect(b).not.toBeNull();
              expect(pointsLiability(b!, 250)).toEqual(liabilityAt(loyalty, at, 250));
            });
            if (ledger.length > 0) {
              const [before] = await r.reports.keptBalances([latest - 1]);
              expect(before).toBeNull();
            }
          } finally {
            r.db.close();
            await r.db.delete();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
