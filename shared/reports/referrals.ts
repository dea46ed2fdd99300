/**
 * Advocacy in the customer lifecycle: customers who came through a referral. A referral counts
 * in the period of the referred customer's first purchase (when the referral bonus is earned,
 * shared/loyalty/referral.ts), once per person (duplicates merged into one count once: the
 * dataset's customers are already resolved through merges).
 *
 *   referred(P)  = #{ referred customers c : firstPurchase(c) in P }
 *   advocates(P) = #{ distinct referrers of those customers }
 */
import type { ReferralColumns } from './dataset';
import { firstPurchase, type PurchaseIndex } from './purchase-index';

export interface ReferralSummary {
  referred: number;
  advocates: number;
}

export function referralSummary(
  referrals: ReferralColumns | undefined,
  idx: PurchaseIndex,
  from: number,
  to: number,
): ReferralSummary {
  if (!referrals) return { referred: 0, advocates: 0 };
  const seen = new Set<number>();
  const advocates = new Set<number>();
  for (let i = 0; i < referrals.customer.length; i++) {
    const c = referrals.customer[i]!;
    if (seen.has(c) || c >= idx.customerCount) continue;
    const first = firstPurchase(idx, c);
    if (!(first >= from && first < to)) continue;
    seen.add(c);
    advocates.add(referrals.referrer[i]!);
  }
  return { referred: seen.size, advocates: advocates.size };
}
