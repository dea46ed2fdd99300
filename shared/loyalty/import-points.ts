/**
 * Points, welcome bonuses and new-customer ids for an imported sales file, derived from the
 * file alone so every device that imports the same file writes the same events.
 *
 * Why the file alone: the earn entry of an imported sale has an id derived from the sale, so two
 * devices importing the same file make the same entry, and a merge keeps one. If its points
 * depended on the sales the importing device already had (its own hand-recorded sales, other
 * files), two devices would write two different entries under one id and the merged ledger
 * would depend on which copy arrived first. So, for an imported sale S of customer K:
 *
 *   rule       = the rule in force at S.at (ruleAt), as for any sale;
 *   tier       = tierAt(sales of K in the file, rules, S.at - 1, excluding S): the tier K had
 *                just before S by the spend in the file's sales of K in the tier window before
 *                S (12 months by default), under the rule's downgrade policy;
 *   points(S)  = earnPoints(S.amount, rule, tier.multiplierPct)   (shared/loyalty/tiers.ts).
 *
 * K is the file's customer key (phone, else folded name: `customerKey`), which is the same on
 * every device; which contact K matches can differ between devices and does not matter here.
 * Every sale of K in the file counts, also those a device already had (a re-import writes no
 * new sale, and an overlapping export gives the same history for the sales both files hold).
 * A POS export is the shop's own record of those sales, so its history is the one to trust;
 * sales recorded by hand in Kenal do not raise the tier of imported ones.
 *
 * A customer the import creates gets `importedContactId(K)`, derived from K alone, so two
 * devices create the same contact, also from two different files of the same shop (a partial
 * export, then a full one); and, under the rule in force at K's first sale in the file, the
 * welcome bonus with the id recordSale uses (`welcomeEntryId`), so a later sale on any device
 * does not give it again.
 */
import { importContactId, welcomeEventId } from '../event-ids';
import type { LoyaltyRule, LoyaltyRules } from './rules';
import { customerKey, type ImportSale } from './sales-import';
import { salePointsEntryId } from './sale-points';
import { earnForSale, pointsToReverse, type SaleLike } from './tiers';
import { welcomeRuleAt } from './welcome';

/** The stored `at` of an imported sale: the file's local time as UTC ISO. */
export const importedSaleAt = (s: Pick<ImportSale, 'atMs'>): string =>
  new Date(s.atMs).toISOString();

/** The welcome bonus id of a contact (the same on every path that gives it). */
export const welcomeEntryId = welcomeEventId;

/** The earn entry id of a sale (the same on every path that awards it). */
export const earnEntryId = (sale: { id: string; at: string }): string =>
  salePointsEntryId('earn', sale);

export interface ImportCustomer {
  key: string;
  /** The file's sales of this customer, oldest first (ties by id). */
  sales: ImportSale[];
  first: ImportSale;
  /** The id a contact created for this customer gets. */
  contactId: string;
}

/** The customers of a file, each with their sales in time order. */
export function importCustomers(sales: readonly ImportSale[]): Map<string, ImportCustomer> {
  const byKey = new Map<string, ImportSale[]>();
  for (const s of sales) {
    const key = customerKey(s);
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const out = new Map<string, ImportCustomer>();
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // The first sale as written in the file, not as read in this device's time zone: the
    // lowest id (an id is the naive time, 10 sortable characters, then a hash).
    let first = list[0]!;
    for (const s of list) if (s.id < first.id) first = s;
    out.set(key, { key, sales: list, first, contactId: importedContactId(key) });
  }
  return out;
}

/**
 * The contact id for a customer the import creates (see the module comment). Its time part is
 * 0: it depends on nothing but the customer (the record's createdAt says when it was made).
 */
export function importedContactId(key: string): string {
  return importContactId(key);
}

export interface ImportEarning {
  points: number;
  ruleId: string;
}

/**
 * The points each of one customer's sales earns (see the module comment). Returns one entry
 * per sale id; O(n log n) per customer (tierAt's prefix-sum index).
 */
export function importEarnings(
  customer: Pick<ImportCustomer, 'sales'>,
  rules: LoyaltyRules,
): Map<string, ImportEarning> {
  // Refunds in the file lower the spend that decides the tier, when they happen.
  const history: SaleLike[] = customer.sales.map((s) => ({
    id: s.id,
    kind: s.kind ?? 'purchase',
    at: importedSaleAt(s),
    amount: s.amount,
  }));
  const out = new Map<string, ImportEarning>();
  for (const sale of history) {
    if (sale.kind !== 'purchase') continue;
    const { points, rule } = earnForSale(sale, history, rules);
    out.set(sale.id, { points, ruleId: rule.id });
  }
  return out;
}

/** The welcome bonus a customer created by an import gets, or null when the rule gives none. */
export function importWelcome(
  customer: Pick<ImportCustomer, 'first' | 'sales'>,
  rules: LoyaltyRules,
): { points: number; rule: LoyaltyRule; at: string } | null {
  // On the first purchase (the lowest id, as for `first`); a customer with only refunds in the
  // file gets none. The same rule as a hand-recorded first purchase (welcome.ts): the rule in
  // force at that purchase decides, so a customer whose history starts before the bonus was
  // switched on does not get it.
  let firstPurchase: ImportSale | undefined;
  for (const s of customer.sales)
    if ((s.kind ?? 'purchase') === 'purchase' && (!firstPurchase || s.id < firstPurchase.id))
      firstPurchase = s;
  if (!firstPurchase) return null;
  const at = importedSaleAt(firstPurchase);
  const welcome = welcomeRuleAt(rules, Date.parse(at));
  return welcome && { ...welcome, at };
}

/**
 * The points taken back by the file's refunds that name a sale of the same file: each refund's
 * share of that sale's earned points (pointsToReverse, as a refund recorded by hand), oldest
 * refund first. Keyed by refund id.
 */
export function importReversals(
  customer: Pick<ImportCustomer, 'sales'>,
  earnings: ReadonlyMap<string, ImportEarning>,
): Map<string, { points: number; purchase: ImportSale }> {
  const out = new Map<string, { points: number; purchase: ImportSale }>();
  const byId = new Map(customer.sales.map((s) => [s.id, s]));
  const refundedBefore = new Map<string, number>();
  for (const r of customer.sales) {
    if (r.kind !== 'refund' || !r.reversesId) continue;
    const purchase = byId.get(r.reversesId);
    const earned = earnings.get(r.reversesId)?.points ?? 0;
    if (!purchase) continue;
    const before = refundedBefore.get(purchase.id) ?? 0;
    refundedBefore.set(purchase.id, before + r.amount);
    if (earned <= 0) continue;
    const points = pointsToReverse(earned, purchase.amount, before, r.amount);
    if (points > 0) out.set(r.id, { points, purchase });
  }
  return out;
}
