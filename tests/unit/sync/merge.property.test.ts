import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import type { MutableMeta, RecordMeta } from '../../../shared/schemas';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { mergeEvent, mergeMutable } from '../../../shared/sync/merge';

const DEVICES = ['AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCC'];
const RUNS = 1000;

// Few walls, counters and devices, so equal stamps and ties happen often.
const stampArb: fc.Arbitrary<HlcStamp> = fc
  .record({
    wall: fc.integer({ min: 1, max: 4 }),
    counter: fc.integer({ min: 0, max: 2 }),
    deviceId: fc.constantFrom(...DEVICES),
  })
  .map(formatStamp);

const valueArb = fc.oneof(
  fc.constantFrom('Siti', 'Budi', 'Made', ''),
  fc.array(fc.constantFrom('vip', 'grosir'), { maxLength: 2 }),
  fc.constant(undefined),
);

type Rec = MutableMeta & Record<string, unknown>;

/** A well-formed mutable record: updatedAt is the greatest stamp; a tombstone's value is its stamp. */
const recordArb: fc.Arbitrary<Rec> = fc
  .record({
    name: fc.option(fc.tuple(valueArb, stampArb), { nil: undefined }),
    note: fc.option(fc.tuple(valueArb, stampArb), { nil: undefined }),
    tags: fc.option(fc.tuple(valueArb, stampArb), { nil: undefined }),
    mergedInto: fc.option(fc.tuple(fc.constantFrom('01J0000000000000000000000B'), stampArb), {
      nil: undefined,
    }),
    deleted: fc.option(fc.tuple(fc.boolean(), stampArb), { nil: undefined }),
    createdAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
    base: stampArb,
  })
  .map((g) => {
    const r: Rec = {
      id: '01J0000000000000000000000A',
      createdAt: g.createdAt,
      updatedAt: g.base,
      stamps: {},
    };
    for (const field of ['name', 'note', 'tags', 'mergedInto'] as const) {
      const entry = g[field];
      if (!entry) continue;
      const [value, stamp] = entry;
      if (value !== undefined) r[field] = value;
      r.stamps[field] = stamp;
    }
    if (g.deleted) {
      const [isDeleted, stamp] = g.deleted;
      if (isDeleted) r.deletedAt = stamp;
      r.stamps.deletedAt = stamp;
    }
    r.updatedAt = [g.base, ...Object.values(r.stamps)].sort().at(-1)!;
    return r;
  });

const same = (a: unknown, b: unknown): void => {
  expect(canonicalJson(a)).toBe(canonicalJson(b));
};
const m = (a: Rec, b: Rec) => mergeMutable(a, b).record;

// CPU-bound; generous timeouts so a busy CI machine does not fail a passing property.
describe('mutable record merge (per-field last writer wins)', { timeout: 60_000 }, () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => same(m(a, b), m(b, a))),
      { numRuns: RUNS },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, recordArb, (a, b, c) => same(m(m(a, b), c), m(a, m(b, c)))),
      { numRuns: RUNS },
    );
  });

  it('is idempotent: merging what is already merged changes nothing', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(mergeMutable(a, a).changed).toBe(false);
        const ab = m(a, b);
        expect(mergeMutable(ab, b).changed).toBe(false);
        expect(mergeMutable(ab, a).changed).toBe(false);
        same(mergeMutable(undefined, ab).record, ab);
      }),
      { numRuns: RUNS },
    );
  });

  it('each field takes the greater stamp, and updatedAt is the greatest of both', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const ab = m(a, b);
        for (const f of new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)])) {
          const sa = a.stamps[f] ?? '';
          const sb = b.stamps[f] ?? '';
          expect(ab.stamps[f]).toBe(sa > sb ? sa : sb);
          if (sa > sb) same(ab[f], a[f]);
          if (sb > sa) same(ab[f], b[f]);
        }
        expect(ab.updatedAt).toBe(a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt);
      }),
      { numRuns: RUNS },
    );
  });

  it('a tombstone wins over every change with a smaller stamp; a newer undo wins over it', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const ab = m(a, b);
        const del = (r: Rec) => r.stamps.deletedAt ?? '';
        if (a.deletedAt !== undefined && del(a) > del(b)) expect(ab.deletedAt).toBe(a.deletedAt);
        if (b.deletedAt !== undefined && del(b) > del(a)) expect(ab.deletedAt).toBe(b.deletedAt);
        if (a.deletedAt === undefined && del(a) > del(b)) expect(ab.deletedAt).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('loses nothing silently: every differing value is in the result or reported as a loser', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const { record, losers } = mergeMutable(a, b);
        for (const side of [a, b]) {
          for (const f of ['name', 'note', 'tags', 'mergedInto']) {
            if (side[f] === undefined) continue;
            const kept = canonicalJson(record[f] ?? null) === canonicalJson(side[f]);
            const reported = losers.some(
              (l) => l.field === f && canonicalJson(l.value) === canonicalJson(side[f]),
            );
            expect(kept || reported, f).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

type Ev = RecordMeta & { points: number };
const eventArb: fc.Arbitrary<Ev> = fc.record({
  id: fc.constant('01J0000000000000000000000E'),
  createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
  updatedAt: stampArb,
  points: fc.constantFrom(10, -5),
});

describe('event merge (union by id)', { timeout: 60_000 }, () => {
  it('is commutative, associative and idempotent, and keeps one of the two bodies', () => {
    const e = (a: Ev, b: Ev) => mergeEvent(a, b).record;
    fc.assert(
      fc.property(eventArb, eventArb, eventArb, (a, b, c) => {
        same(e(a, b), e(b, a));
        same(e(e(a, b), c), e(a, e(b, c)));
        expect(mergeEvent(e(a, b), b).changed).toBe(false);
        expect([canonicalJson(a), canonicalJson(b)]).toContain(canonicalJson(e(a, b)));
      }),
      { numRuns: RUNS },
    );
  });

  it('an event this device does not have is added; one it has is left alone', () => {
    const ev: Ev = {
      id: '01J0000000000000000000000E',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: formatStamp({ wall: 5, counter: 0, deviceId: DEVICES[0]! }),
      points: 10,
    };
    expect(mergeEvent(undefined, ev)).toEqual({ record: ev, changed: true, losers: [] });
    expect(mergeEvent(ev, { ...ev })).toMatchObject({ record: ev, changed: false });
  });
});
