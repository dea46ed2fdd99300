import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  ClockOverflowError,
  COUNTER_DIGITS,
  DEFAULT_MAX_DRIFT_MS,
  DEVICE_ID_PATTERN,
  formatStamp,
  HybridLogicalClock,
  InvalidStampError,
  isHlcStamp,
  MAX_COUNTER,
  maxStamp,
  parseStamp,
  WALL_DIGITS,
  type HlcParts,
  type HlcStamp,
} from '../../../shared/hlc';

const DEVICE_A = '0123456789ABCDEF';
const DEVICE_B = 'ZYXWVTSRQPNMKJHG';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split('');

const deviceIdArb = fc.string({
  unit: fc.constantFrom(...CROCKFORD),
  minLength: 16,
  maxLength: 16,
});
const wallArb = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }).map(Number),
);
const counterArb = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: MAX_COUNTER }),
);
const partsArb: fc.Arbitrary<HlcParts> = fc.record({
  wall: wallArb,
  counter: counterArb,
  deviceId: deviceIdArb,
});

/** A clock whose physical time the test sets. */
function manualClock(deviceId: string, start = 1_000_000, maxDriftMs?: number) {
  const time = { now: start };
  const clock = new HybridLogicalClock({
    deviceId,
    physicalNow: () => time.now,
    ...(maxDriftMs === undefined ? {} : { maxDriftMs }),
  });
  return { clock, time };
}

function compareTuples(a: HlcParts, b: HlcParts): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('stamp format', () => {
  it('formats as <wallMs:15>-<counter:5>-<deviceId> with zero padding', () => {
    const s = formatStamp({ wall: 1_700_000_000_123, counter: 7, deviceId: DEVICE_A });
    expect(s).toBe(`001700000000123-00007-${DEVICE_A}`);
    expect(s).toHaveLength(WALL_DIGITS + 1 + COUNTER_DIGITS + 1 + 16);
    expect(isHlcStamp(s)).toBe(true);
  });

  it('round-trips format -> parse for any valid parts', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const stamp = formatStamp(parts);
        expect(isHlcStamp(stamp)).toBe(true);
        expect(parseStamp(stamp)).toEqual(parts);
        expect(formatStamp(parseStamp(stamp))).toBe(stamp);
      }),
      { numRuns: 300 },
    );
  });

  it('string order equals (wall, counter, deviceId) order', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        expect(compareStrings(formatStamp(a), formatStamp(b))).toBe(compareTuples(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('string order equals numeric (wall, counter) order for one device, even across digit counts', () => {
    fc.assert(
      fc.property(wallArb, counterArb, wallArb, counterArb, (w1, c1, w2, c2) => {
        const a = formatStamp({ wall: w1, counter: c1, deviceId: DEVICE_A });
        const b = formatStamp({ wall: w2, counter: c2, deviceId: DEVICE_A });
        const numeric = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
        expect(compareStrings(a, b)).toBe(numeric);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a mixed list of stamps the same way as their parts', () => {
    const parts: HlcParts[] = [
      { wall: 10, counter: 0, deviceId: DEVICE_B },
      { wall: 9, counter: 99, deviceId: DEVICE_B },
      { wall: 100, counter: 0, deviceId: DEVICE_A },
      { wall: 10, counter: 1, deviceId: DEVICE_A },
      { wall: 10, counter: 0, deviceId: DEVICE_A },
    ];
    const byString = parts.map(formatStamp).sort();
    const byTuple = [...parts].sort(compareTuples).map(formatStamp);
    expect(byString).toEqual(byTuple);
  });

  it('refuses parts that cannot be represented', () => {
    expect(() => formatStamp({ wall: -1, counter: 0, deviceId: DEVICE_A })).toThrow(RangeError);
    expect(() => formatStamp({ wall: 10 ** 15, counter: 0, deviceId: DEVICE_A })).toThrow(
      RangeError,
    );
    expect(() => formatStamp({ wall: 1.5, counter: 0, deviceId: DEVICE_A })).toThrow(RangeError);
    expect(() => formatStamp({ wall: 1, counter: MAX_COUNTER + 1, deviceId: DEVICE_A })).toThrow(
      RangeError,
    );
    expect(() => formatStamp({ wall: 1, counter: -1, deviceId: DEVICE_A })).toThrow(RangeError);
    expect(() => formatStamp({ wall: 1, counter: 0, deviceId: 'abc' })).toThrow(RangeError);
    expect(() => formatStamp({ wall: 1, counter: 0, deviceId: DEVICE_A.toLowerCase() })).toThrow(
      RangeError,
    );
  });
});

describe('invalid stamps', () => {
  const valid = `001700000000123-00007-${DEVICE_A}`;
  const invalid: [string, string][] = [
    ['empty', ''],
    ['wall too short', `01700000000123-00007-${DEVICE_A}`],
    ['wall too long', `0001700000000123-00007-${DEVICE_A}`],
    ['counter too short', `001700000000123-0007-${DEVICE_A}`],
    ['counter too long', `001700000000123-000007-${DEVICE_A}`],
    ['device id too short', `001700000000123-00007-${DEVICE_A.slice(1)}`],
    ['device id too long', `001700000000123-00007-${DEVICE_A}0`],
    ['lowercase device id', `001700000000123-00007-${DEVICE_A.toLowerCase()}`],
    ['device id with I (not Crockford)', `001700000000123-00007-I123456789ABCDEF`],
    ['device id with U (not Crockford)', `001700000000123-00007-U123456789ABCDEF`],
    ['extra part', `${valid}-X`],
    ['extra leading part', `1-${valid}`],
    ['missing device id', '001700000000123-00007'],
    ['leading space', ` ${valid}`],
    ['trailing newline', `${valid}\n`],
    ['ISO date', '2026-11-23T10:00:00.000Z'],
    ['non-digit wall', `00170000000012a-00007-${DEVICE_A}`],
    ['negative counter', `001700000000123--0007-${DEVICE_A}`],
  ];

  it('accepts the well-formed stamp the cases are derived from', () => {
    expect(isHlcStamp(valid)).toBe(true);
    expect(parseStamp(valid)).toEqual({ wall: 1_700_000_000_123, counter: 7, deviceId: DEVICE_A });
  });

  it.each(invalid)('rejects %s', (_label, stamp) => {
    expect(isHlcStamp(stamp)).toBe(false);
    expect(() => parseStamp(stamp)).toThrow(InvalidStampError);
    const { clock } = manualClock(DEVICE_A);
    expect(() => clock.receive(stamp)).toThrow(InvalidStampError);
    expect(() => clock.observe(stamp)).toThrow(InvalidStampError);
  });

  it('isHlcStamp is false for non-strings', () => {
    for (const v of [undefined, null, 0, 1_700_000_000_123, {}, [valid]]) {
      expect(isHlcStamp(v)).toBe(false);
    }
  });

  it('InvalidStampError carries the stamp and a name', () => {
    try {
      parseStamp('nope');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidStampError);
      expect((e as InvalidStampError).stamp).toBe('nope');
      expect((e as Error).name).toBe('InvalidStampError');
    }
  });
});

describe('maxStamp', () => {
  const lo = formatStamp({ wall: 5, counter: 0, deviceId: DEVICE_A });
  const hi = formatStamp({ wall: 5, counter: 1, deviceId: DEVICE_A });
  it('returns the greater stamp and tolerates a missing one', () => {
    expect(maxStamp(lo, hi)).toBe(hi);
    expect(maxStamp(hi, lo)).toBe(hi);
    expect(maxStamp<HlcStamp | undefined>(undefined, lo)).toBe(lo);
    expect(maxStamp<HlcStamp | undefined>(hi, undefined)).toBe(hi);
    expect(maxStamp<HlcStamp | undefined>(undefined, undefined)).toBeUndefined();
  });
});

describe('HybridLogicalClock.now', () => {
  it('refuses an invalid device id', () => {
    expect(() => new HybridLogicalClock({ deviceId: 'device-1' })).toThrow(RangeError);
    expect(() => new HybridLogicalClock({ deviceId: DEVICE_A.toLowerCase() })).toThrow(RangeError);
  });

  it('stamps with the device id and the physical time', () => {
    const { clock } = manualClock(DEVICE_A, 1_700_000_000_000);
    const s = clock.now();
    expect(parseStamp(s)).toEqual({ wall: 1_700_000_000_000, counter: 0, deviceId: DEVICE_A });
    expect(clock.last).toBe(s);
    expect(DEVICE_ID_PATTERN.test(clock.deviceId)).toBe(true);
  });

  it('uses Date.now when no physical clock is given', () => {
    const clock = new HybridLogicalClock({ deviceId: DEVICE_A });
    const before = Date.now();
    const { wall } = parseStamp(clock.now());
    expect(wall).toBeGreaterThanOrEqual(before);
    expect(wall).toBeLessThanOrEqual(Date.now());
  });

  it('reports wall 0 before it has issued anything', () => {
    const { clock } = manualClock(DEVICE_A);
    expect(parseStamp(clock.last).wall).toBe(0);
  });

  it('strictly increases while the wall clock stands still', () => {
    const { clock } = manualClock(DEVICE_A, 5000);
    const stamps = Array.from({ length: 50 }, () => clock.now());
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps.every((s) => parseStamp(s).wall === 5000)).toBe(true);
  });

  it('strictly increases when the wall clock goes backwards', () => {
    const { clock, time } = manualClock(DEVICE_A, 10_000);
    const a = clock.now();
    time.now = 4_000;
    const b = clock.now();
    time.now = 0;
    const c = clock.now();
    expect(b > a).toBe(true);
    expect(c > b).toBe(true);
    // It never adopts the earlier wall time, so nothing made later looks older.
    expect(parseStamp(c).wall).toBe(10_000);
  });

  it('follows the wall clock when it jumps forward, and stays ordered', () => {
    const { clock, time } = manualClock(DEVICE_A, 10_000);
    clock.now();
    const a = clock.now();
    time.now = 10_000 + 3_600_000;
    const b = clock.now();
    expect(b > a).toBe(true);
    expect(parseStamp(b).wall).toBe(10_000 + 3_600_000);
    time.now = 10_001;
    const c = clock.now();
    expect(c > b).toBe(true);
  });

  it('throws ClockOverflowError after MAX_COUNTER ticks within one millisecond', () => {
    const { clock, time } = manualClock(DEVICE_A, 42);
    let prev = clock.now(); // counter 0
    for (let i = 0; i < MAX_COUNTER; i++) {
      const s = clock.now();
      if (!(s > prev)) throw new Error(`not increasing at tick ${i}`);
      prev = s;
    }
    expect(parseStamp(prev).counter).toBe(MAX_COUNTER);
    expect(() => clock.now()).toThrow(ClockOverflowError);
    // Nothing was issued: the clock still reports the last stamp.
    expect(clock.last).toBe(prev);
    // Once the wall clock moves on, stamps resume and stay ordered.
    time.now = 43;
    const next = clock.now();
    expect(next > prev).toBe(true);
  });
});

describe('HybridLogicalClock.receive', () => {
  it('returns a stamp greater than the remote stamp and every earlier local stamp', () => {
    const { clock } = manualClock(DEVICE_A, 1_000);
    const local = [clock.now(), clock.now()];
    const remote = formatStamp({ wall: 1_500, counter: 3, deviceId: DEVICE_B });
    const r = clock.receive(remote);
    expect(r > remote).toBe(true);
    for (const s of local) expect(r > s).toBe(true);
    expect(parseStamp(r).deviceId).toBe(DEVICE_A);
    const after = clock.now();
    expect(after > r).toBe(true);
    expect(after > remote).toBe(true);
  });

  it('handles equal wall clocks on both sides', () => {
    const { clock } = manualClock(DEVICE_A, 7_000);
    const local = clock.now();
    for (const counter of [0, 5]) {
      const remote = formatStamp({ wall: 7_000, counter, deviceId: DEVICE_B });
      const before = clock.last;
      const r = clock.receive(remote);
      expect(r > remote).toBe(true);
      expect(r > before).toBe(true);
      expect(r > local).toBe(true);
      // No wall time is invented: both sides and the physical clock agree on 7000.
      expect(parseStamp(r).wall).toBe(7_000);
    }
  });

  it('is greater than a remote stamp with the same wall and counter from a larger device id', () => {
    const { clock } = manualClock('0000000000000000', 7_000);
    clock.now();
    const remote = formatStamp({ wall: 7_000, counter: 0, deviceId: 'ZZZZZZZZZZZZZZZZ' });
    expect(clock.receive(remote) > remote).toBe(true);
  });

  it('moves past a remote stamp whose wall clock is behind ours', () => {
    const { clock } = manualClock(DEVICE_A, 50_000);
    const local = clock.now();
    const remote = formatStamp({ wall: 10, counter: 99, deviceId: DEVICE_B });
    const r = clock.receive(remote);
    expect(r > local).toBe(true);
    expect(r > remote).toBe(true);
  });

  it('adopts a remote stamp within the drift bound', () => {
    const { clock, time } = manualClock(DEVICE_A, 1_000_000);
    const remote = formatStamp({
      wall: time.now + DEFAULT_MAX_DRIFT_MS,
      counter: 0,
      deviceId: DEVICE_B,
    });
    const r = clock.receive(remote);
    expect(r > remote).toBe(true);
    expect(clock.now() > r).toBe(true);
  });

  it('refuses a remote stamp beyond maxDriftMs and leaves the clock unchanged', () => {
    const { clock, time } = manualClock(DEVICE_A, 1_000_000);
    const local = clock.now();
    const remote = formatStamp({
      wall: time.now + DEFAULT_MAX_DRIFT_MS + 1,
      counter: 0,
      deviceId: DEVICE_B,
    });
    expect(() => clock.receive(remote)).toThrow(ClockDriftError);
    expect(clock.last).toBe(local);
    const next = clock.now();
    expect(next > local).toBe(true);
    expect(parseStamp(next).wall).toBe(1_000_000);
    expect(next < remote).toBe(true);
  });

  it('refuses a clock set years ahead, with the numbers in the error', () => {
    const { clock, time } = manualClock(DEVICE_A, 1_700_000_000_000);
    const yearsAhead = time.now + 5 * 365 * 24 * 3600 * 1000;
    try {
      clock.receive(formatStamp({ wall: yearsAhead, counter: 0, deviceId: DEVICE_B }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClockDriftError);
      const drift = e as ClockDriftError;
      expect(drift.remoteWall).toBe(yearsAhead);
      expect(drift.localWall).toBe(time.now);
      expect(drift.maxDriftMs).toBe(DEFAULT_MAX_DRIFT_MS);
    }
    expect(parseStamp(clock.now()).wall).toBe(1_700_000_000_000);
  });

  it('honours a custom maxDriftMs', () => {
    const { clock } = manualClock(DEVICE_A, 1_000, 100);
    expect(() =>
      clock.receive(formatStamp({ wall: 1_101, counter: 0, deviceId: DEVICE_B })),
    ).toThrow(ClockDriftError);
    const ok = formatStamp({ wall: 1_100, counter: 0, deviceId: DEVICE_B });
    expect(clock.receive(ok) > ok).toBe(true);
  });

  it('throws ClockOverflowError rather than issue a stamp that is not greater', () => {
    const { clock } = manualClock(DEVICE_A, 9_000);
    const local = clock.now();
    const remote = formatStamp({ wall: 9_000, counter: MAX_COUNTER, deviceId: DEVICE_B });
    expect(() => clock.receive(remote)).toThrow(ClockOverflowError);
    expect(clock.last).toBe(local);
  });
});

describe('HybridLogicalClock.observe', () => {
  it('adopts a persisted future stamp without throwing, and issues stamps after it', () => {
    const { clock, time } = manualClock(DEVICE_A, 1_000_000);
    const persisted = formatStamp({
      wall: time.now + 10 * DEFAULT_MAX_DRIFT_MS,
      counter: 12,
      deviceId: DEVICE_A,
    });
    expect(() => clock.observe(persisted)).not.toThrow();
    expect(clock.last >= persisted).toBe(true);
    const next = clock.now();
    expect(next > persisted).toBe(true);
  });

  it('never moves the clock backwards', () => {
    const { clock } = manualClock(DEVICE_A, 5_000);
    clock.now();
    clock.now();
    const last = clock.last;
    clock.observe(formatStamp({ wall: 4_000, counter: 50, deviceId: DEVICE_A }));
    clock.observe(formatStamp({ wall: 5_000, counter: 0, deviceId: DEVICE_A }));
    expect(clock.last).toBe(last);
    expect(clock.now() > last).toBe(true);
  });

  it('makes later stamps greater than an observed stamp from another device', () => {
    const { clock } = manualClock('0000000000000000', 5_000);
    clock.now(); // Same wall time as the observed stamp, lower counter.
    const seen = formatStamp({ wall: 5_000, counter: 3, deviceId: 'ZZZZZZZZZZZZZZZZ' });
    clock.observe(seen);
    expect(clock.now() > seen).toBe(true);
  });
});

type Op =
  | { kind: 'tick'; delta: number }
  | { kind: 'now' }
  | { kind: 'receive'; offset: number; counter: number; deviceId: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('tick' as const),
    delta: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -1e7, max: 1e7 })),
  }),
  fc.constant({ kind: 'now' as const }),
  fc.record({
    kind: fc.constant('receive' as const),
    // Around the physical time, sometimes beyond the drift bound (100 000 ms in these runs).
    offset: fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -1e6, max: 200_000 })),
    counter: fc.integer({ min: 0, max: 1000 }),
    deviceId: deviceIdArb,
  }),
);

describe('HLC properties', () => {
  it('(1) stamps issued on one device strictly increase, whatever the wall clock does', () => {
    const maxDriftMs = 100_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 1e6, max: 1e12 }),
        deviceIdArb,
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        (start, deviceId, ops) => {
          const time = { now: start };
          const clock = new HybridLogicalClock({
            deviceId,
            physicalNow: () => time.now,
            maxDriftMs,
          });
          let prev: HlcStamp | undefined;
          for (const op of ops) {
            if (op.kind === 'tick') {
              time.now = Math.max(0, time.now + op.delta);
            } else if (op.kind === 'now') {
              const s = clock.now();
              if (prev !== undefined) expect(s > prev).toBe(true);
              prev = s;
            } else {
              const wall = Math.max(0, time.now + op.offset);
              const remote = formatStamp({ wall, counter: op.counter, deviceId: op.deviceId });
              const before = clock.last;
              if (wall - time.now > maxDriftMs) {
                expect(() => clock.receive(remote)).toThrow(ClockDriftError);
                expect(clock.last).toBe(before);
              } else {
                const s = clock.receive(remote);
                expect(s > remote).toBe(true);
                if (prev !== undefined) expect(s > prev).toBe(true);
                prev = s;
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  type TwoDeviceOp =
    | { kind: 'tick'; device: 0 | 1; delta: number }
    | { kind: 'now'; device: 0 | 1 }
    | { kind: 'send'; from: 0 | 1 };

  const deviceArb = fc.constantFrom(0 as const, 1 as const);
  const twoDeviceOpArb: fc.Arbitrary<TwoDeviceOp> = fc.oneof(
    fc.record({
      kind: fc.constant('tick' as const),
      device: deviceArb,
      delta: fc.integer({ min: -30, max: 30 }),
    }),
    fc.record({ kind: fc.constant('now' as const), device: deviceArb }),
    fc.record({ kind: fc.constant('send' as const), from: deviceArb }),
  );

  it('(2) causality: after B receives A’s stamp, B’s stamps are greater; after A receives B’s, A’s next stamp is greater than all', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1e6, max: 1e12 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(twoDeviceOpArb, { maxLength: 40 }),
        (start, skew, aBefore, bAfter, ops) => {
          const timeA = { now: start };
          const timeB = { now: start + skew };
          const a = new HybridLogicalClock({ deviceId: DEVICE_A, physicalNow: () => timeA.now });
          const b = new HybridLogicalClock({ deviceId: DEVICE_B, physicalNow: () => timeB.now });

          // The scenario of the brief: A issues, B receives, B issues, A receives, A issues.
          const issuedByA: HlcStamp[] = [];
          for (let i = 0; i <= aBefore; i++) issuedByA.push(a.now());
          const sent = issuedByA[issuedByA.length - 1]!;
          const received = b.receive(sent);
          expect(received > sent).toBe(true);
          const issuedByB: HlcStamp[] = [received];
          for (let i = 0; i < bAfter; i++) {
            timeB.now -= 1; // B's wall clock even goes back a little.
            const s = b.now();
            expect(s > sent).toBe(true);
            issuedByB.push(s);
          }
          const bLatest = issuedByB[issuedByB.length - 1]!;
          a.receive(bLatest);
          const aNext = a.now();
          for (const s of [...issuedByA, ...issuedByB]) expect(aNext > s).toBe(true);

          // Then any interleaving: each device's new stamps exceed everything it causally knows.
          const clocks = [a, b];
          const times = [timeA, timeB];
          const known: HlcStamp[] = [aNext, bLatest];
          for (const op of ops) {
            if (op.kind === 'tick') {
              times[op.device]!.now += op.delta;
            } else if (op.kind === 'now') {
              const s = clocks[op.device]!.now();
              expect(s > known[op.device]!).toBe(true);
              known[op.device] = s;
            } else {
              const to = op.from === 0 ? 1 : 0;
              const msg = clocks[op.from]!.last;
              const s = clocks[to]!.receive(msg);
              expect(s > msg).toBe(true);
              expect(s > known[to]!).toBe(true);
              known[to] = s;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('(3) string order of stamps equals numeric (wall, counter) order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(wallArb, counterArb), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          const stamps = pairs.map(([wall, counter]) =>
            formatStamp({ wall, counter, deviceId: DEVICE_A }),
          );
          const byString = [...stamps].sort();
          const byNumber = [...pairs]
            .sort(([w1, c1], [w2, c2]) => w1 - w2 || c1 - c2)
            .map(([wall, counter]) => formatStamp({ wall, counter, deviceId: DEVICE_A }));
          expect(byString).toEqual(byNumber);
        },
      ),
      { numRuns: 300 },
    );
  });
});
