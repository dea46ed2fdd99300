import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRedeem,
  computeLedger,
  expiringBetween,
  type LedgerLike,
} from '../../../shared/loyalty/ledger';
import { addMonthsUtc, DEFAULT_RULE, type LoyaltyRules } from '../../../shared/loyalty/rules';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const rules = (expiryMonths: number): LoyaltyRules => ({
  versions: [{ ...DEFAULT_RULE, expiryMonths }],
});
let seq = 0;
const entry = (
  kind: LedgerLike['kind'],
  day: number,
  pts: number,
  extra: Partial<LedgerLike> = {},
) =>
  ({
    id: `E${String(++seq).padStart(6, '0')}`,
    kind,
    at: iso(T0 + day * DAY),
    points: pts,
    ...extra,
  }) as LedgerLike;

describe('ledger engine: examples', () => {
  it('a sale refunded on two devices offline reverses its points once, keeping both entries', () => {
    const earn = entry('earn', 0, 10);
    const other = entry('earn', 1, 40);
    const refundA = entry('reversal', 5, -10, { reversesId: earn.id });
    const refundB = entry('reversal', 6, -10, { reversesId: earn.id });
    const s = computeLedger([earn, other, refundA, refundB], rules(0), T0 + 10 * DAY);
    expect(s.balance).toBe(40);
    expect(s.overdraft).toBe(0);
    expect(s.totals.reversed).toBe(10);
    // Neither entry is dropped: the second shows up with nothing taken.
    expect(s.history.map((h) => [h.id, h.delta])).toEqual([
      [earn.id, 10],
      [other.id, 40],
      [refundA.id, -10],
      [refundB.id, 0],
    ]);
  });

  it('spends the oldest points first and expires only what is left of them', () => {
    const a = entry('earn', 0, 100);
    const b = entry('earn', 200, 50);
    const r = entry('redeem', 250, -120);
    const s = computeLedger([a, b, r], rules(12), addMonthsUtc(T0, 12) + DAY);
    // 100 from a then 20 from b; a is empty when it expires, b keeps 30.
    expect(s.balance).toBe(30);
    expect(s.totals.expired).toBe(0);
    const later = computeLedger([a, b, r], rules(12), addMonthsUtc(T0 + 200 * DAY, 12));
    expect(later.balance).toBe(0);
    expect(later.totals.expired).toBe(30);
    expect(later.history.filter((h) => h.kind === 'expire')).toHaveLength(1);
  });

  it('a refund after expiry does not take the expired points a second time', () => {
    const earn = entry('earn', 0, 40);
    const rev = entry('reversal', 400, -40, { reversesId: earn.id });
    const s = computeLedger([earn, rev], rules(12), T0 + 500 * DAY);
    expect(s.balance).toBe(0);
    expect(s.totals.expired).toBe(40);
    expect(s.totals.reversed).toBe(0);
  });

  it('a refund of points already spent shows an overdraft', () => {
    const earn = entry('earn', 0, 40);
    const red = entry('redeem', 1, -40);
    const rev = entry('reversal', 2, -40, { reversesId: earn.id });
    const s = computeLedger([earn, red, rev], rules(0), T0 + 10 * DAY);
    expect(s.balance).toBe(-40);
    expect(s.overdraft).toBe(40);
    expect(s.available).toBe(0);
  });

  it('refuses a redemption above the balance, and a zero one', () => {
    const s = computeLedger([entry('earn', 0, 10)], rules(0), T0 + DAY);
    expect(checkRedeem(s, 11)).toEqual({ ok: false, reason: 'insufficient', available: 10 });
    expect(checkRedeem(s, 0).ok).toBe(false);
    expect(checkRedeem(s, 10)).toEqual({ ok: true });
  });

  it('lists points about to expire', () => {
    const s = computeLedger([entry('earn', 0, 10), entry('earn', 40, 5)], rules(1), T0 + 20 * DAY);
    const soon = expiringBetween(s, T0 + 20 * DAY, T0 + 50 * DAY);
    expect(soon).toEqual([{ expiresAtMs: addMonthsUtc(T0, 1), points: 10 }]);
  });

  it('uses the expiry of the rule in force when the points were earned', () => {
    const r: LoyaltyRules = {
      versions: [
        { ...DEFAULT_RULE, id: 'a', expiryMonths: 1 },
        { ...DEFAULT_RULE, id: 'b', effectiveFrom: iso(T0 + 100 * DAY), expiryMonths: 0 },
      ],
    };
    const s = computeLedger([entry('earn', 0, 10), entry('earn', 120, 7)], r, T0 + 1000 * DAY);
    expect(s.balance).toBe(7);
    expect(s.totals.expired).toBe(10);
  });
});

// ---- properties ----------------------------------------------------------------------------

type Op =
  | { t: 'earn'; day: number; pts: number }
  | { t: 'redeem'; day: number; pts: number }
  | { t: 'adjust'; day: number; pts: number }
  | { t: 'refund'; day: number; target: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('earn' as const),
    day: fc.integer({ min: 0, max: 800 }),
    pts: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({
    t: fc.constant('redeem' as const),
    day: fc.integer({ min: 0, max: 800 }),
    pts: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({
    t: fc.constant('adjust' as const),
    day: fc.integer({ min: 0, max: 800 }),
    pts: fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0),
  }),
  fc.record({
    t: fc.constant('refund' as const),
    day: fc.integer({ min: 0, max: 800 }),
    target: fc.nat(),
  }),
);

/**
 * Play operations on one device in time order, as the app does: a redemption or a downward
 * adjustment is only written when checkRedeem allows it at that moment.
 */
function playDevice(
  ops: Op[],
  r: LoyaltyRules,
  prefix: string,
  base: LedgerLike[] = [],
): LedgerLike[] {
  const entries = [...base];
  const sorted = [...ops].sort((a, b) => a.day - b.day);
  let n = 0;
  for (const op of sorted) {
    const at = T0 + op.day * DAY + 1000 * n;
    const id = `${prefix}${String(n++).padStart(6, '0')}`;
    if (op.t === 'earn') entries.push({ id, kind: 'earn', at: iso(at), points: op.pts });
    else if (op.t === 'refund') {
      const earns = entries.filter((e) => e.kind === 'earn' && Date.parse(e.at) <= at);
      const target = earns[op.target % Math.max(1, earns.length)];
      if (!target || entries.some((e) => e.reversesId === target.id)) continue;
      entries.push({
        id,
        kind: 'reversal',
        at: iso(at),
        points: -target.points,
        reversesId: target.id,
      });
    } else {
      const pts = op.t === 'redeem' ? op.pts : op.pts;
      if (pts < 0 || op.t === 'redeem') {
        const want = Math.abs(pts);
        const state = computeLedger(entries, r, at);
        if (!checkRedeem(state, want).ok) continue;
      }
      entries.push({
        id,
        kind: op.t,
        at: iso(at),
        points: op.t === 'redeem' ? -op.pts : pts,
        ...(op.t === 'adjust' ? { reason: 'test' } : {}),
      });
    }
  }
  return entries;
}

const rulesArb = fc.integer({ min: 0, max: 14 }).map(rules);

describe('ledger engine: properties', () => {
  it('balance = credited - redeemed - adjusted down - reversed - expired = lots - overdraft', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        rulesArb,
        fc.integer({ min: 0, max: 1500 }),
        (ops, r, asOf) => {
          const s = computeLedger(playDevice(ops, r, 'A'), r, T0 + asOf * DAY);
          const t = s.totals;
          expect(s.balance).toBe(t.credited - t.redeemed - t.adjustedDown - t.reversed - t.expired);
          const lots = s.lots.reduce((n, l) => n + l.remaining, 0);
          expect(s.balance).toBe(lots - s.overdraft);
          expect(s.history.at(-1)?.balanceAfter ?? 0).toBe(s.balance);
          // With no expiry nothing is derived: the balance is the plain sum of the entries.
          if (r.versions[0]!.expiryMonths === 0) {
            const sum = s.history.reduce((n, h) => n + (h.entry?.points ?? 0), 0);
            expect(s.balance).toBe(sum);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no redemption one device allows takes the balance below zero', () => {
    fc.assert(
      fc.property(
        fc.array(
          opArb.filter((o) => o.t !== 'refund'),
          { maxLength: 40 },
        ),
        rulesArb,
        (ops, r) => {
          const entries = playDevice(ops, r, 'A');
          // Check the balance right after every entry and at the end of time.
          for (const e of entries) {
            expect(computeLedger(entries, r, Date.parse(e.at)).balance).toBeGreaterThanOrEqual(0);
          }
          expect(computeLedger(entries, r, T0 + 3000 * DAY).balance).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order entries arrive in, and counts a duplicate once', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        rulesArb,
        fc.integer({ min: 0, max: 1500 }),
        fc.func(fc.integer()),
        (ops, r, asOf, rank) => {
          const entries = playDevice(ops, r, 'A');
          const shuffled = [...entries].sort((a, b) => rank(a.id) - rank(b.id));
          const twice = [...shuffled, ...entries.slice(0, 5)];
          const a = computeLedger(entries, r, T0 + asOf * DAY);
          const b = computeLedger(twice, r, T0 + asOf * DAY);
          expect({ ...b, duplicates: 0 }).toEqual(a);
          expect(b.duplicates).toBe(Math.min(5, entries.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('expires first-in first-out: a debit never takes from a later lot while an older one has points', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), rulesArb, (ops, r) => {
        const entries = playDevice(ops, r, 'A');
        const s = computeLedger(entries, r, T0 + 3000 * DAY);
        // Every lot that still has points must not be older than a lot that was spent into,
        // unless the older lot's points expired (expired lots are empty at the end).
        const lots = s.lots;
        for (let i = 0; i < lots.length; i++) {
          for (let j = i + 1; j < lots.length; j++) {
            const older = lots[i]!;
            const newer = lots[j]!;
            const newerSpent = newer.points - newer.remaining - newer.expired;
            if (newerSpent > 0 && older.expiresAtMs === null) {
              // An older lot that never expires must be empty before a newer one is touched,
              // except by a reversal aimed at the newer lot itself.
              const aimed = entries.some((e) => e.reversesId === newer.entryId);
              if (!aimed) expect(older.remaining).toBe(0);
            }
          }
          // Expiry is derived: a lot only loses points to expiry once its date has passed.
          if (lots[i]!.expired > 0) expect(lots[i]!.expiresAtMs).not.toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('two devices redeeming the same points offline merge into an overdraft, no entry dropped', () => {
    fc.assert(
      fc.property(
        fc.array(
          opArb.filter((o) => o.t === 'earn'),
          { minLength: 1, maxLength: 10 },
        ),
        fc.array(
          opArb.filter((o) => o.t === 'redeem'),
          { maxLength: 10 },
        ),
        fc.array(
          opArb.filter((o) => o.t === 'redeem'),
          { maxLength: 10 },
        ),
        (earns, redA, redB) => {
          const r = rules(0);
          const base = playDevice(earns, r, 'S');
          const shift = (ops: Op[]) => ops.map((o) => ({ ...o, day: o.day + 1000 }));
          const a = playDevice(shift(redA), r, 'A', base);
          const b = playDevice(shift(redB), r, 'B', base);
          const merged = computeLedger([...a, ...b], r, T0 + 5000 * DAY);
          const ids = new Set([...a, ...b].map((e) => e.id));
          expect(merged.history.filter((h) => h.entry).length).toBe(ids.size);
          const sum = [...ids].reduce(
            (n, id) => n + [...a, ...b].find((e) => e.id === id)!.points,
            0,
          );
          expect(merged.balance).toBe(sum);
          expect(merged.overdraft).toBe(Math.max(0, -sum));
          // Each device alone never went below zero.
          expect(computeLedger(a, r, T0 + 5000 * DAY).balance).toBeGreaterThanOrEqual(0);
          expect(computeLedger(b, r, T0 + 5000 * DAY).balance).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
