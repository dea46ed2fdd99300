/**
 * Which purchases count as purchases: one refunded in full (by one refund or by several that
 * add up to its amount) did not happen for the customer, so it is not in "Purchases: N"; a
 * partial refund only returns money and the purchase still counts. The reports use the same
 * rule (a refund that completes a purchase's refund cancels the order).
 */

export interface RefundableSale {
  id: string;
  kind: 'purchase' | 'refund';
  amount: number;
  reversesId?: string;
}

/** Refunded amount per purchase id. */
export function refundedByPurchase(sales: readonly RefundableSale[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sales)
    if (s.kind === 'refund' && s.reversesId !== undefined)
      out.set(s.reversesId, (out.get(s.reversesId) ?? 0) + s.amount);
  return out;
}

/** Whether a purchase was refunded in full, given what was refunded of it. */
export const isFullyRefunded = (purchaseAmount: number, refunded: number): boolean =>
  refunded > 0 && refunded >= purchaseAmount;

/** Purchases that were not refunded in full. */
export function countedPurchases(sales: readonly RefundableSale[]): number {
  const refunded = refundedByPurchase(sales);
  let n = 0;
  for (const s of sales)
    if (s.kind === 'purchase' && !isFullyRefunded(s.amount, refunded.get(s.id) ?? 0)) n++;
  return n;
}
