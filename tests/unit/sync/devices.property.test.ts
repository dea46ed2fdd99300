/**
 * 3-5 devices, each a real database (fake-indexeddb) with the real sync repository, do random
 * edits, deletes, undos, contact merges, sales, point awards and redemptions, and exchange sync
 * files (full or "changes since the last export") in random order, with repeats and relays.
 * At the end every device writes one more file and every file reaches every device in a random
 * order, as a sync folder would deliver them. Then all devices must hold identical data, no
 * ledger entry may be lost or counted twice, and re-importing any file must change nothing.
 *
 * Runs: each run opens 3-5 IndexedDB databases and does ~100 transactions, ~0.3 s, so this
 * suite uses 100 runs to keep CI near 10 s; the merge rules themselves are checked with 1,000+
 * runs on pure records in merge.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../../renderer/db';
import {
  addSale,
  createContact,
  deleteContact,
  exportSyncText,
  importSyncText,
  openDevice,
  patchContact,
  reaward,
  redeem,
  snapshot,
  undeleteContact,
} from './device';

type Op =
  | { op: 'create'; d: number; name: string }
  | { op: 'edit'; d: number; c: number; field: 'name' | 'note' | 'city'; value: string }
  | { op: 'tags'; d: number; c: number; tags: string[] }
  | { op: 'delete'; d: number; c: number }
  | { op: 'undelete'; d: number; c: number }
  | { op: 'merge'; d: number; c: number; into: number }
  | { op: 'sale'; d: number; c: number; amount: number; award: boolean }
  | { op: 'reaward'; d: number; s: number }
  | { op: 'redeem'; d: number; c: number; points: number }
  | { op: 'export'; d: number; full: boolean }
  | { op: 'deliver'; f: number; d: number };

const idx = fc.nat({ max: 20 });
const dev = fc.nat({ max: 4 });
const word = fc.constantFrom('Siti', 'Budi', 'Made', 'Ani', 'Wayan', 'Dewi');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('create'), d: dev, name: word }), weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('edit'),
      d: dev,
      c: idx,
      field: fc.constantFrom('name', 'note', 'city'),
      value: word,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('tags'),
      d: dev,
      c: idx,
      tags: fc.uniqueArray(fc.constantFrom('vip', 'grosir', 'baru'), { maxLength: 2 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('delete'), d: dev, c: idx }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('undelete'), d: dev, c: idx }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('merge'), d: dev, c: idx, into: idx }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('sale'),
      d: dev,
      c: idx,
      amount: fc.integer({ min: 1000, max: 500_000 }),
      // Without the award, two devices may later each award the same sale (same derived id).
      award: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('reaward'), d: dev, s: idx }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('redeem'),
      d: dev,
      c: idx,
      points: fc.integer({ min: 1, max: 100 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('export'), d: dev, full: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('deliver'), f: idx, d: dev }), weight: 5 },
);

interface World {
  devices: Repositories[];
  contacts: string[];
  sales: string[];
  files: { from: number; text: string }[];
}

async function has(r: Repositories, id: string | undefined) {
  return id !== undefined && (await r.db.contacts.get(id)) !== undefined;
}

async function run(w: World, o: Op): Promise<void> {
  const n = w.devices.length;
  const r = w.devices['d' in o ? o.d % n : 0]!;
  const contact = 'c' in o ? w.contacts[o.c % Math.max(1, w.contacts.length)] : undefined;
  switch (o.op) {
    case 'create':
      w.contacts.push(await createContact(r, o.name));
      return;
    case 'edit':
      if (await has(r, contact)) await patchContact(r, contact!, { [o.field]: o.value });
      return;
    case 'tags':
      if (await has(r, contact)) await patchContact(r, contact!, { tags: o.tags });
      return;
    case 'delete':
      if (await has(r, contact)) await deleteContact(r, contact!);
      return;
    case 'undelete':
      if (await has(r, contact)) await undeleteContact(r, contact!);
      return;
    case 'merge': {
      const into = w.contacts[o.into % Math.max(1, w.contacts.length)];
      const live = async (id: string | undefined) => {
        const row = id ? await r.db.contacts.get(id) : undefined;
        return row !== undefined && !row.deletedAt && !row.mergedInto;
      };
      if (contact !== into && (await live(contact)) && (await live(into))) {
        await patchContact(r, contact!, { mergedInto: into });
      }
      return;
    }
    case 'sale':
      if (await has(r, contact)) w.sales.push(await addSale(r, contact!, o.amount, o.award));
      return;
    case 'reaward': {
      const sale = w.sales[o.s % Math.max(1, w.sales.length)];
      if (sale) await reaward(r, sale);
      return;
    }
    case 'redeem':
      if (await has(r, contact)) await redeem(r, contact!, o.points);
      return;
    case 'export':
      w.files.push({ from: o.d % n, text: await exportSyncText(r, o.full) });
      return;
    case 'deliver': {
      const file = w.files[o.f % Math.max(1, w.files.length)];
      const to = o.d % n;
      if (file && file.from !== to) await importSyncText(w.devices[to]!, file.text);
      return;
    }
  }
}

describe('several devices exchanging sync files', () => {
  it('converge to identical data, with every ledger entry exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(opArb, { minLength: 10, maxLength: 60 }),
        fc.infiniteStream(fc.nat()),
        async (deviceCount, ops, randomness) => {
          const w: World = { devices: [], contacts: [], sales: [], files: [] };
          for (let i = 0; i < deviceCount; i++) w.devices.push(await openDevice(`sim${i}`));
          for (const o of ops) await run(w, o);

          // Every ledger entry ever made, by id, gathered before the final exchange.
          const made = new Map<string, number>();
          for (const d of w.devices)
            for (const e of await d.db.ledger.toArray()) made.set(e.id, e.points);

          // Final round: each device writes its latest changes; every file reaches every other
          // device in a random order, some twice (a sync folder re-delivers).
          for (let i = 0; i < deviceCount; i++) {
            w.files.push({ from: i, text: await exportSyncText(w.devices[i]!) });
          }
          const deliveries: { f: number; d: number }[] = [];
          w.files.forEach((_, f) => w.devices.forEach((_, d) => deliveries.push({ f, d })));
          const rand = randomness.take(deliveries.length * 2);
          const order = deliveries
            .map((x) => ({ x, k: rand.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
          for (const { f, d } of [...order, ...order.slice(0, 5)]) {
            const file = w.files[f]!;
            if (file.from !== d) await importSyncText(w.devices[d]!, file.text);
          }

          const snaps = await Promise.all(w.devices.map(snapshot));
          for (const s of snaps.slice(1)) expect(s).toEqual(snaps[0]);

          const ledger = snaps[0]!.ledger;
          expect(ledger.map((e) => e.id).sort()).toEqual([...made.keys()].sort());
          expect(new Set(ledger.map((e) => e.id)).size).toBe(ledger.length);
          const total = ledger.reduce((sum, e) => sum + e.points, 0);
          expect(total).toBe([...made.values()].reduce((a, b) => a + b, 0));

          // Every device resolves every contact (mergedInto chains) to the same survivor.
          for (const id of w.contacts) {
            const resolved = await Promise.all(w.devices.map((d) => d.contacts.resolveId(id)));
            expect(new Set(resolved).size).toBe(1);
          }

          // Importing any file again changes nothing anywhere.
          const again = w.files[rand.next().value! % w.files.length]!;
          const target = (again.from + 1) % deviceCount;
          expect(await importSyncText(w.devices[target]!, again.text)).toMatchObject({
            written: 0,
          });
          await Promise.all(w.devices.map((d) => d.db.delete()));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});
