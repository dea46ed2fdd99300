import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import { ERASED_NAME, eraseMutable } from '../../../shared/privacy/erase';
import type { MutableMeta } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { mergeRecord } from '../../../shared/sync/merge';

const DEVICES = ['AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCC'];
const stampArb: fc.Arbitrary<HlcStamp> = fc
  .record({
    wall: fc.integer({ min: 1, max: 5 }),
    counter: fc.integer({ min: 0, max: 1 }),
    deviceId: fc.constantFrom(...DEVICES),
  })
  .map(formatStamp);

type Rec = MutableMeta & Record<string, unknown>;
const PERSONAL_VALUES = {
  name: fc.constantFrom('Siti', 'Budi'),
  email: fc.constantFrom('siti@example.id', 'budi@example.id'),
  note: fc.constantFrom('likes red', 'allergic'),
  city: fc.constantFrom('Bandung', 'Medan'),
  source: fc.constantFrom('instagram', 'walk-in'),
};
type Field = keyof typeof PERSONAL_VALUES;

/** One device's copy of the same contact: some fields set, each with its stamp. */
const versionArb: fc.Arbitrary<Rec> = fc
  .record(
    Object.fromEntries(
      Object.entries(PERSONAL_VALUES).map(([k, v]) => [
        k,
        fc.option(fc.tuple(v, stampArb), { nil: undefined }),
      ]),
    ) as Record<Field, fc.Arbitrary<[string, HlcStamp] | undefined>>,
  )
  .map((g) => {
    const r: Rec = {
      id: '01J0000000000000000000000A',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: formatStamp({ wall: 1, counter: 0, deviceId: DEVICES[0]! }),
      stamps: {},
      name: 'Siti',
      phones: [],
      tags: [],
    };
    for (const [field, entry] of Object.entries(g)) {
      if (!entry) continue;
      r[field] = entry[0];
      r.stamps[field] = entry[1];
    }
    r.updatedAt = [r.updatedAt, ...Object.values(r.stamps)].sort().at(-1)!;
    return r;
  });

/** The erasure's stamp is issued once, by the transaction that writes only placeholders. */
const fresh = (at: HlcStamp, ...versions: Rec[]) =>
  versions.every((v) => !Object.values(v.stamps).includes(at));

const merge = (a: Rec, b: Rec) => mergeRecord('contacts', a, b).record as Rec;
const json = (r: Rec) => canonicalJson(r);

describe('erasure and the sync merge', { timeout: 60_000 }, () => {
  it('commutes with any merge order: erasing then merging = merging then erasing', () => {
    fc.assert(
      fc.property(versionArb, versionArb, versionArb, stampArb, (a, b, c, at) => {
        fc.pre(fresh(at, a, b, c));
        const erasedA = eraseMutable('contacts', a, at);
        const results = [
          merge(merge(erasedA, b), c),
          merge(merge(c, b), erasedA),
          merge(erasedA, merge(b, c)),
          merge(merge(b, erasedA), c),
        ].map(json);
        expect(new Set(results).size).toBe(1);
        expect(results[0]).toBe(json(eraseMutable('contacts', merge(merge(a, b), c), at)));
      }),
      { numRuns: 500 },
    );
  });

  it('never keeps a personal value older than the erasure, nor reports one as a loser', () => {
    fc.assert(
      fc.property(versionArb, versionArb, stampArb, (a, b, at) => {
        fc.pre(fresh(at, a, b));
        const { record, losers } = mergeRecord('contacts', b, eraseMutable('contacts', a, at));
        const r = record as Rec;
        expect(losers).toEqual([]);
        for (const field of ['name', 'email', 'note', 'city'] as const) {
          if (r.stamps[field]! < at) throw new Error(`${field} older than the erasure survived`);
          if (r.stamps[field] === at && field === 'name') expect(r.name).toBe(ERASED_NAME);
          if (r.stamps[field] === at && field !== 'name' && field !== 'note') {
            expect(r[field]).toBeUndefined();
          }
        }
        // Not personal: the merge keeps it as usual.
        const plain = mergeRecord('contacts', b, a).record as Rec;
        expect(r.source).toBe(plain.source);
      }),
      { numRuns: 500 },
    );
  });
});
