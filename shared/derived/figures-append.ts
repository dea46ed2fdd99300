/**
 * The kept figures after new events that come after everything the row already holds (the
 * ordinary new sale, its points, a redemption now), computed from the row alone: no re-read
 * of the customer's sales and ledger. Anything else (a back-dated sale, a refund, a reversal,
 * a bonus that merged duplicates may hold twice, a deleted event, a merge, a sync) returns
 * null and the caller recomputes with customerFigures, the one full recomputation.
 *
 * The property test (tests/unit/derived/figures-append.property.test.ts) proves
 * appendToFigures(customerFigures(history), events) == customerFigures(history + events)
 * whenever it answers.
 */
import { replayOrder } from '../loyalty/ledger';
import { REFERRAL_REASON } from '../loyalty/referral';
import { addRuleMonths, ruleAt, type LoyaltyRules } from '../loyalty/rules';
import {
  addVisit,
  DEFAULT_GONE_QUIET,
  visitPattern,
  type GoneQuietOptions,
  type Visits,
} from '../timeline/gone-quiet';
import {
  expiringLots,
  setVisitFields,
  stageBase,
  type CustomerFigures,
  type LedgerEvent,
  type SaleEvent,
} from './customer-figures';

/** Events written for one customer in one transaction. */
export interface AppendedEvents {
  sales: readonly SaleEvent[];
  ledger: readonly LedgerEvent[];
}

/** Bonuses counted once per person across merged duplicates: only a full replay can tell. */
const ONCE_PER_PERSON = new Set(['welcome', 'birthday', REFERRAL_REASON]);

export function appendToFigures(
  row: CustomerFigures,
  events: AppendedEvents,
  rules: LoyaltyRules,
  quiet: GoneQuietOptions = DEFAULT_GONE_QUIET,
): CustomerFigures | null {
  // A row kept by an older FIGURES_VERSION lacks what the step needs.
  if (!Array.isArray(row.visitDays) || !Array.isArray(row.openLots)) return null;
  const next: CustomerFigures = { ...row };
  if (events.sales.length > 0 && !appendSales(next, events.sales, rules, quiet)) return null;
  if (events.ledger.length > 0 && !appendLedger(next, events.ledger, rules)) return null;
  return next;
}

/** New purchases, each later than every purchase kept: false when they are not. */
function appendSales(
  row: CustomerFigures,
  sales: readonly SaleEvent[],
  rules: LoyaltyRules,
  quiet: GoneQuietOptions,
): boolean {
  const list = [...sales].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let lastMs = row.lastVisitAt === undefined ? -Infinity : Date.parse(row.lastVisitAt);
  const visits: Visits = { days: [...row.visitDays], lastMs, last: row.lastVisitAt ?? '' };
  for (const s of list) {
    const t = Date.parse(s.at);
    // A refund changes what earlier purchases count; an equal time makes the "latest" a tie.
    if (s.kind !== 'purchase' || s.deletedAt !== undefined || Number.isNaN(t) || t <= lastMs)
      return false;
    lastMs = t;
    row.purchases += 1;
    row.receipts += 1;
    row.counted += 1;
    row.netSpend += s.amount;
    row.firstPurchaseAt ??= s.at;
    row.lastPurchaseAt = s.at;
    row.lastPurchaseMs = t;
    addVisit(visits, s.at, rules.timeZone);
  }
  row.stageBase = stageBase(row.purchases, row.manualStage);
  setVisitFields(row, visits, visitPattern(visits, quiet));
  return true;
}

/**
 * New ledger entries after the kept replay (computeLedger's steps from its kept state: expiry,
 * a credit paying off an overdraft first, a debit taking from the oldest lots): false when
 * an entry is not after it or needs the history (a reversal names its lot).
 */
function appendLedger(
  row: CustomerFigures,
  entries: readonly LedgerEvent[],
  rules: LoyaltyRules,
): boolean {
  const list = [...entries].sort(replayOrder);
  const keptAsOf = row.ledgerAsOfMs ?? -Infinity;
  let balance = row.balanceAsOf;
  const open: [number | null, number][] = row.openLots.map(([at, n]) => [at, n]);
  let asOf = keptAsOf;
  for (const e of list) {
    const t = Date.parse(e.at);
    if (e.deletedAt !== undefined || Number.isNaN(t) || t <= keptAsOf) return false;
    if (e.kind === 'reversal') return false;
    if (e.kind === 'bonus' && e.reason !== undefined && ONCE_PER_PERSON.has(e.reason)) return false;
    for (const lot of open) {
      if (lot[0] !== null && lot[0] <= t && lot[1] > 0) {
        balance -= lot[1];
        lot[1] = 0;
      }
    }
    if (e.points > 0) {
      const rule = ruleAt(rules, t);
      const expires = rule.expiryMonths > 0 ? addRuleMonths(rules, t, rule.expiryMonths) : null;
      // An overdraft (a negative balance; no lot has points left then) is paid off first.
      open.push([expires, e.points - Math.min(Math.max(0, -balance), e.points)]);
    } else {
      let need = -e.points;
      for (const lot of open) {
        if (need <= 0) break;
        const take = Math.min(lot[1], need);
        lot[1] -= take;
        need -= take;
      }
    }
    balance += e.points;
    asOf = t;
  }
  const left = open.filter((l) => l[1] > 0);
  const lots = expiringLots(left);
  row.balanceAsOf = balance;
  row.ledgerAsOfMs = asOf;
  row.openLots = left;
  row.lots = lots;
  row.expiryKeys = [...new Set(lots.map((l) => l[0]))];
  row.ledgerEntries += list.length;
  return true;
}
