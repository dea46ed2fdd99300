/**
 * The multi-device convergence property on the pure merge (no database), so it can run 1,000
 * times cheaply: 3-5 devices with their own skewed clocks edit, delete, undo, merge contacts
 * (mergedInto), redeem points and award the same sale's points (one derived id), and deliver
 * snapshot files to each other in random order with repeats. The database-level version with
 * the real repository is devices.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, type HlcStamp } from '../../../shared/hlc';
import {
  applyPatch,
  createEvent,
  createMutable,
  restore,
  tombstone,
} from '../../../shared/records';
import type { MutableMeta, RecordMeta, TableName } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { mergeRecord } from '../../../shared/sync/merge';

const IDS = [
  'AAAAAAAAAAAAAAAA',
  'BBBBBBBBBBBBBBBB',
  'CCCCCCCCCCCCCCCC',
  'DDDDDDDDDDDDDDDD',
  'EEEEEEEEEEEEEEEE',
];
type Rec = RecordMeta & Record<string, unknown>;
type State = Map<string, { table: TableName; record: Rec }>;
interface Device {
  clock: HybridLogicalClock;
  state: State;
}

type Op =
  | { k: 'create'; d: number }
  | { k: 'edit'; d: number; c: number; v: string }
  | { k: 'delete'; d: number; c: number }
  | { k: 'undo'; d: number; c: number }
  | { k: 'merge'; d: number; c: number; into: number }
  | { k: 'redeem'; d: number; c: number }
  | { k: 'award'; d: number; c: number; sale: number }
  | { k: 'send'; from: number; to: number }
  | { k: 'deliver'; f: number; to: number }
  | { k: 'tick'; ms: number };

const n = fc.nat({ max: 9 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('create' as const), d: n }),
  fc.record({
    k: fc.constant('edit' as const),
    d: n,
    c: n,
    v: fc.constantFrom('Siti', 'Budi', 'Ani'),
  }),
  fc.record({ k: fc.constant('delete' as const), d: n, c: n }),
  fc.record({ k: fc.constant('undo' as const), d: n, c: n }),
  fc.record({ k: fc.constant('merge' as const), d: n, c: n, into: n }),
  fc.record({ k: fc.constant('redeem' as const), d: n, c: n }),
  fc.record({ k: fc.constant('award' as const), d: n, c: n, sale: fc.nat({ max: 3 }) }),
  fc.record({ k: fc.constant('award' as const), d: n, c: n, sale: fc.nat({ max: 3 }) }),
  fc.record({ k: fc.constant('send' as const), from: n, to: n }),
  fc.record({ k: fc.constant('send' as const), from: n, to: n }),
  fc.record({ k: fc.constant('deliver' as const), f: n, to: n }),
  fc.record({ k: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3 }) }),
);

const snapshotOf = (s: State) => [...s.values()];
function receive(dev: Device, file: { table: TableName; record: Rec }[]) {
  for (const { table, record } of file) {
    const key = `${table}:${record.id}`;
    const merged = mergeRecord(table, dev.state.get(key)?.record, record);
    if (merged.changed) dev.state.set(key, { table, record: merged.record });
    dev.clock.receive(record.updatedAt);
  }
}
const canon = (s: State) =>
  canonicalJson([...s.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v.record));

describe('devices exchanging files (pure merge)', () => {
  it('converge to identical records and keep every ledger entry exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }),
        fc.array(opArb, { maxLength: 50 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (count, skews, ops, shuffle) => {
          let time = 1000;
          const devices: Device[] = IDS.slice(0, count).map((deviceId, i) => ({
            clock: new HybridLogicalClock({ deviceId, physicalNow: () => time + skews[i]! }),
            state: new Map(),
          }));
          const contacts: string[] = [];
          const files: { table: TableName; record: Rec }[][] = [];
          const ledgerIds = new Set<string>();
          let seq = 0;
          const ctx = (d: Device, id: string) => ({
            id,
            createdAt: '2026-01-01T00:00:00.000Z',
            stamp: d.clock.now(),
          });
          const contactOf = (d: Device, c: number) => {
            const id = contacts[c % Math.max(1, contacts.length)];
            return id
              ? (d.state.get(`contacts:${id}`)?.record as (MutableMeta & Rec) | undefined)
              : undefined;
          };
          const put = (d: Device, table: TableName, record: Rec) =>
            d.state.set(`${table}:${record.id}`, { table, record });

          for (const o of ops) {
            if (o.k === 'tick') {
              time += o.ms;
              continue;
            }
            if (o.k === 'send' || o.k === 'deliver') {
              const file =
                o.k === 'send'
                  ? snapshotOf(devices[o.from % count]!.state)
                  : files[o.f % Math.max(1, files.length)];
              if (o.k === 'send') files.push(file!);
              if (file) receive(devices[o.to % count]!, file);
              continue;
            }
            const d = devices[o.d % count]!;
            if (o.k === 'create') {
              const id = `C${String(seq++).padStart(3, '0')}`;
              contacts.push(id);
              put(d, 'contacts', createMutable({ name: 'New', note: '' }, ctx(d, id)) as Rec);
              continue;
            }
            if (o.k === 'award') {
              // Derived from its cause: every device awarding sale N makes the same id.
              const id = `EARN-${o.sale}`;
              ledgerIds.add(id);
              if (!d.state.has(`ledger:${id}`)) {
                put(d, 'ledger', createEvent({ contactId: 'SHOP', points: 50 }, ctx(d, id)) as Rec);
              }
              continue;
            }
            const c = contactOf(d, o.c);
            if (!c) continue;
            const stamp = (): HlcStamp => d.clock.now();
            if (o.k === 'edit') put(d, 'contacts', applyPatch(c, { name: o.v }, stamp()).record);
            if (o.k === 'delete' && !c.deletedAt) put(d, 'contacts', tombstone(c, stamp()));
            if (o.k === 'undo' && c.deletedAt) put(d, 'contacts', restore(c, stamp()));
            if (o.k === 'merge') {
              const into = contactOf(d, o.into);
              if (into && into.id !== c.id && !c.mergedInto && !c.deletedAt && !into.mergedInto) {
                put(d, 'contacts', applyPatch(c, { mergedInto: into.id }, stamp()).record);
              }
            }
            if (o.k === 'redeem') {
              const id = `L${String(seq++).padStart(3, '0')}`;
              ledgerIds.add(id);
              put(d, 'ledger', createEvent({ contactId: c.id, points: -10 }, ctx(d, id)) as Rec);
            }
          }

          // Every file reaches every device in a shuffled order (some twice), then each device's
          // final state reaches every other device.
          const order = files
            .flatMap((f, i) =>
              devices.map((_, to) => ({ f: i, to, key: shuffle[(i * 7 + to) % 40]! })),
            )
            .sort((a, b) => a.key - b.key);
          for (const { f, to } of [...order, ...order.slice(0, 3)])
            receive(devices[to]!, files[f]!);
          const finals = devices.map((d) => snapshotOf(d.state));
          devices.forEach((d, i) => finals.forEach((f, j) => i !== j && receive(d, f)));

          const first = canon(devices[0]!.state);
          for (const d of devices) expect(canon(d.state)).toBe(first);
          const ledger = [...devices[0]!.state.values()].filter((v) => v.table === 'ledger');
          expect(ledger.map((v) => v.record.id).sort()).toEqual([...ledgerIds].sort());
          // Idempotent: receiving a final state again changes nothing.
          receive(devices[0]!, finals[count - 1]!);
          expect(canon(devices[0]!.state)).toBe(first);
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});
