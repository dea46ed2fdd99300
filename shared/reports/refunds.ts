/**
 * Which refunds cancel an order: taken in time order, the refund that completes a purchase's
 * refund (alone or with earlier partial ones) cancels it; a partial one only returns money
 * (shared/loyalty/purchases.ts isFullyRefunded). The one home of this rule for the reports'
 * dataset (renderer/db/repositories/reports) and the kept month buckets
 * (shared/derived/month-buckets.ts).
 */
import { isFullyRefunded } from '../loyalty/purchases';

export interface RefundFact {
  at: number;
  amount: number;
}

/**
 * `cancels[i]` is 1 when refunds[i] cancels its purchase. `reversed[i]` is the purchase
 * refunds[i] reverses (id and amount), when it is still there; without it, none cancels.
 */
export function refundCancels(
  refunds: readonly RefundFact[],
  reversed: readonly ({ id: string; amount: number } | undefined)[],
): Uint8Array {
  const cancels = new Uint8Array(refunds.length);
  const refundedSoFar = new Map<string, number>();
  const inTimeOrder = refunds.map((_, i) => i).sort((x, y) => refunds[x]!.at - refunds[y]!.at);
  for (const i of inTimeOrder) {
    const original = reversed[i];
    if (original === undefined) continue;
    const before = refundedSoFar.get(original.id) ?? 0;
    const after = before + refunds[i]!.amount;
    refundedSoFar.set(original.id, after);
    if (!isFullyRefunded(original.amount, before) && isFullyRefunded(original.amount, after))
      cancels[i] = 1;
  }
  return cancels;
}
