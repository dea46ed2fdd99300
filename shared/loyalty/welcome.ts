/**
 * The welcome bonus, "on the first purchase": one home for who gets it.
 *
 * A person gets the welcome bonus with their first purchase ever, under the rule in force at
 * that purchase. So a customer who already bought before the bonus was switched on is an
 * existing customer: their first purchase was under a rule without the bonus, and their next
 * sale (the first one after the switch) does not bring it. A sale recorded for a customer who
 * has earlier purchases (also back-dated ones, also those of duplicates merged into them) is
 * not a first purchase either.
 *
 * The decision depends only on the person's purchases and the synced rules, never on which
 * device decides, and the entry it makes has an id derived from the contact
 * (`welcomeEntryId`), so two devices that both see a first purchase make one entry.
 */
import { ruleAt, type LoyaltyRule, type LoyaltyRules } from './rules';
import type { SaleLike } from './tiers';

/** The rule's welcome bonus for a first purchase at `atMs`, or null when it gives none. */
export function welcomeRuleAt(
  rules: LoyaltyRules,
  atMs: number,
): { points: number; rule: LoyaltyRule } | null {
  const rule = ruleAt(rules, atMs);
  if (!rule.enabled || rule.welcomeBonus <= 0) return null;
  return { points: rule.welcomeBonus, rule };
}

/** Whether `sale` is the person's first purchase: no other purchase before it (ties by id). */
export function isFirstPurchase(
  sale: Pick<SaleLike, 'id' | 'at'>,
  personSales: readonly Pick<SaleLike, 'id' | 'at' | 'kind'>[],
): boolean {
  const t = Date.parse(sale.at);
  return personSales.every((s) => {
    if (s.kind !== 'purchase' || s.id === sale.id) return true;
    const u = Date.parse(s.at);
    return u > t || (u === t && s.id > sale.id);
  });
}

/**
 * The welcome bonus a newly recorded purchase brings: the rule's bonus when `sale` is the
 * person's first purchase (`personSales` are all their sales, with or without `sale`), else
 * null. The caller still checks that no welcome entry exists (one per person).
 */
export function welcomeBonusFor(
  sale: Pick<SaleLike, 'id' | 'at'>,
  personSales: readonly Pick<SaleLike, 'id' | 'at' | 'kind'>[],
  rules: LoyaltyRules,
): { points: number; rule: LoyaltyRule } | null {
  if (!isFirstPurchase(sale, personSales)) return null;
  return welcomeRuleAt(rules, Date.parse(sale.at));
}
