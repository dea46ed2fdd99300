/**
 * Issue #17 as a property: 3-5 devices on real databases, each with its own clock skew (hours
 * ahead or behind), make short random histories of edits, erasures (UU PDP), concurrent
 * contact merges, sales, refunds (two devices may each refund the same sale in full),
 * redemptions, exchanges of sync files (full or incremental, relays, stale re-imports) and
 * hostile files (tampered events, tombstoned events, far-future stamps, a refund ten times the
 * sale).
 * Asserted on the full dump of every device:
 * - a hostile file's refused rows change zero rows, and every refusal is counted;
 * - after one final round (every file reaches every device) all devices hold identical tables;
 * - every ledger entry made exists exactly once, with the points it was made with;
 * - erasure is final: an erased contact, and every contact linked to it by `mergedInto`, holds
 *   no personal value, no device keeps a history row of it, and no table of any device keeps
 *   what her sales said (items text, line names);
 * - refunds never exceed the sale after a merge: every over-refunded purchase of a customer not
 *   erased has its follow-up, and no earn is reversed by more than its points.
 *
 * Short histories keep one run near 40 ms, so 1,000 runs fit the time limit; the seed is fixed
 * like the fuzz suite's (FUZZ_SEED=random explores).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import { ERASED_NAME } from '../../../shared/privacy/erase';
import { overRefundFollowUpId, overRefunds } from '../../../shared/loyalty/over-refund';
import { refusalTotal } from '../../../shared/sync/guard';
import { readKenalFile, type Tables } from '../../../shared/sync/envelope';
import { SCHEMA_VERSION } from '../../../renderer/db/schema';
import type { Repositories } from '../../../renderer/db';
import {
  addSale,
  createContact,
  devicePool,
  EVIL,
  evilFile,
  expectEarnsReversedAtMostOnce,
  exportSyncText,
  finalRound,
  forgedOverRefund,
  HOUR,
  importSyncText,
  patchContact,
  redeem,
  snapshot,
  type PoolDevice,
} from './device';

if (process.env.FUZZ_SEED !== 'random') {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261203) });
}

type Device = PoolDevice;
const devices = devicePool('hostile');

type Hostile = 'changeEvent' | 'tombstoneEvent' | 'future' | 'overRefund';
type Op =
  | { k: 'create'; d: number }
  | { k: 'edit'; d: number; c: number; v: string }
  | { k: 'erase'; d: number; c: number }
  | { k: 'merge'; d: number; c: number; into: number }
  | { k: 'sale'; d: number; c: number }
  | { k: 'redeem'; d: number; c: number }
  | { k: 'refund'; d: number; s: number }
  | { k: 'export'; d: number; full: boolean }
  | { k: 'deliver'; f: number; d: number }
  | { k: 'hostile'; d: number; kind: Hostile };

const n = fc.nat({ max: 9 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('create' as const), d: n }), weight: 3 },
  {
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      d: n,
      c: n,
      v: fc.constantFrom('Jl. Melati 7', 'alergi', '0812'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ k: fc.constant('erase' as const), d: n, c: n }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('merge' as const), d: n, c: n, into: n }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('sale' as const), d: n, c: n }), weight: 2 },
  { arbitrary: fc.record({ k: fc.constant('redeem' as const), d: n, c: n }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('refund' as const), d: n, s: n }), weight: 2 },
  {
    arbitrary: fc.record({ k: fc.constant('export' as const), d: n, full: fc.boolean() }),
    weight: 3,
  },
  { arbitrary: fc.record({ k: fc.constant('deliver' as const), f: n, d: n }), weight: 4 },
  {
    arbitrary: fc.record({
      k: fc.constant('hostile' as const),
      d: n,
      kind: fc.constantFrom<Hostile>('changeEvent', 'tombstoneEvent', 'future', 'overRefund'),
    }),
    weight: 1,
  },
);

interface World {
  devices: Device[];
  contacts: string[];
  files: { from: number; text: string }[];
}

/** Everything a device holds, as data: tables, history and the erased list. */
async function dump(d: Device) {
  return {
    tables: await snapshot(d as Repositories),
    history: await d.db.history.toArray(),
  };
}

/** A refund dated after every sale the tests make (device.ts dates them 1 March 2026). */
const REFUND_AT = '2026-03-02T08:00:00.000Z';

/** A forged refund ten times one of the device's purchases (device.ts forgedOverRefund). */
async function overRefundFile(d: Device): Promise<void> {
  const sale = (await d.db.sales.toArray()).find((s) => s.kind === 'purchase');
  if (!sale) return;
  const result = await importSyncText(
    d as Repositories,
    await forgedOverRefund(d, sale, REFUND_AT),
  );
  expect(result.status === 'merged' && result.overRefunded).toBe(1);
}

async function hostile(d: Device, kind: Hostile): Promise<void> {
  if (kind === 'overRefund') return overRefundFile(d);
  const env = await d.sync.exportBackup('kenal@evil');
  const tables = structuredClone(env.tables) as Tables;
  const evil = (ms: number): HlcStamp =>
    formatStamp({ wall: Date.now() + ms, counter: 0, deviceId: EVIL });
  let targets = 0;
  if (kind === 'changeEvent') {
    for (const e of tables.ledger) {
      if (e.kind !== 'redeem') continue;
      e.points -= 1;
      e.updatedAt = evil(HOUR);
      targets += 1;
    }
  } else if (kind === 'tombstoneEvent') {
    for (const e of [...tables.sales, ...tables.ledger]) {
      e.deletedAt = evil(HOUR);
      e.updatedAt = e.deletedAt;
      targets += 1;
    }
  } else {
    for (const c of tables.contacts) {
      const far = evil(400 * 24 * HOUR);
      c.deletedAt = far;
      c.stamps = { ...c.stamps, deletedAt: far };
      c.updatedAt = far;
      targets += 1;
    }
  }
  // Only the tampered table travels, so every row in the file is a hostile one.
  const text = await evilFile(
    kind === 'future'
      ? { contacts: tables.contacts }
      : { sales: tables.sales, ledger: tables.ledger },
  );
  const before = await dump(d);
  const read = await readKenalFile(text, { expectedKind: 'sync', schemaVersion: SCHEMA_VERSION });
  if (!read.ok) throw new Error(read.error.code);
  const result = await d.sync.importSync(read.value.envelope, { confirmMassDelete: true });
  expect(result.status).toBe('merged');
  if (result.status === 'merged') {
    expect(result.written).toBe(0);
    expect(refusalTotal(result.refused)).toBe(kind === 'changeEvent' ? targets : targets);
  }
  expect(await dump(d)).toEqual(before);
}

async function run(w: World, o: Op): Promise<void> {
  const d = w.devices[o.d % w.devices.length]!;
  const pick = (i: number) => w.contacts[i % Math.max(1, w.contacts.length)];
  const live = async (id: string | undefined) => {
    const row = id ? await d.db.contacts.get(id) : undefined;
    return row !== undefined && !row.deletedAt && !row.mergedInto && !row.stamps.erasedAt;
  };
  switch (o.k) {
    case 'create':
      w.contacts.push(await createContact(d as Repositories, `Siti ${w.contacts.length}`));
      return;
    case 'edit': {
      const c = pick(o.c);
      if (await live(c)) await patchContact(d as Repositories, c!, { note: o.v, city: o.v });
      return;
    }
    case 'erase': {
      const c = pick(o.c);
      if (await live(c)) await d.privacy.eraseContact(c!);
      return;
    }
    case 'merge': {
      const [c, into] = [pick(o.c), pick(o.into)];
      if (c !== into && (await live(c)) && (await live(into))) {
        await d.contacts.merge(c!, into!);
      }
      return;
    }
    case 'sale': {
      const c = pick(o.c);
      // What the checkout wrote down about her: personal, gone once she is erased.
      if (await live(c)) {
        await addSale(d as Repositories, c!, 120_000, true, {
          items: typedFor(c!),
          lines: [{ item: lineFor(c!), quantity: 2, unitPrice: 60_000, amount: 120_000 }],
        });
      }
      return;
    }
    case 'redeem': {
      const c = pick(o.c);
      if (await live(c)) await redeem(d as Repositories, c!, 5);
      return;
    }
    case 'refund': {
      // A full refund of one of this device's purchases (refused by the repository when this
      // device already refunded it; another device may refund it too).
      const sales = (await d.db.sales.toArray()).filter((s) => s.kind === 'purchase');
      const sale = sales[o.s % Math.max(1, sales.length)];
      if (sale && (await live(sale.contactId))) {
        await d.loyalty.refundSale({ saleId: sale.id, amount: sale.amount, at: REFUND_AT });
      }
      return;
    }
    case 'export':
      w.files.push({
        from: o.d % w.devices.length,
        text: await exportSyncText(d as Repositories, o.full),
      });
      return;
    case 'deliver': {
      const file = w.files[o.f % Math.max(1, w.files.length)];
      const to = o.d % w.devices.length;
      if (file && file.from !== to) await importSyncText(w.devices[to] as Repositories, file.text);
      return;
    }
    case 'hostile':
      await hostile(d, o.kind);
      return;
  }
}

const PERSONAL_CONTACT_FIELDS = ['email', 'otherEmails', 'birthday', 'address', 'city', 'gender'];
/** A sale's typed text and line name, naming its customer (so a leak is found by id). */
const typedFor = (contactId: string) => `Kue ulang tahun untuk ${contactId}`;
const lineFor = (contactId: string) => `Batik inisial ${contactId}`;

describe('devices exchanging files, some of them hostile', () => {
  it('refuse every hostile row, converge in one round, keep every event once, and erase for good', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 3, maxLength: 5 }),
        fc.array(opArb, { minLength: 3, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        async (skews, ops, randomness) => {
          const w: World = {
            devices: await devices(skews.map((h) => h * HOUR)),
            contacts: [],
            files: [],
          };
          {
            for (const o of ops) await run(w, o);
            const made = new Map<string, number>();
            for (const d of w.devices)
              for (const e of await d.db.ledger.toArray()) made.set(e.id, e.points);

            // One final round: each device writes its changes, every file reaches every device.
            const tables = await finalRound(w.devices, w.files, randomness);

            const ledger = tables.ledger;
            expect(ledger.map((e) => e.id).sort()).toEqual([...made.keys()].sort());
            for (const e of ledger) expect(e.points).toBe(made.get(e.id));
            expect(ledger.every((e) => e.deletedAt === undefined)).toBe(true);
            expect(tables.sales.every((e) => e.deletedAt === undefined)).toBe(true);

            const erased = new Set(
              tables.contacts.filter((c) => c.stamps.erasedAt !== undefined).map((c) => c.id),
            );
            for (const c of tables.contacts) {
              const linked =
                (c.mergedInto !== undefined && erased.has(c.mergedInto)) ||
                tables.contacts.some((o) => o.mergedInto === c.id && erased.has(o.id));
              if (linked) expect(erased.has(c.id), 'merged with an erased contact').toBe(true);
              if (!erased.has(c.id)) continue;
              expect([c.name, c.note, c.phones, c.tags]).toEqual([ERASED_NAME, '', [], []]);
              const r = c as unknown as Record<string, unknown>;
              for (const f of PERSONAL_CONTACT_FIELDS) expect(r[f], f).toBeUndefined();
            }
            for (const d of w.devices) {
              const rows = await d.db.history.where('table').equals('contacts').toArray();
              expect(rows.filter((h) => erased.has(h.recordId))).toEqual([]);
            }
            // What her sales said is gone from every table of every device (history and the
            // kept figures included); the sales themselves stay.
            for (const d of w.devices) {
              const all = (await Promise.all(d.db.tables.map((t) => t.toArray()))).map((rows) =>
                JSON.stringify(rows),
              );
              for (const id of erased) {
                for (const text of [typedFor(id), lineFor(id)]) {
                  expect(
                    all.some((rows) => rows.includes(text)),
                    'sale text of an erased customer',
                  ).toBe(false);
                }
              }
            }
            for (const s of tables.sales) {
              if (s.kind === 'purchase' && !erased.has(s.contactId)) {
                expect(s.items).toBe(typedFor(s.contactId));
              }
            }

            // Refunds never exceed the sale after a merge: flagged with a follow-up, and the
            // points of a sale reversed at most once.
            const followUps = new Set(tables.followUps.map((f) => f.id));
            for (const o of overRefunds(tables.sales)) {
              if (erased.has(o.contactId)) continue;
              expect(followUps.has(overRefundFollowUpId(o)), 'over-refund follow-up').toBe(true);
            }
            expectEarnsReversedAtMostOnce(ledger);
          }
        },
      ),
      { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 1000) },
    );
  }, 600_000); // ~40 s of CPU for 1,000 runs; the bound leaves room for a loaded machine
});
