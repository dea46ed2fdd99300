/**
 * "Today at a glance": a day's sales count, revenue and points issued, from that day's events.
 *
 *   sales        = purchases in the day (live)
 *   revenue      = their amounts - refunds made in the day
 *   pointsIssued = points of earn and bonus entries in the day (redemptions, reversals and
 *                  adjustments are not issuing)
 * New members (customers whose first purchase ever is in the day) need each buyer's earlier
 * sales: the repository counts them and passes them in.
 */
export interface DayFigures {
  sales: number;
  revenue: number;
  newMembers: number;
  pointsIssued: number;
}

export function dayFigures(
  sales: readonly { kind: 'purchase' | 'refund'; amount: number; deletedAt?: string }[],
  ledger: readonly { kind: string; points: number; deletedAt?: string }[],
  newMembers: number,
): DayFigures {
  let count = 0;
  let revenue = 0;
  for (const s of sales) {
    if (s.deletedAt !== undefined) continue;
    if (s.kind === 'purchase') {
      count++;
      revenue += s.amount;
    } else revenue -= s.amount;
  }
  let pointsIssued = 0;
  for (const e of ledger)
    if (e.deletedAt === undefined && (e.kind === 'earn' || e.kind === 'bonus') && e.points > 0)
      pointsIssued += e.points;
  return { sales: count, revenue, newMembers, pointsIssued };
}
