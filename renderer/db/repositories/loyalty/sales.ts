/**
 * Recording a sale (its points, welcome and referral bonuses) and refunding one.
 */
import type { HlcStamp } from '../../../../shared/hlc';
import { reversalEventId } from '../../../../shared/event-ids';
import { welcomeEntryId } from '../../../../shared/loyalty/import-points';
import {
  firstErrorKey,
  refundInputSchema,
  saleInputSchema,
  type RefundInput,
  type SaleInput,
} from '../../../../shared/loyalty/inputs';
import {
  REFERRAL_REASON,
  referralBonusFor,
  referralEntryId,
} from '../../../../shared/loyalty/referral';
import { ruleAt, type LoyaltyRules } from '../../../../shared/loyalty/rules';
import { salePointsEntry, salePointsEntryId } from '../../../../shared/loyalty/sale-points';
import { earnForSale, pointsToReverse } from '../../../../shared/loyalty/tiers';
import { welcomeBonusFor } from '../../../../shared/loyalty/welcome';
import { isErased } from '../../../../shared/privacy/erase';
import { createEvent } from '../../../../shared/records';
import { planCheckout } from '../../../../shared/sales/checkout';
import type { Sale } from '../../../../shared/schemas';
import type { ContactRow } from '../../database';
import { batchFigures } from '../../derived/middleware';
import { ERASED_CONTACT_ERROR } from '../../errors';
import type { LoyaltyError } from '../../../../shared/loyalty/errors';
import type { LoyaltyContext } from './context';
import { DAY_MS } from './context';
import type { CheckoutFailure, Failure, RecordSaleResult } from './types';

/** Clocks of two devices differ a little: a refund a few minutes ahead is not in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** Typed as a loyalty error so the checkout's result keeps its codes (a bare const widens). */
const ERASED: LoyaltyError = ERASED_CONTACT_ERROR;

/** A saved checkout before its balance is read: what the balance read needs rides along. */
type SavedSale = Omit<RecordSaleResult, 'balance'> & {
  contactId: string;
  rules: LoyaltyRules;
  at: Date;
};

export function createSaleOperations(ctx: LoyaltyContext) {
  const { db, now, aliasIds, balanceAt, tierSalesOf, getRules, liveContact, stampCtx } = ctx;

  /**
   * The welcome bonus, once per member, on their first purchase. Its id is derived from the
   * contact, so two devices that each record a first purchase offline make the same entry.
   */
  const welcomeId = welcomeEntryId;

  /**
   * The referral bonus a first purchase brings the buyer's referrer (shared/loyalty/referral.ts):
   * on the referrer's ledger, with an id derived from the buyer, once per buyer and its merged
   * duplicates. Returns the points given (0 for none).
   */
  async function giveReferralBonus(
    buyer: ContactRow,
    sale: Sale,
    history: readonly Sale[],
    rules: LoyaltyRules,
    ctx: { createdAt: string; stamp: HlcStamp },
  ): Promise<{ points: number; referrerId: string } | null> {
    const ids = await aliasIds(buyer.id);
    const aliasRows = await db.contacts.bulkGet(ids);
    // The survivor's own link first; a duplicate's link when the survivor has none.
    const link = buyer.referredBy ?? aliasRows.find((c) => c?.referredBy !== undefined)?.referredBy;
    if (link === undefined) return null;
    const referrer = await liveContact(link);
    if (!referrer) return null;
    const bonus = referralBonusFor(sale, history, rules, referrer.id, buyer.id);
    if (!bonus) return null;
    const existing = await db.ledger.bulkGet(ids.map(referralEntryId));
    if (existing.some((e) => e !== undefined)) return null;
    await db.ledger.add(
      createEvent(
        {
          contactId: referrer.id,
          kind: 'bonus' as const,
          at: sale.at,
          points: bonus.points,
          reason: REFERRAL_REASON,
          referredId: buyer.id,
          ruleId: bonus.rule.id,
        },
        { ...ctx, id: referralEntryId(buyer.id) },
      ),
    );
    return { points: bonus.points, referrerId: referrer.id };
  }
  return {
    /**
     * Record a purchase and the points it earns (one transaction): the earn entry's id is
     * derived from the sale, and a first purchase brings the welcome bonus.
     */
    // Over 80 lines: the checkout is one transaction (sale, its points, welcome and referral
    // bonuses) whose steps read what the earlier ones wrote; split, it would pass that state around.
    async recordSale(input: SaleInput): Promise<RecordSaleResult | CheckoutFailure> {
      const parsed = saleInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      // One recomputation of the customer's kept figures for the sale and its points (not one
      // per write), then the new balance read from them.
      const saved = await db.transaction(
        'rw',
        [db.sales, db.ledger, db.settings, db.contacts, db.meta, db.customerFigures],
        async () =>
          batchFigures(db.core, async (): Promise<SavedSale | CheckoutFailure> => {
            const contact = await liveContact(v.contactId);
            if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
            if (isErased(contact)) return { ok: false as const, error: ERASED };
            const at = now();
            const ctx = await stampCtx(at);
            const rules = await getRules();
            const saleAt = new Date(v.at).toISOString();
            const saleMs = Date.parse(saleAt);
            // Points taken off in the same sale (shared/sales/checkout.ts), under the rule in
            // force at the sale and the balance this device knows now.
            const redeem = v.redeemPoints ?? 0;
            let available = 0;
            if (redeem > 0) {
              // Only a sale of now: a back-dated redemption could spend points earned after it.
              if (saleMs < at.getTime() - DAY_MS)
                return { ok: false as const, error: 'checkout.errors.redeemPastSale' };
              // The kept balance (one row), not a replay of the customer's whole ledger.
              available = Math.max(0, await balanceAt(contact.id, rules, at));
            }
            const plan = planCheckout(v.amount, redeem, available, ruleAt(rules, saleMs));
            if (!plan.ok) return { ok: false as const, error: plan.error, max: plan.max };
            const sale: Sale = createEvent(
              {
                contactId: contact.id,
                kind: 'purchase' as const,
                at: saleAt,
                amount: plan.total,
                items: v.items || undefined,
                invoiceNo: v.invoiceNo || undefined,
                paymentMethod: v.paymentMethod,
                ...(v.lines && v.lines.length > 0 ? { lines: v.lines } : {}),
                ...(plan.discount > 0 ? { pointsDiscount: plan.discount } : {}),
              },
              ctx,
            );
            await db.sales.add(sale);
            // Only the sales of the tier window before it matter (not all 5,000 of a regular).
            const history = await tierSalesOf(contact.id, rules, saleMs);
            const earnedBy = earnForSale(sale, history, rules);
            const rule = earnedBy.rule;
            const earned = plan.earns ? earnedBy.points : 0;
            // The points redeemed in the sale and earned for it: ids derived from the sale.
            for (const [kind, points] of [
              ['redeem', redeem],
              ['earn', earned],
            ] as const) {
              if (points <= 0) continue;
              const entry = salePointsEntry(kind, sale, points, rule.id);
              await db.ledger.add(createEvent(entry.fields, { ...ctx, id: entry.id }));
            }
            let bonus = 0;
            // Only a first purchase ever brings it (shared/loyalty/welcome.ts): a customer who
            // bought before the bonus was switched on is not new.
            const welcome = welcomeBonusFor(sale, history, rules);
            if (welcome) {
              const ids = await aliasIds(contact.id);
              const existing = await db.ledger.bulkGet(ids.map(welcomeId));
              if (existing.every((e) => e === undefined)) {
                bonus = welcome.points;
                await db.ledger.add(
                  createEvent(
                    {
                      contactId: contact.id,
                      kind: 'bonus' as const,
                      at: sale.at,
                      points: bonus,
                      reason: 'welcome',
                      ruleId: welcome.rule.id,
                    },
                    { ...ctx, id: welcomeId(contact.id) },
                  ),
                );
              }
            }
            const referral = await giveReferralBonus(contact, sale, history, rules, ctx);
            return {
              ok: true as const,
              sale,
              earned,
              bonus,
              redeemed: redeem,
              earnBlocked: !plan.earns && earnedBy.points > 0,
              referral,
              contactId: contact.id,
              rules,
              at,
            };
          }),
      );
      if (!saved.ok) return saved;
      const { contactId, rules, at, ...result } = saved;
      return { ...result, balance: await balanceAt(contactId, rules, at) };
    },

    /**
     * Refund (part of) a purchase: a new refund event and a reversal of its share of the points
     * earned, never an edit. Refunds never add up to more than the purchase.
     */
    async refundSale(
      input: RefundInput,
    ): Promise<{ ok: true; refund: Sale; reversed: number } | Failure> {
      const parsed = refundInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction('rw', [db.sales, db.ledger, db.contacts, db.meta], async () => {
        const sale = await db.sales.get(v.saleId);
        if (!sale || sale.kind !== 'purchase' || sale.deletedAt) {
          return { ok: false as const, error: 'sales.errors.saleNotFound' };
        }
        const earlier = await db.sales
          .where('reversesId')
          .equals(sale.id)
          .filter((s) => s.kind === 'refund' && !s.deletedAt)
          .toArray();
        const refundedBefore = earlier.reduce((n, s) => n + s.amount, 0);
        if (refundedBefore + v.amount > sale.amount) {
          return { ok: false as const, error: 'sales.errors.refundTooMuch' };
        }
        const at = now();
        // A refund may be dated in the past (entered late), never before its sale or ahead.
        if (Date.parse(v.at) < Date.parse(sale.at)) {
          return { ok: false as const, error: 'sales.errors.refundBeforeSale' };
        }
        if (Date.parse(v.at) > at.getTime() + FUTURE_SLACK_MS) {
          return { ok: false as const, error: 'sales.errors.refundFuture' };
        }
        const ctx = await stampCtx(at);
        // An erased customer's refund is recorded (the money goes back) without free text.
        const owner = await db.contacts.get(sale.contactId);
        const reason = owner && isErased(owner) ? undefined : v.reason || undefined;
        const refund: Sale = createEvent(
          {
            contactId: sale.contactId,
            kind: 'refund' as const,
            at: new Date(v.at).toISOString(),
            amount: v.amount,
            reversesId: sale.id,
            invoiceNo: sale.invoiceNo,
            items: reason,
          },
          ctx,
        );
        await db.sales.add(refund);
        const earnId = salePointsEntryId('earn', sale);
        const earn = await db.ledger.get(earnId);
        const reversed = earn
          ? pointsToReverse(earn.points, sale.amount, refundedBefore, v.amount)
          : 0;
        if (earn && reversed > 0) {
          await db.ledger.add(
            createEvent(
              {
                contactId: earn.contactId,
                kind: 'reversal' as const,
                at: new Date(v.at).toISOString(),
                points: -reversed,
                saleId: refund.id,
                reversesId: earn.id,
                reason,
              },
              { ...ctx, id: reversalEventId(refund.id, Date.parse(v.at)) },
            ),
          );
        }
        return { ok: true as const, refund, reversed };
      });
    },
  };
}
