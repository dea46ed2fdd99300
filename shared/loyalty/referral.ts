/**
 * The referral bonus, "to the referrer on the new customer's first purchase": one home for who
 * gets it and its id.
 *
 * A contact may name who referred them (`referredBy`). When that contact makes their first
 * purchase ever (shared/loyalty/welcome.ts `isFirstPurchase`, over their own sales and those of
 * duplicates merged into them), the referrer gets the rule's `referralBonus`, under the rule in
 * force at that purchase. The entry sits on the referrer's ledger, names the new customer
 * (`referredId`) and has an id derived from the new customer (`referralEntryId`), so two
 * devices that both record that first purchase make one entry. Two duplicates of the new
 * customer created on two devices each bring an entry; once they are merged, the referrer's
 * ledger counts one per person (`withoutMergedDuplicateBonuses` with a resolver), the lowest
 * id, the same on every device.
 */
import { referralEventId } from '../event-ids';
import { ruleAt, type LoyaltyRule, type LoyaltyRules } from './rules';
import type { SaleLike } from './tiers';
import { isFirstPurchase } from './welcome';

export const REFERRAL_REASON = 'referral';

/** The referral bonus id brought by the first purchase of `referredId`. */
export const referralEntryId = referralEventId;

/** The rule's referral bonus for a first purchase at `atMs`, or null when it gives none. */
export function referralRuleAt(
  rules: LoyaltyRules,
  atMs: number,
): { points: number; rule: LoyaltyRule } | null {
  const rule = ruleAt(rules, atMs);
  const points = rule.referralBonus ?? 0;
  if (!rule.enabled || points <= 0) return null;
  return { points, rule };
}

/**
 * The bonus the referrer gets for `sale`: null unless the buyer was referred by someone else
 * and this is the buyer's first purchase under a rule that gives one. `referrerId` and
 * `buyerId` are resolved through merges by the caller (a customer cannot refer themselves, also
 * not through a duplicate). The caller still checks that no entry exists for the buyer.
 */
export function referralBonusFor(
  sale: Pick<SaleLike, 'id' | 'at'>,
  personSales: readonly Pick<SaleLike, 'id' | 'at' | 'kind'>[],
  rules: LoyaltyRules,
  referrerId: string | undefined,
  buyerId: string,
): { points: number; rule: LoyaltyRule } | null {
  if (referrerId === undefined || referrerId === buyerId) return null;
  if (!isFirstPurchase(sale, personSales)) return null;
  return referralRuleAt(rules, Date.parse(sale.at));
}

/** Whether a ledger entry is a referral bonus. */
export const isReferralBonus = (e: { kind: string; reason?: string }) =>
  e.kind === 'bonus' && e.reason === REFERRAL_REASON;
