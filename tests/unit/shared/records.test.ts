import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, HybridLogicalClock, type HlcStamp } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import {
  applyPatch,
  createEvent,
  createMutable,
  restore,
  sameValue,
  tombstone,
  type StampContext,
} from '../../../shared/records';
import { contactSchema, type ContactFields } from '../../../shared/schemas';
import type { MutableMeta } from '../../../shared/schemas/common';

const DEVICE = '0123456789ABCDEF';

function makeClock(start = 1_800_000_000_000) {
  const time = { now: start };
  const clock = new HybridLogicalClock({ deviceId: DEVICE, physicalNow: () => time.now });
  return { clock, time };
}

function ctx(stamp: HlcStamp): StampContext {
  return { id: newId(), createdAt: '2026-11-23T10:00:00.000Z', stamp };
}

function maxOf(stamps: Record<string, HlcStamp>): HlcStamp | undefined {
  return Object.values(stamps).reduce<HlcStamp | undefined>(
    (m, s) => (m === undefined || s > m ? s : m),
    undefined,
  );
}

type ContactRecord = Omit<ContactFields, 'mergedInto'> & MutableMeta;

function newContact(clock: HybridLogicalClock): ContactRecord {
  const fields: Omit<ContactFields, 'mergedInto'> = {
    name: 'Siti Nurhaliza',
    phones: [{ label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' }],
    email: undefined,
    tags: ['vip', 'reseller'],
    birthday: '1990-08-17',
    note: '',
  };
  return createMutable(fields, ctx(clock.now()));
}

describe('createMutable', () => {
  it('stamps every present field with the creation stamp, and not undefined ones', () => {
    const { clock } = makeClock();
    const stamp = clock.now();
    const c = ctx(stamp);
    const rec = createMutable({ name: 'Siti', email: undefined, tags: [], note: '' }, c);
    expect(rec.stamps).toEqual({ name: stamp, tags: stamp, note: stamp });
    expect(Object.hasOwn(rec, 'email')).toBe(false);
    expect(Object.hasOwn(rec.stamps, 'email')).toBe(false);
    expect(rec.id).toBe(c.id);
    expect(rec.createdAt).toBe(c.createdAt);
    expect(rec.updatedAt).toBe(stamp);
    expect(rec.deletedAt).toBeUndefined();
  });

  it('makes a record the contact schema accepts', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const parsed = contactSchema.safeParse(rec);
    expect(parsed.success).toBe(true);
  });

  it('does not share the stamps object between records', () => {
    const { clock } = makeClock();
    const a = newContact(clock);
    const b = newContact(clock);
    expect(a.stamps).not.toBe(b.stamps);
  });
});

describe('createEvent', () => {
  it('carries id, createdAt, updatedAt and no per-field stamps; drops undefined fields', () => {
    const { clock } = makeClock();
    const stamp = clock.now();
    const c = ctx(stamp);
    const ev = createEvent({ amount: 50_000, invoiceNo: undefined }, c);
    expect(ev).toEqual({ amount: 50_000, id: c.id, createdAt: c.createdAt, updatedAt: stamp });
    expect(Object.hasOwn(ev, 'invoiceNo')).toBe(false);
    expect(Object.hasOwn(ev, 'stamps')).toBe(false);
  });
});

describe('applyPatch', () => {
  it('stamps only the fields that changed and leaves the other stamps', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const before = structuredClone(rec);
    const stamp = clock.now();
    const { record, changed } = applyPatch(
      rec,
      { name: 'Siti N.', tags: ['vip', 'reseller'] },
      stamp,
    );
    expect(changed).toEqual(['name']);
    expect(record.name).toBe('Siti N.');
    expect(record.stamps.name).toBe(stamp);
    for (const key of ['phones', 'tags', 'birthday', 'note']) {
      expect(record.stamps[key]).toBe(rec.stamps[key]);
    }
    expect(record.updatedAt).toBe(stamp);
    expect(record.id).toBe(rec.id);
    expect(record.createdAt).toBe(rec.createdAt);
    // The input record is left as it was (callers keep it for undo and for the merge history).
    expect(rec).toEqual(before);
  });

  it('returns changed=[] and the same record when nothing changed (structural compare)', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const result = applyPatch(
      rec,
      {
        name: 'Siti Nurhaliza',
        tags: ['vip', 'reseller'],
        phones: [{ e164: '+6281234567890', raw: '0812-3456-7890', label: 'mobile' }],
        email: undefined,
        birthday: '1990-08-17',
      },
      stamp,
    );
    expect(result.changed).toEqual([]);
    expect(result.record).toBe(rec);
    expect(result.record.updatedAt).not.toBe(stamp);
  });

  it('treats a reordered array as a change', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const { changed, record } = applyPatch(rec, { tags: ['reseller', 'vip'] }, stamp);
    expect(changed).toEqual(['tags']);
    expect(record.stamps.tags).toBe(stamp);
  });

  it('compares nested objects structurally, whatever the key order', () => {
    const { clock } = makeClock();
    const rec = createMutable(
      { name: 'Birthday', body: { en: 'Happy birthday {name}', id: 'Selamat ulang tahun {name}' } },
      ctx(clock.now()),
    );
    const same = applyPatch(
      rec,
      { body: { id: 'Selamat ulang tahun {name}', en: 'Happy birthday {name}' } },
      clock.now(),
    );
    expect(same.changed).toEqual([]);
    expect(same.record).toBe(rec);
    const stamp = clock.now();
    const diff = applyPatch(
      rec,
      { body: { en: 'Happy birthday!', id: 'Selamat ulang tahun {name}' } },
      stamp,
    );
    expect(diff.changed).toEqual(['body']);
    expect(diff.record.stamps.body).toBe(stamp);
  });

  it('clears a field given undefined: removes it and stamps the clear', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const { record, changed } = applyPatch(rec, { birthday: undefined }, stamp);
    expect(changed).toEqual(['birthday']);
    expect(Object.hasOwn(record, 'birthday')).toBe(false);
    expect(record.stamps.birthday).toBe(stamp);
    expect(record.updatedAt).toBe(stamp);
  });

  it('does nothing when clearing a field that is already absent', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const result = applyPatch(rec, { email: undefined }, clock.now());
    expect(result.changed).toEqual([]);
    expect(result.record).toBe(rec);
  });

  it('ignores sync metadata in the patch', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const forged = formatStamp({ wall: 999_999_999_999_999, counter: 0, deviceId: DEVICE });
    const patch = {
      id: newId(),
      createdAt: '2000-01-01T00:00:00.000Z',
      updatedAt: forged,
      deletedAt: forged,
      stamps: { name: forged },
    } as unknown as Partial<ContactFields>;
    const none = applyPatch(rec, patch, stamp);
    expect(none.changed).toEqual([]);
    expect(none.record).toBe(rec);

    const withName = applyPatch(rec, { ...patch, name: 'Budi' }, stamp);
    expect(withName.changed).toEqual(['name']);
    expect(withName.record.id).toBe(rec.id);
    expect(withName.record.createdAt).toBe(rec.createdAt);
    expect(withName.record.updatedAt).toBe(stamp);
    expect(withName.record.deletedAt).toBeUndefined();
    expect(withName.record.stamps.name).toBe(stamp);
    expect(Object.hasOwn(withName.record.stamps, 'stamps')).toBe(false);
  });

  it('adds a new field with its own stamp', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const { record, changed } = applyPatch(rec, { email: 'siti@example.id' }, stamp);
    expect(changed).toEqual(['email']);
    expect(record.email).toBe('siti@example.id');
    expect(record.stamps.email).toBe(stamp);
  });
});

describe('tombstone and restore', () => {
  it('tombstone sets deletedAt, stamps.deletedAt and updatedAt, keeping the data', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const stamp = clock.now();
    const dead = tombstone(rec, stamp);
    expect(dead.deletedAt).toBe(stamp);
    expect(dead.stamps.deletedAt).toBe(stamp);
    expect(dead.updatedAt).toBe(stamp);
    expect(dead.name).toBe(rec.name);
    expect(dead.stamps.name).toBe(rec.stamps.name);
    expect(rec.deletedAt).toBeUndefined();
    expect(contactSchema.safeParse(dead).success).toBe(true);
  });

  it('restore removes deletedAt with a newer stamp on deletedAt, so it wins over the tombstone', () => {
    const { clock } = makeClock();
    const rec = newContact(clock);
    const dead = tombstone(rec, clock.now());
    const stamp = clock.now();
    const alive = restore(dead, stamp);
    expect(Object.hasOwn(alive, 'deletedAt')).toBe(false);
    expect(alive.stamps.deletedAt).toBe(stamp);
    expect(alive.updatedAt).toBe(stamp);
    expect(alive.stamps.deletedAt! > dead.stamps.deletedAt!).toBe(true);
    expect(alive.updatedAt > dead.updatedAt).toBe(true);
    expect(dead.deletedAt).toBeDefined();
    expect(contactSchema.safeParse(alive).success).toBe(true);

    // Last writer wins on the deletedAt field, as the merge does it: the restore survives.
    const winner =
      alive.stamps.deletedAt! > dead.stamps.deletedAt! ? alive.deletedAt : dead.deletedAt;
    expect(winner).toBeUndefined();
  });
});

describe('sameValue', () => {
  it('compares JSON-like values structurally', () => {
    expect(sameValue('a', 'a')).toBe(true);
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(undefined, null)).toBe(false);
    expect(sameValue(false, 0)).toBe(false);
  });
});

type Fields = { name?: string; tags?: string[]; email?: string; body?: { en: string; id: string } };
type Rec = Fields & MutableMeta;
type Step =
  | { kind: 'patch'; patch: Partial<Fields> }
  | { kind: 'tombstone' }
  | { kind: 'restore' }
  | { kind: 'tick'; delta: number };

const fieldValues = {
  name: fc.constantFrom<string | undefined>('A', 'B', undefined),
  tags: fc.option(fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }), { nil: undefined }),
  email: fc.constantFrom<string | undefined>('a@x.id', 'b@x.id', undefined),
  body: fc.option(
    fc.record({ en: fc.constantFrom('hi', 'hey'), id: fc.constantFrom('halo', 'hai') }),
    { nil: undefined },
  ),
};
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('patch' as const),
      patch: fc.record(fieldValues, { requiredKeys: [] }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'tombstone' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      delta: fc.integer({ min: -5, max: 5 }),
    }),
  },
);

describe('records properties', () => {
  it('after any sequence of patches, updatedAt is the greatest stamp and each stamp is that field’s last change', () => {
    fc.assert(
      fc.property(
        fc.record(fieldValues, { requiredKeys: [] }),
        fc.array(stepArb, { maxLength: 30 }),
        (initial, steps) => {
          const { clock, time } = makeClock();
          let rec: Rec = createMutable<Fields>(initial, ctx(clock.now()));
          const created = rec.updatedAt;
          const model = new Map<string, unknown>(
            Object.entries(initial).filter(([, v]) => v !== undefined),
          );
          const lastChange = new Map<string, HlcStamp>(
            [...model.keys()].map((k) => [k, rec.updatedAt]),
          );
          for (const step of steps) {
            if (step.kind === 'tick') {
              time.now += step.delta;
              continue;
            }
            const stamp = clock.now();
            if (step.kind === 'tombstone') {
              rec = tombstone(rec, stamp);
              lastChange.set('deletedAt', stamp);
            } else if (step.kind === 'restore') {
              rec = restore(rec, stamp);
              lastChange.set('deletedAt', stamp);
            } else {
              const { record, changed } = applyPatch(rec, step.patch, stamp);
              const expected = Object.entries(step.patch)
                .filter(([k, v]) => !sameValue(model.get(k), v))
                .map(([k]) => k);
              expect(changed.sort()).toEqual(expected.sort());
              for (const [k, v] of Object.entries(step.patch)) {
                if (v === undefined) model.delete(k);
                else model.set(k, v);
              }
              for (const k of changed) lastChange.set(k, stamp);
              if (changed.length === 0) expect(record).toBe(rec);
              rec = record;
            }
            // A record created with no fields has no stamps until its first change.
            expect(rec.updatedAt).toBe(maxOf(rec.stamps) ?? created);
            expect(rec.stamps).toEqual(Object.fromEntries(lastChange));
            for (const k of ['name', 'tags', 'email', 'body'] as const) {
              expect(rec[k]).toEqual(model.get(k));
              expect(Object.hasOwn(rec, k)).toBe(model.has(k));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
