/** The shapes the loyalty repository returns (renderer/db/repositories/loyalty/). */
import type { LoyaltyError } from '../../../../shared/loyalty/errors';
import type { ExpiringPoints, HistoryRow } from '../../../../shared/loyalty/ledger';
import type { OverRefund } from '../../../../shared/loyalty/over-refund';
import type { LoyaltyRule } from '../../../../shared/loyalty/rules';
import type { TierStatus } from '../../../../shared/loyalty/tiers';
import type { Points } from '../../../../shared/money';
import type { Sale } from '../../../../shared/schemas';

/** An expected failure: one of the loyalty error codes (shared/loyalty/errors.ts). */
export type Failure = { ok: false; error: LoyaltyError };
/** A refused checkout; `max` is the most points that sale could redeem, when that is why. */
export type CheckoutFailure = Failure & { max?: number };

export interface RecordSaleResult {
  ok: true;
  sale: Sale;
  earned: number;
  /** The welcome bonus this first purchase brought. */
  bonus: number;
  redeemed: number;
  /** The sale would have earned points but the rules forbid earning while redeeming. */
  earnBlocked: boolean;
  /** The referral bonus it brought the customer's referrer. */
  referral: { points: number; referrerId: string } | null;
  /** The customer's balance after the sale (may be negative after an offline overdraft). */
  balance: number;
}

export interface SaleRow extends Sale {
  contactName: string;
  /** The name is an erased customer's placeholder: shown in the user's words. */
  contactErased: boolean;
  /** For a purchase: what was refunded of it so far. */
  refunded: number;
}

export interface SalesFilter {
  fromMs?: number;
  toMs?: number;
  kind?: 'purchase' | 'refund';
  paymentMethod?: Sale['paymentMethod'];
  /** Matches the invoice number or the customer's name (folded prefix of a word). */
  query?: string;
}

export interface ContactLoyalty {
  balance: Points;
  available: Points;
  overdraft: Points;
  tier: TierStatus;
  rule: LoyaltyRule;
  /** Points expiring in the next `days` days. */
  expiringSoon: ExpiringPoints[];
  /** Newest first, including derived expiry rows. */
  history: HistoryRow[];
  lifetimeSpend: number;
  purchases: number;
  /**
   * Purchases refunded for more than their amount (two devices each refunded one offline):
   * shown, with the follow-up the merge made, until someone resolves it.
   */
  overRefunds: OverRefund[];
}

export interface ImportOptions {
  awardPoints: boolean;
}

export interface ImportResult {
  added: number;
  skipped: number;
  contactsCreated: number;
  pointsAwarded: number;
}
