/**
 * The kept figures always equal a full recomputation from the events: 2-3 devices (real
 * repositories on fake-indexeddb, the middleware under them) record sales, refunds and
 * redemptions, merge and erase contacts, change birthdays, exchange sync files in any order
 * and restore each other's backups; then every device's `customerFigures` table must hold
 * exactly the rows `customerFigures` (shared) computes from that device's events.
 *
 * Runs: each run opens 2-3 databases and does up to 25 operations (~0.5 s), so 25 runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { aliasGroup, resolveSurvivor } from '../../../shared/contacts/survivor';
import { customerFigures, type CustomerFigures } from '../../../shared/derived/customer-figures';
import { LOYALTY_RULES_KEY, parseRules } from '../../../shared/loyalty/rules';
import { readKenalFile, serializeEnvelope } from '../../../shared/sync/envelope';
import type { Repositories } from '../../../renderer/db';
import { ensureFigures } from '../../../renderer/db/derived/rebuild';
import { ErasedContactError } from '../../../renderer/db/errors';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import { openDevice, patchContact } from '../sync/device';

type Op =
  | { op: 'create'; d: number; birthday: string | null }
  | { op: 'sale'; d: number; c: number; amount: number; day: number }
  | { op: 'refund'; d: number; s: number; share: number }
  | { op: 'redeem'; d: number; c: number; points: number }
  | { op: 'merge'; d: number; c: number; into: number }
  | { op: 'erase'; d: number; c: number }
  | { op: 'birthday'; d: number; c: number; birthday: string }
  | { op: 'sync'; from: number; to: number }
  | { op: 'restore'; from: number; to: number };

const dev = fc.nat({ max: 2 });
const idx = fc.nat({ max: 12 });
const birthday = fc.constantFrom('1990-05-17', '1985-12-01', '2000-02-29');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      d: dev,
      birthday: fc.option(birthday, { nil: null }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('sale' as const),
      d: dev,
      c: idx,
      amount: fc.integer({ min: 5_000, max: 900_000 }),
      // Sales over two years, so some points have expired and some expire soon.
      day: fc.integer({ min: 0, max: 730 }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      d: dev,
      s: idx,
      share: fc.constantFrom(0.25, 0.5, 1),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('redeem' as const),
      d: dev,
      c: idx,
      points: fc.integer({ min: 1, max: 40 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('merge' as const), d: dev, c: idx, into: idx }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('erase' as const), d: dev, c: idx }), weight: 1 },
  {
    arbitrary: fc.record({ op: fc.constant('birthday' as const), d: dev, c: idx, birthday }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('sync' as const), from: dev, to: dev }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('restore' as const), from: dev, to: dev }), weight: 1 },
);

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2025-01-01T03:00:00.000Z');

async function liveContactIds(r: Repositories): Promise<string[]> {
  const all = await r.db.contacts.toArray();
  return all
    .filter((c) => !c.deletedAt && !c.mergedInto)
    .map((c) => c.id)
    .sort();
}

async function apply(devices: Repositories[], op: Op): Promise<void> {
  const pick = <T>(list: T[], i: number): T | undefined =>
    list.length === 0 ? undefined : list[i % list.length];
  switch (op.op) {
    case 'create': {
      const r = devices[op.d]!;
      await r.contacts.create({
        ...emptyContactInput(),
        name: `Pelanggan ${op.d}`,
        ...(op.birthday ? { birthday: op.birthday } : {}),
      });
      return;
    }
    case 'sale': {
      const r = devices[op.d]!;
      const c = pick(await liveContactIds(r), op.c);
      if (!c) return;
      await r.loyalty.recordSale({
        contactId: c,
        amount: op.amount,
        at: new Date(START + op.day * DAY).toISOString(),
        paymentMethod: 'cash',
      });
      return;
    }
    case 'refund': {
      const r = devices[op.d]!;
      const purchases = (await r.db.sales.toArray()).filter((s) => s.kind === 'purchase');
      const s = pick(
        purchases.sort((a, b) => (a.id < b.id ? -1 : 1)),
        op.s,
      );
      if (!s) return;
      await r.loyalty.refundSale({
        saleId: s.id,
        amount: Math.max(1, Math.floor(s.amount * op.share)),
        at: new Date(Date.parse(s.at) + DAY).toISOString(),
      });
      return;
    }
    case 'redeem': {
      const r = devices[op.d]!;
      const c = pick(await liveContactIds(r), op.c);
      if (c) await r.loyalty.redeem({ contactId: c, points: op.points });
      return;
    }
    case 'merge': {
      const r = devices[op.d]!;
      const ids = await liveContactIds(r);
      const a = pick(ids, op.c);
      const b = pick(ids, op.into);
      if (a && b && a !== b) {
        // Merging into or out of an erased customer is refused (UU PDP): nothing written.
        await r.contacts.merge(a, b).catch((e: unknown) => {
          if (!(e instanceof ErasedContactError)) throw e;
        });
      }
      return;
    }
    case 'erase': {
      const r = devices[op.d]!;
      const c = pick(await liveContactIds(r), op.c);
      if (c) await r.privacy.eraseContact(c);
      return;
    }
    case 'birthday': {
      const r = devices[op.d]!;
      const c = pick(await liveContactIds(r), op.c);
      // A write made outside the repositories (as a test device does) is kept up too.
      if (c) await patchContact(r, c, { birthday: op.birthday });
      return;
    }
    case 'sync': {
      if (op.from === op.to) return;
      const { envelope } = await devices[op.from]!.sync.exportSync('kenal@test', { full: true });
      const read = await readKenalFile(serializeEnvelope(envelope), {
        expectedKind: 'sync',
        schemaVersion: SCHEMA_VERSION,
      });
      if (!read.ok) throw new Error(read.error.code);
      await devices[op.to]!.sync.importSync(read.value.envelope, { confirmMassDelete: true });
      return;
    }
    case 'restore': {
      if (op.from === op.to) return;
      const backup = await devices[op.from]!.sync.exportBackup('kenal@test');
      await devices[op.to]!.sync.restoreBackup(backup);
      return;
    }
  }
}

/** Every row, computed from scratch from the device's events (no kept state, no middleware). */
async function recomputed(r: Repositories): Promise<CustomerFigures[]> {
  const [contacts, sales, ledger, settings] = await Promise.all([
    r.db.contacts.toArray(),
    r.db.sales.toArray(),
    r.db.ledger.toArray(),
    r.db.settings.toArray(),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const rulesRow = settings.find((s) => s.key === LOYALTY_RULES_KEY && !s.deletedAt);
  const rules = parseRules(rulesRow?.value);
  const out: CustomerFigures[] = [];
  for (const c of contacts) {
    if ((await resolveSurvivor(c.id, (id) => byId.get(id)?.mergedInto)) !== c.id) continue;
    const group = new Set(
      await aliasGroup(c.id, (ids) =>
        contacts.filter((x) => x.mergedInto && ids.includes(x.mergedInto)).map((x) => x.id),
      ),
    );
    out.push(
      customerFigures({
        id: c.id,
        contact: c,
        aliases: [...group],
        sales: sales.filter((s) => group.has(s.contactId)),
        ledger: ledger.filter((e) => group.has(e.contactId)),
        rules,
      }),
    );
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Ledger/sales order inside a row's source lists does not matter; the row must not depend on it. */
const sortRows = (rows: CustomerFigures[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('kept customer figures', () => {
  it('equal a full recomputation after any sequence of writes on several devices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.array(opArb, { minLength: 5, maxLength: 25 }),
        async (n, ops) => {
          const devices: Repositories[] = [];
          for (let i = 0; i < n; i++) devices.push(await openDevice(`figures-${i}`));
          try {
            for (const op of ops) {
              const fixed: Op =
                'd' in op ? { ...op, d: op.d % n } : { ...op, from: op.from % n, to: op.to % n };
              await apply(devices, fixed);
            }
            for (const r of devices) {
              await ensureFigures(r.db);
              const kept = sortRows(await r.db.customerFigures.toArray());
              expect(kept).toEqual(await recomputed(r));
            }
          } finally {
            for (const r of devices) {
              r.db.close();
              await r.db.delete();
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
