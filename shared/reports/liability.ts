/**
 * Outstanding points liability: what the points customers hold would cost if redeemed.
 *   liability = sum over customers of max(balance, 0) x point value (rupiah per point).
 * A negative balance (an overdraft after two devices redeemed the same points) is a problem to
 * resolve, not a credit: it does not lower what is owed to the others.
 *
 * The balances are the loyalty engine's (shared/loyalty computeLedger): replayed per customer
 * with first-in first-out expiry under the rule in force when each point was earned, so points
 * that expired before the moment are not owed any more.
 */
import { computeLedger, type LedgerLike } from '../loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../loyalty/merged-bonuses';
import { parseRules } from '../loyalty/rules';
import {
  BONUS_BIRTHDAY,
  BONUS_WELCOME,
  LEDGER_KIND_CODES,
  type LedgerColumns,
  type LoyaltyDataset,
} from './dataset';

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

/** Row numbers grouped by customer (counting sort; rows keep their id order inside a group). */
function rowsByCustomer(ledger: LedgerColumns, customerCount: number) {
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < ledger.customer.length; i++) start[ledger.customer[i]! + 1]!++;
  for (let c = 0; c < customerCount; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, customerCount);
  const rows = new Int32Array(ledger.customer.length);
  for (let i = 0; i < ledger.customer.length; i++) rows[fill[ledger.customer[i]!]!++] = i;
  return { start, rows };
}

/** A row's id for the engine: sorts like the real ids (rows are in id order). */
const rowId = (row: number) => row.toString(36).padStart(8, '0');

/**
 * Each customer's expiry-aware balance at `asOfMs` (entries after it ignored), by the loyalty
 * engine: the same numbers the loyalty screens show, including the rule that a person merged
 * from duplicates keeps one welcome bonus and one birthday bonus a year.
 */
export function expiryAwareBalances(loyalty: LoyaltyDataset, asOfMs: number): Float64Array {
  const { ledger, customerCount } = loyalty;
  const rules = parseRules(loyalty.rules, loyalty.timeZone);
  const out = new Float64Array(customerCount);
  const { start, rows } = rowsByCustomer(ledger, customerCount);
  for (let c = 0; c < customerCount; c++) {
    const entries: LedgerLike[] = [];
    // In the engine's replay order already (time, credits first, id), so its sort is one pass.
    const group = Array.from(rows.subarray(start[c]!, start[c + 1]!)).sort(
      (a, b) =>
        ledger.at[a]! - ledger.at[b]! ||
        Number(ledger.points[b]! > 0) - Number(ledger.points[a]! > 0) ||
        a - b,
    );
    for (const row of group) {
      // Entries after asOfMs stay in: which duplicate bonus counts is decided over all of them
      // (as the loyalty screens do); computeLedger then ignores what comes after asOfMs.
      const at = ledger.at[row]!;
      const bonus = ledger.bonus[row]!;
      const target = ledger.reverses[row]!;
      entries.push({
        id: rowId(row),
        kind: LEDGER_KIND_CODES[ledger.kind[row]!]!,
        at: new Date(at).toISOString(),
        points: ledger.points[row]!,
        reversesId: target >= 0 ? rowId(target) : undefined,
        reason:
          bonus === BONUS_WELCOME ? 'welcome' : bonus === BONUS_BIRTHDAY ? 'birthday' : undefined,
      });
    }
    if (entries.length === 0) continue;
    out[c] = computeLedger(withoutMergedDuplicateBonuses(entries), rules, asOfMs).balance;
  }
  return out;
}
