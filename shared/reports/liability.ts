/**
 * Outstanding points liability: what the points customers hold would cost if redeemed.
 *   liability = sum over customers of max(balance, 0) x point value (rupiah per point).
 * A negative balance (an overdraft after two devices redeemed the same points) is a problem to
 * resolve, not a credit: it does not lower what is owed to the others.
 *
 * The balances come from the caller. Today they are raw ledger sums (`ledgerBalances`); when the
 * loyalty engine (shared/loyalty, with expiry) lands, pass its balances instead.
 */
import type { LedgerColumns } from './dataset';

export interface LiabilitySummary {
  /** Customers with a positive balance. */
  holders: number;
  points: number;
  value: number;
  /** Customers below zero (overdrafts to resolve). */
  overdrafts: number;
}

export function pointsLiability(balances: ArrayLike<number>, pointValue: number): LiabilitySummary {
  let holders = 0;
  let pts = 0;
  let overdrafts = 0;
  for (let i = 0; i < balances.length; i++) {
    const b = balances[i]!;
    if (b > 0) {
      holders++;
      pts += b;
    } else if (b < 0) overdrafts++;
  }
  return { holders, points: pts, value: pts * pointValue, overdrafts };
}

/** Each customer's ledger sum over entries before `before`. */
export function ledgerBalances(
  ledger: LedgerColumns,
  customerCount: number,
  before: number,
): Float64Array {
  const out = new Float64Array(customerCount);
  for (let i = 0; i < ledger.at.length; i++)
    if (ledger.at[i]! < before) out[ledger.customer[i]!]! += ledger.points[i]!;
  return out;
}
