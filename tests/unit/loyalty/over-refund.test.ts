/**
 * The over-refund rule (shared/loyalty/over-refund.ts): which purchases are refunded for more
 * than their amount after a merge, what each refund counts for in the customer's spend, and the
 * follow-up every device makes the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, type HlcStamp } from '../../../shared/hlc';
import {
  countedRefundAmounts,
  overRefundFollowUp,
  overRefundFollowUpId,
  overRefunds,
  withCountedRefunds,
  type RefundEvent,
} from '../../../shared/loyalty/over-refund';
import { followUpSchema } from '../../../shared/schemas';

const T0 = Date.parse('2026-05-01T03:00:00.000Z');
const stamp = (n: number, device = 'AAAAAAAAAAAAAAAA'): HlcStamp =>
  formatStamp({ wall: T0 + n, counter: 0, deviceId: device });
const id = (n: number) => `01J${String(n).padStart(23, '0')}`;

function purchase(n: number, amount: number): RefundEvent {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    id: id(n),
    kind: 'purchase',
    amount,
    at,
    contactId: id(999),
    createdAt: at,
    updatedAt: stamp(n),
  };
}
function refund(n: number, of: RefundEvent, amount: number, device?: string): RefundEvent {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    id: id(n),
    kind: 'refund',
    amount,
    reversesId: of.id,
    at,
    contactId: of.contactId,
    createdAt: at,
    updatedAt: stamp(n, device),
  };
}

describe('over-refunds', () => {
  it('two full refunds of one purchase: over-refunded by its amount; only the first counts', () => {
    const p = purchase(1, 300_000);
    const r1 = refund(2, p, 300_000);
    const r2 = refund(3, p, 300_000, 'BBBBBBBBBBBBBBBB');
    const found = overRefunds([r2, p, r1]);
    expect(found).toEqual([
      expect.objectContaining({
        saleId: p.id,
        refunded: 600_000,
        excess: 300_000,
        refundIds: [r1.id, r2.id],
      }),
    ]);
    const counted = countedRefundAmounts([r2, p, r1]);
    expect(counted.get(r1.id)).toBe(300_000);
    expect(counted.get(r2.id)).toBe(0);
    expect(withCountedRefunds([p, r1, r2])).toEqual([p, r1]);
  });

  it('a refund whose purchase is not here (an imported cancellation) counts in full', () => {
    const p = purchase(1, 100);
    const r = refund(2, p, 500);
    expect(countedRefundAmounts([r]).get(r.id)).toBe(500);
    expect(overRefunds([r])).toEqual([]);
  });

  it('property: counted refunds never exceed their purchase, and the answer ignores order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 1_000_000 })), { maxLength: 10 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (amounts, refundSpecs, noise) => {
          const purchases = amounts.map((a, i) => purchase(i + 1, a));
          const refunds = refundSpecs.map(([k, a], i) =>
            refund(100 + i, purchases[k % purchases.length]!, a),
          );
          const all = [...purchases, ...refunds];
          const shuffled = [...all]
            .map((s) => ({ s, key: noise.next().value as number }))
            .sort((x, y) => x.key - y.key)
            .map((x) => x.s);
          const counted = countedRefundAmounts(all);
          expect(countedRefundAmounts(shuffled)).toEqual(counted);
          expect(overRefunds(shuffled)).toEqual(overRefunds(all));
          for (const p of purchases) {
            const mine = refunds.filter((r) => r.reversesId === p.id);
            const sum = mine.reduce((n, r) => n + counted.get(r.id)!, 0);
            const raw = mine.reduce((n, r) => n + r.amount, 0);
            expect(sum).toBe(Math.min(raw, p.amount));
            const over = overRefunds(all).find((o) => o.saleId === p.id);
            expect(over !== undefined).toBe(raw > p.amount);
          }
        },
      ),
    );
  });

  it('the follow-up depends on the purchase alone: the same whichever refunds a device has seen', () => {
    const p = purchase(1, 300_000);
    const r1 = refund(2, p, 300_000);
    const r2 = refund(3, p, 300_000, 'BBBBBBBBBBBBBBBB');
    const forged = refund(4, p, 3_000_000, 'EEEEEEEEEEEEEEEE');
    const [seenByOne] = overRefunds([p, r1, r2]);
    const [seenByOther] = overRefunds([p, forged]);
    expect(seenByOne!.refunded).not.toBe(seenByOther!.refunded);
    const one = overRefundFollowUp(p, 'Check');
    expect(followUpSchema.safeParse(one).success).toBe(true);
    expect(one.id).toBe(overRefundFollowUpId(seenByOne!));
    expect(one.id).toBe(overRefundFollowUpId(seenByOther!));
    expect(one.updatedAt).toBe(p.updatedAt);
    expect(one.dueAt).toBe(p.at);
    expect(one.contactId).toBe(p.contactId);
  });
});
