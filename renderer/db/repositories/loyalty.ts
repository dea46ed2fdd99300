/**
 * Repository for sales, the loyalty ledger, loyalty rules and feedback. Sales, ledger entries
 * and feedback are immutable events: a refund or a correction is a new event. Balances, expiry
 * and tiers are never stored: they are derived from the ledger and the rules on every read
 * (shared/loyalty), so every device shows the same numbers after a merge.
 */
import { ImportCancelledError } from '../errors';
import { ERASED_CONTACT_ERROR } from '../errors';
import { aliasIdsOf, survivorIdOf } from '../identity';
import { survivorResolver } from '../../../shared/contacts/survivor';
import { withoutMergedDuplicateBonuses } from '../../../shared/loyalty/merged-bonuses';
import Dexie, { RangeSet, type Transaction } from 'dexie';
import { contactIndexFields } from '../../../shared/contact-index';
import { derivedId, newId } from '../../../shared/ids';
import {
  adjustInputSchema,
  feedbackInputSchema,
  firstErrorKey,
  redeemInputSchema,
  refundInputSchema,
  saleInputSchema,
  type AdjustInput,
  type FeedbackInput,
  type RedeemInput,
  type RefundInput,
  type SaleInput,
} from '../../../shared/loyalty/inputs';
import {
  checkRedeem,
  computeLedger,
  expiringBetween,
  type ExpiringPoints,
  type HistoryRow,
} from '../../../shared/loyalty/ledger';
import {
  addRuleMonths,
  LOYALTY_RULES_KEY,
  loyaltyRuleSchema,
  parseRules,
  ruleAt,
  sortedVersions,
  withVersion,
  type LoyaltyRule,
  type LoyaltyRules,
} from '../../../shared/loyalty/rules';
import {
  earnEntryId,
  importCustomers,
  importEarnings,
  importedSaleAt,
  importReversals,
  importWelcome,
  welcomeEntryId,
  type ImportCustomer,
  type ImportEarning,
} from '../../../shared/loyalty/import-points';
import { customerKey, type ImportSale } from '../../../shared/loyalty/sales-import';
import { welcomeBonusFor } from '../../../shared/loyalty/welcome';
import { salePointsEntry, salePointsEntryId } from '../../../shared/loyalty/sale-points';
import {
  isReferralBonus,
  REFERRAL_REASON,
  referralBonusFor,
  referralEntryId,
} from '../../../shared/loyalty/referral';
import { planCheckout, recentItemsOf } from '../../../shared/sales/checkout';
import { countedPurchases } from '../../../shared/loyalty/purchases';
import {
  overRefunds,
  withCountedRefunds,
  type OverRefund,
} from '../../../shared/loyalty/over-refund';
import type { HlcStamp } from '../../../shared/hlc';
import {
  earnForSale,
  pointsToReverse,
  tierAt,
  type TierStatus,
} from '../../../shared/loyalty/tiers';
import type { Points } from '../../../shared/money';
import { SHOP_TIME_ZONE_KEY } from '../../../shared/shop-settings';
import { calendarDateIn, startOfDayIn } from '../../../shared/dates';
import { normalizePhone } from '../../../shared/phone';
import { applyPatch, createEvent, createMutable } from '../../../shared/records';
import type { Contact, Feedback, LedgerEntry, Sale, Setting } from '../../../shared/schemas';
import { foldText } from '../../../shared/text';
import { isErased, showsErasedName } from '../../../shared/privacy/erase';
import type { DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';
import { figuresReady } from '../derived/read';
import { KEEP_FIGURES } from '../derived/keys';
import { batchFigures, currentTransactionSource } from '../derived/middleware';
import { refreshFigures } from '../derived/refresh';
import { pointsAt } from '../../../shared/derived/customer-figures';

export type Failure = { ok: false; error: string };
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

// Every `at` is stored as UTC ISO (toISOString): the `at` indexes compare strings, and
// "10:00+07:00" would otherwise sort after "09:00Z".
const RULES_SETTING_ID = derivedId(0, `setting:${LOYALTY_RULES_KEY}`);
const DAY_MS = 86_400_000;
/** Newest sales read for the checkout's item suggestions. */
const RECENT_SALES_READ = 500;
/** Clocks of two devices differ a little: a refund a few minutes ahead is not in the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

const isLive = (c: ContactRow) => c.deletedAt === undefined && c.mergedInto === undefined;

/** A birthday bonus is given up to this long after the birthday (the app may be closed on it). */
/** Contacts read per page when looking for birthdays. */
const CANDIDATE_PAGE = 2000;

const BIRTHDAY_WINDOW_MS = 30 * DAY_MS;

/**
 * This year's and last year's birthday (midnight on the shop's clock, `timeZone`; the device's
 * when unset) that fell in the last 30 days, with its year. 29 Feb in a common year counts on
 * 28 Feb.
 */
function birthdaysInWindow(
  birthday: string,
  today: Date,
  timeZone: string | undefined,
): { year: number; ms: number }[] {
  const [, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const out: { year: number; ms: number }[] = [];
  const thisYear = Number(calendarDateIn(today.getTime(), timeZone).slice(0, 4));
  for (const year of [thisYear, thisYear - 1]) {
    const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const date = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
    const ms = startOfDayIn(date, timeZone);
    if (ms === null) continue;
    const age = today.getTime() - ms;
    if (age >= 0 && age <= BIRTHDAY_WINDOW_MS) out.push({ year, ms });
  }
  return out;
}

/** Newest first; equal times by id, newest first too (as an index read backwards gives them). */
/** Above this many contacts matching a sales search, the time index is walked instead. */
const SEARCH_BY_CONTACT_MAX = 500;

const newestFirst = (a: Sale, b: Sale) =>
  a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

export function createLoyaltyRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const rangeOf = (contactId: string) =>
    [
      [contactId, Dexie.minKey],
      [contactId, Dexie.maxKey],
    ] as const;

  const aliasIds = (id: string) => aliasIdsOf(db, id);

  const resolveId = (id: string) => survivorIdOf(db, id);

  /** A customer's balance now: from the kept figures when they are complete, else replayed. */
  async function balanceAt(contactId: string, rules: LoyaltyRules, at: Date): Promise<number> {
    if (await figuresReady(db)) {
      const row = await db.customerFigures.get(await resolveId(contactId));
      const state = row ? pointsAt(row, at.getTime()) : null;
      if (state) return state.balance;
    }
    return computeLedger(await ledgerOf(contactId), rules, at.getTime()).balance;
  }

  async function salesOf(contactId: string): Promise<Sale[]> {
    const ids = await aliasIds(contactId);
    const lists = await Promise.all(
      ids.map((id) =>
        db.sales
          .where('[contactId+at]')
          .between(...rangeOf(id))
          .toArray(),
      ),
    );
    return lists.flat().filter((s) => s.deletedAt === undefined);
  }

  /**
   * The sales a tier at `atMs` can depend on: those after `atMs` minus twice the longest tier
   * window of any rule version (grace looks one window back from each purchase in the window),
   * read by index, so a customer with 5,000 sales reads only their recent ones.
   */
  async function tierSalesOf(contactId: string, rules: LoyaltyRules, atMs: number) {
    const longest = Math.max(...rules.versions.map((v) => v.tierWindowMonths));
    const from = new Date(addRuleMonths(rules, atMs, -2 * longest) - DAY_MS).toISOString();
    const ids = await aliasIds(contactId);
    const lists = await Promise.all(
      ids.map((id) =>
        db.sales.where('[contactId+at]').between([id, from], [id, Dexie.maxKey]).toArray(),
      ),
    );
    const sales = lists.flat().filter((s) => s.deletedAt === undefined);
    // A refund here of an older purchase counts only up to that purchase, after the purchase's
    // earlier refunds (shared/loyalty/over-refund.ts): bring the purchase and all its refunds.
    const have = new Set(sales.map((s) => s.id));
    const older = [
      ...new Set(
        sales.flatMap((s) =>
          s.kind === 'refund' && s.reversesId !== undefined && !have.has(s.reversesId)
            ? [s.reversesId]
            : [],
        ),
      ),
    ];
    if (older.length > 0) {
      const [purchases, refunds] = await Promise.all([
        db.sales.bulkGet(older),
        db.sales.where('reversesId').anyOf(older).toArray(),
      ]);
      for (const s of [...purchases, ...refunds])
        if (s && s.deletedAt === undefined && !have.has(s.id)) {
          have.add(s.id);
          sales.push(s);
        }
    }
    // The same sales the full replay counts (contactLoyalty without kept figures).
    return withCountedRefunds(sales);
  }

  async function ledgerOf(contactId: string): Promise<LedgerEntry[]> {
    const ids = await aliasIds(contactId);
    const lists = await Promise.all(
      ids.map((id) =>
        db.ledger
          .where('[contactId+at]')
          .between(...rangeOf(id))
          .toArray(),
      ),
    );
    const entries = lists.flat().filter((e) => e.deletedAt === undefined);
    // Referral bonuses count once per referred person, whose duplicates may have merged.
    const referred = new Set<string>();
    for (const e of entries) if (isReferralBonus(e) && e.referredId) referred.add(e.referredId);
    const resolved = new Map<string, string>();
    for (const id of referred) resolved.set(id, await resolveId(id));
    // Merged duplicates may each hold a welcome/birthday bonus: one person counts one.
    return withoutMergedDuplicateBonuses(entries, (id) => resolved.get(id) ?? id);
  }

  /** The rules, read in the shop's time zone (its months, days and birthdays). */
  async function getRules(): Promise<LoyaltyRules> {
    const [row, zone] = await Promise.all([
      db.settings.where('key').equals(LOYALTY_RULES_KEY).first(),
      db.settings.where('key').equals(SHOP_TIME_ZONE_KEY).first(),
    ]);
    return parseRules(
      row && !row.deletedAt ? row.value : undefined,
      zone && !zone.deletedAt ? zone.value : undefined,
    );
  }
  /**
   * Ids of live contacts whose birthday passes `test`, read in pages of their own short read
   * transactions so a book of 100,000 never holds the contacts table (or the window) for long.
   */
  async function birthdayCandidates(test: (birthday: string) => boolean): Promise<string[]> {
    const ids: string[] = [];
    let last: string | undefined;
    for (;;) {
      const page: ContactRow[] = await (
        last === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(last)
      )
        .limit(CANDIDATE_PAGE)
        .toArray();
      for (const c of page) if (c.birthday && isLive(c) && test(c.birthday)) ids.push(c.id);
      if (page.length < CANDIDATE_PAGE) return ids;
      last = page[page.length - 1]!.id;
    }
  }

  async function liveContact(id: string): Promise<ContactRow | undefined> {
    const resolved = await resolveId(id);
    const row = await db.contacts.get(resolved);
    return row && !row.deletedAt ? row : undefined;
  }

  const stampCtx = async (at: Date, id = newId(at.getTime())) => ({
    id,
    createdAt: at.toISOString(),
    stamp: await clock.stamp(),
  });

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
    getRules,

    /** Add a rule version (validated); versions with another effective date are kept. */
    async saveRuleVersion(version: LoyaltyRule): Promise<{ ok: true } | Failure> {
      const parsed = loyaltyRuleSchema.safeParse(version);
      if (!parsed.success) return { ok: false, error: 'sales.errors.rulesInvalid' };
      return db.transaction('rw', db.settings, db.meta, async () => {
        const at = now();
        const row = await db.settings.where('key').equals(LOYALTY_RULES_KEY).first();
        const current = row && !row.deletedAt ? parseRules(row.value) : parseRules(undefined);
        const value = withVersion(current, parsed.data);
        const stamp = await clock.stamp();
        if (row) {
          const { record } = applyPatch(row, { value }, stamp);
          await db.settings.put(record);
        } else {
          const record: Setting = createMutable(
            { key: LOYALTY_RULES_KEY, value },
            { id: RULES_SETTING_ID, createdAt: at.toISOString(), stamp },
          );
          await db.settings.add(record);
        }
        return { ok: true as const };
      });
    },

    /**
     * Record a purchase and the points it earns (one transaction): the earn entry's id is
     * derived from the sale, and a first purchase brings the welcome bonus.
     */
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
          batchFigures(db.core, async () => {
            const contact = await liveContact(v.contactId);
            if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
            if (isErased(contact)) return { ok: false as const, error: ERASED_CONTACT_ERROR };
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
              available = computeLedger(await ledgerOf(contact.id), rules, at.getTime()).available;
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
              { ...ctx, id: derivedId(Date.parse(v.at), `reversal:${refund.id}`) },
            ),
          );
        }
        return { ok: true as const, refund, reversed };
      });
    },

    /** Redeem points now. Refused above what this device knows is available. */
    async redeem(
      input: RedeemInput,
    ): Promise<{ ok: true; entry: LedgerEntry } | (Failure & { available?: number })> {
      const parsed = redeemInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction('rw', [db.ledger, db.settings, db.contacts, db.meta], async () => {
        const contact = await liveContact(v.contactId);
        if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
        if (isErased(contact)) return { ok: false as const, error: ERASED_CONTACT_ERROR };
        const at = now();
        const state = computeLedger(await ledgerOf(contact.id), await getRules(), at.getTime());
        const check = checkRedeem(state, v.points);
        if (!check.ok) {
          return {
            ok: false as const,
            error: 'sales.errors.insufficientPoints',
            available: check.available,
          };
        }
        const entry: LedgerEntry = createEvent(
          {
            contactId: contact.id,
            kind: 'redeem' as const,
            at: at.toISOString(),
            points: -v.points,
            reason: v.reason || undefined,
          },
          await stampCtx(at),
        );
        await db.ledger.add(entry);
        return { ok: true as const, entry };
      });
    },

    /** A manual correction with its reason. A downward one may not go below zero either. */
    async adjust(input: AdjustInput): Promise<{ ok: true; entry: LedgerEntry } | Failure> {
      const parsed = adjustInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction('rw', [db.ledger, db.settings, db.contacts, db.meta], async () => {
        const contact = await liveContact(v.contactId);
        if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
        if (isErased(contact)) return { ok: false as const, error: ERASED_CONTACT_ERROR };
        const at = now();
        if (v.points < 0) {
          const state = computeLedger(await ledgerOf(contact.id), await getRules(), at.getTime());
          if (!checkRedeem(state, -v.points).ok) {
            return { ok: false as const, error: 'sales.errors.insufficientPoints' };
          }
        }
        const entry: LedgerEntry = createEvent(
          {
            contactId: contact.id,
            kind: 'adjust' as const,
            at: at.toISOString(),
            points: v.points,
            reason: v.reason,
          },
          await stampCtx(at),
        );
        await db.ledger.add(entry);
        return { ok: true as const, entry };
      });
    },

    /**
     * Birthday bonuses due today: for members (a contact with a purchase) whose birthday was in
     * the last 30 days and who have not had this year's bonus. The id is derived from contact
     * and year, so any number of devices and runs give one bonus per year. Returns how many
     * were given.
     */
    async grantBirthdayBonuses(contactId?: string): Promise<number> {
      const today = now();
      const rules = await db.transaction('r', db.settings, () => getRules());
      // No rule in force over the last month gives a birthday bonus (the default): nothing to
      // read. Otherwise only contacts whose birthday fell in that month are candidates.
      const windowStart = today.getTime() - BIRTHDAY_WINDOW_MS;
      const bonusPossible = sortedVersions(rules).some(
        (v, i, all) =>
          v.enabled &&
          v.birthdayBonus > 0 &&
          Date.parse(v.effectiveFrom) <= today.getTime() &&
          (all[i + 1] === undefined || Date.parse(all[i + 1]!.effectiveFrom) > windowStart),
      );
      if (!bonusPossible && !contactId) return 0;
      const candidateIds = contactId
        ? [contactId]
        : await birthdayCandidates((b) => birthdaysInWindow(b, today, rules.timeZone).length > 0);
      if (candidateIds.length === 0) return 0;
      return db.transaction(
        'rw',
        [db.ledger, db.settings, db.contacts, db.sales, db.meta],
        async () => {
          const rows = await db.contacts.bulkGet(candidateIds);
          let given = 0;
          for (const c of rows) {
            if (!c || !isLive(c) || !c.birthday) continue;
            for (const day of birthdaysInWindow(c.birthday, today, rules.timeZone)) {
              const rule = ruleAt(rules, day.ms);
              if (!rule.enabled || rule.birthdayBonus <= 0) continue;
              const hasPurchase = (await salesOf(c.id)).some((s) => s.kind === 'purchase');
              if (!hasPurchase) continue;
              const year = day.year;
              const [, m, d] = c.birthday.split('-').map(Number) as [number, number, number];
              const id = derivedId(Date.UTC(year, m - 1, d), `birthday:${c.id}:${year}`);
              if (await db.ledger.get(id)) continue;
              await db.ledger.add(
                createEvent(
                  {
                    contactId: c.id,
                    kind: 'bonus' as const,
                    at: new Date(day.ms).toISOString(),
                    points: rule.birthdayBonus,
                    reason: 'birthday',
                    ruleId: rule.id,
                  },
                  await stampCtx(today, id),
                ),
              );
              given++;
            }
          }
          return given;
        },
      );
    },

    /** The points a purchase would earn now (for the form's hint); nothing is written. */
    async previewEarn(contactId: string, amount: number, at: string): Promise<number> {
      if (!Number.isSafeInteger(amount) || amount <= 0 || Number.isNaN(Date.parse(at))) return 0;
      const rules = await getRules();
      const sales = await tierSalesOf(await resolveId(contactId), rules, Date.parse(at));
      const probe = { id: '~preview', kind: 'purchase' as const, at, amount };
      return earnForSale(probe, sales, rules).points;
    },

    /**
     * Item names of recent sales' lines for the checkout's suggestions, with their last unit
     * price. Reads only the newest sales (by the time index), never the whole table.
     */
    async recentItems(limit = 50): Promise<{ item: string; unitPrice: number }[]> {
      const newest = await db.sales.orderBy('at').reverse().limit(RECENT_SALES_READ).toArray();
      return recentItemsOf(
        newest.filter((s) => s.deletedAt === undefined && s.kind === 'purchase'),
        limit,
      );
    },

    /**
     * Sales, newest first, filtered; at most `limit` rows. A query finds its matches first, by
     * index: the contacts whose name words start with its words (nameTokens), then their sales
     * by [contactId+at] (the newest `limit` of each), and the invoice numbers starting with it
     * (invoiceNo, case ignored; the folded comparison then decides). Only when the matches are
     * too many for that to pay (a one-letter query) is the time index walked, which then
     * stops after `limit` matches because they are dense.
     */
    async listSales(filter: SalesFilter = {}, limit = 200): Promise<SaleRow[]> {
      const from = filter.fromMs !== undefined ? new Date(filter.fromMs).toISOString() : '';
      const to = filter.toMs !== undefined ? new Date(filter.toMs).toISOString() : '\uffff';
      const q = foldText(filter.query ?? '');
      const kept = (s: Sale) =>
        s.deletedAt === undefined &&
        (filter.kind === undefined || s.kind === filter.kind) &&
        (filter.paymentMethod === undefined || s.paymentMethod === filter.paymentMethod);
      const byTime = (match: (s: Sale) => boolean) =>
        db.sales
          .where('at')
          .between(from, to, true, true)
          .reverse()
          .filter((s) => kept(s) && match(s))
          .limit(limit)
          .toArray();
      if (q === '') return withNames(await byTime(() => true));

      const words = q.split(' ');
      const nameIds = new Set(
        await db.contacts
          .where('nameTokens')
          .startsWith(words[0]!)
          .filter((c) => words.every((w) => c.nameTokens.some((t) => t.startsWith(w))))
          .primaryKeys(),
      );
      const invoiceMatch = (s: Sale) =>
        s.invoiceNo !== undefined && foldText(s.invoiceNo).startsWith(q);
      const matches = (s: Sale) => nameIds.has(s.contactId) || invoiceMatch(s);
      const invoices = db.sales.where('invoiceNo').startsWithIgnoreCase(q);
      if (nameIds.size > SEARCH_BY_CONTACT_MAX || (await invoices.count()) > limit * 5) {
        return withNames(await byTime(matches));
      }
      const inTime = (s: Sale) => s.at >= from && s.at <= to;
      const lists = await Promise.all([
        ...[...nameIds].map((id) =>
          db.sales
            .where('[contactId+at]')
            .between([id, from], [id, to], true, true)
            .reverse()
            .filter(kept)
            .limit(limit)
            .toArray(),
        ),
        invoices.filter((s) => kept(s) && inTime(s) && invoiceMatch(s)).toArray(),
      ]);
      const unique = new Map<string, Sale>();
      for (const list of lists) for (const sale of list) unique.set(sale.id, sale);
      return withNames([...unique.values()].sort(newestFirst).slice(0, limit));
    },

    /**
     * One contact's sales (and those of duplicates merged into it), newest first; with `limit`,
     * only the newest `limit`, read from the end of each id's index range (the panel pages).
     */
    async contactSales(contactId: string, limit?: number): Promise<SaleRow[]> {
      if (limit === undefined) {
        return withNames((await salesOf(contactId)).sort(newestFirst));
      }
      const ids = await aliasIds(contactId);
      const lists = await Promise.all(
        ids.map((id) =>
          db.sales
            .where('[contactId+at]')
            .between(...rangeOf(id))
            .reverse()
            .filter((s) => s.deletedAt === undefined)
            .limit(limit)
            .toArray(),
        ),
      );
      const list = lists.flat().sort(newestFirst).slice(0, limit);
      return withNames(list);
    },

    /**
     * Balance, tier, expiring points and history of one contact, derived now. With
     * `history: false` (the panel's summary, the sale form, message placeholders) the numbers
     * come from the kept figures and the tier from the sales of its window, so opening a
     * customer with 5,000 sales reads one row and their recent sales.
     */
    async contactLoyalty(
      contactId: string,
      days = 30,
      options: { history?: boolean } = {},
    ): Promise<ContactLoyalty> {
      const nowMs = now().getTime();
      if (options.history === false && (await figuresReady(db))) {
        const id = await resolveId(contactId);
        const [row, rules] = await Promise.all([db.customerFigures.get(id), getRules()]);
        const state = row ? pointsAt(row, nowMs, nowMs + days * DAY_MS) : null;
        if (row && state) {
          return {
            balance: state.balance as Points,
            available: state.available as Points,
            overdraft: state.overdraft as Points,
            tier: tierAt(await tierSalesOf(id, rules, nowMs), rules, nowMs),
            rule: ruleAt(rules, nowMs),
            expiringSoon: state.expiring.map((e) => ({
              expiresAtMs: e.expiresAtMs,
              points: e.points as Points,
            })),
            history: [],
            lifetimeSpend: row.netSpend,
            purchases: row.counted,
            overRefunds: row.overRefunds,
          };
        }
      }
      const [entries, sales, rules] = await Promise.all([
        ledgerOf(contactId),
        salesOf(contactId),
        getRules(),
      ]);
      const state = computeLedger(entries, rules, nowMs);
      const purchases = sales.filter((s) => s.kind === 'purchase');
      // An over-refund counts up to its sale, never against the customer's other purchases.
      const counted = withCountedRefunds(sales);
      return {
        balance: state.balance,
        available: state.available,
        overdraft: state.overdraft,
        tier: tierAt(counted, rules, nowMs),
        rule: ruleAt(rules, nowMs),
        expiringSoon: expiringBetween(state, nowMs, nowMs + days * DAY_MS),
        history: [...state.history].reverse(),
        lifetimeSpend:
          purchases.reduce((n, s) => n + s.amount, 0) -
          counted.filter((s) => s.kind === 'refund').reduce((n, s) => n + s.amount, 0),
        // A purchase refunded in full is not one (shared/loyalty/purchases.ts).
        purchases: countedPurchases(sales),
        overRefunds: overRefunds(sales),
      };
    },

    /**
     * The newest `limit` lines of a contact's points history (one linear replay of the ledger
     * alone) and how many there are: the panel pages it ("show more").
     */
    async ledgerHistory(
      contactId: string,
      limit: number,
    ): Promise<{ rows: HistoryRow[]; total: number }> {
      const [entries, rules] = await Promise.all([ledgerOf(contactId), getRules()]);
      const { history } = computeLedger(entries, rules, now().getTime());
      const rows: HistoryRow[] = [];
      for (let i = history.length - 1; i >= 0 && rows.length < limit; i--) rows.push(history[i]!);
      return { rows, total: history.length };
    },

    /**
     * Contacts with points expiring in the next `days` days, soonest first (for the Today
     * screen's "points about to expire").
     */
    async expiringSoon(
      days = 30,
    ): Promise<{ contactId: string; name: string; points: Points; expiresAtMs: number }[]> {
      const rules = await getRules();
      const nowMs = now().getTime();
      if (await figuresReady(db)) {
        // The kept figures index every unexpired lot's expiry: one index range.
        const untilMs = nowMs + days * DAY_MS;
        const rows = await db.customerFigures
          .where('expiryKeys')
          .between(nowMs, untilMs, false, true)
          .distinct()
          .toArray();
        const live = rows.filter((r) => r.live === 1);
        const contacts = await db.contacts.bulkGet(live.map((r) => r.id));
        const out: { contactId: string; name: string; points: Points; expiresAtMs: number }[] = [];
        for (let i = 0; i < live.length; i++) {
          const row = live[i]!;
          const contact = contacts[i];
          if (!contact || !isLive(contact) || isErased(contact)) continue;
          const state = pointsAt(row, nowMs, untilMs);
          const soon = state
            ? state.expiring
            : expiringBetween(computeLedger(await ledgerOf(row.id), rules, nowMs), nowMs, untilMs);
          const first = soon[0];
          if (!first) continue;
          out.push({
            contactId: row.id,
            name: contact.name,
            points: soon.reduce((n, x) => n + x.points, 0) as Points,
            expiresAtMs: first.expiresAtMs,
          });
        }
        return out.sort((a, b) => a.expiresAtMs - b.expiresAtMs);
      }
      // Only points earned about `expiryMonths` ago can expire soon: find those contacts by the
      // ledger's time index (a few days of slack for month-end clamping), then replay each
      // contact's whole ledger.
      const candidates = new Set<string>();
      const months = new Set(rules.versions.map((v) => v.expiryMonths).filter((m) => m > 0));
      for (const m of months) {
        const from = new Date(addRuleMonths(rules, nowMs, -m) - 4 * DAY_MS).toISOString();
        const to = new Date(
          addRuleMonths(rules, nowMs + days * DAY_MS, -m) + 4 * DAY_MS,
        ).toISOString();
        await db.ledger
          .where('at')
          .between(from, to, true, true)
          .each((e) => {
            if (e.points > 0) candidates.add(e.contactId);
          });
      }
      // Duplicates merged into a survivor count for the survivor (ledgerOf follows aliases).
      const survivors = new Set<string>();
      for (const id of candidates) survivors.add(await resolveId(id));
      const out: { contactId: string; name: string; points: Points; expiresAtMs: number }[] = [];
      for (const id of survivors) {
        const contact = await db.contacts.get(id);
        // An erased customer cannot be reminded: nothing to reach them by.
        if (!contact || !isLive(contact) || isErased(contact)) continue;
        const list = await ledgerOf(id);
        const soon = expiringBetween(
          computeLedger(list, rules, nowMs),
          nowMs,
          nowMs + days * DAY_MS,
        );
        const first = soon[0];
        if (!first) continue;
        const total = soon.reduce((n, s) => n + s.points, 0) as Points;
        out.push({
          contactId: id,
          name: contact.name,
          points: total,
          expiresAtMs: first.expiresAtMs,
        });
      }
      return out.sort((a, b) => a.expiresAtMs - b.expiresAtMs);
    },

    async addFeedback(input: FeedbackInput): Promise<{ ok: true; feedback: Feedback } | Failure> {
      const parsed = feedbackInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction('rw', [db.feedback, db.contacts, db.meta], async () => {
        const contact = await liveContact(v.contactId);
        if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
        if (isErased(contact)) return { ok: false as const, error: ERASED_CONTACT_ERROR };
        const at = now();
        const feedback: Feedback = createEvent(
          {
            contactId: contact.id,
            type: v.type,
            score: v.score,
            at: at.toISOString(),
            comment: v.comment || undefined,
            saleId: v.saleId,
            noteId: v.noteId,
          },
          await stampCtx(at),
        );
        await db.feedback.add(feedback);
        return { ok: true as const, feedback };
      });
    },

    /** One contact's feedback answers, newest first. */
    async contactFeedback(contactId: string): Promise<Feedback[]> {
      const ids = await aliasIds(contactId);
      const lists = await Promise.all(
        ids.map((id) =>
          db.feedback
            .where('[contactId+at]')
            .between(...rangeOf(id))
            .toArray(),
        ),
      );
      return lists
        .flat()
        .filter((f) => !f.deletedAt)
        .sort((a, b) => (a.at < b.at ? 1 : -1));
    },

    /**
     * Import sales in one read-write transaction: all or nothing (a failed write, a thrown
     * error or a cancel aborts it and IndexedDB rolls every row back). Customers are matched
     * by phone (then by exact name); missing ones are created with ids derived from the file
     * (shared/loyalty/import-points.ts), so two devices importing the same file create the same
     * contact. A sale whose id exists is skipped, so importing the same file again adds nothing.
     * Points (and the welcome bonus of a created customer) are derived from the file and the
     * rules alone, so every device writes the same entries.
     *
     * Speed (1M rows): existing ids are read as keys of one id range, customers are matched
     * against one scan of the contacts (or per key for a small file), and rows are written
     * straight to the transaction's object stores in chunks, with only each chunk's last
     * request awaited. Dexie's change tracking is bypassed for these rows (it would record a
     * million keys and post them to every window); live queries are told once, after the
     * commit, that the touched tables changed (`announceChange`). `isCancelled` is polled
     * between chunks.
     */
    async importSales(
      sales: readonly ImportSale[],
      options: ImportOptions,
      onProgress: (done: number, total: number) => void = () => {},
      isCancelled: () => boolean = () => false,
    ): Promise<ImportResult> {
      const tables = [db.sales, db.ledger, db.settings, db.contacts, db.meta];
      const total = sales.length;
      const check = () => {
        if (isCancelled()) throw new ImportCancelledError();
      };
      onProgress(0, total);
      // The CPU-heavy part (grouping, points of every sale in the file) runs before the
      // transaction: IndexedDB commits a transaction that has no request pending when control
      // returns to the event loop, so long computing between two requests must not happen in it.
      const customers = importCustomers(sales);
      const earn = (rules: LoyaltyRules) => {
        const out = new Map<string, ImportEarning>();
        const reversals = new Map<string, { points: number; purchase: ImportSale }>();
        for (const c of customers.values()) {
          const mine = importEarnings(c, rules);
          for (const [id, e] of mine) out.set(id, e);
          if (c.sales.some((s) => s.kind === 'refund'))
            for (const [id, r] of importReversals(c, mine)) reversals.set(id, r);
        }
        return Object.assign(out, { reversals });
      };
      // Written in id order (ids start with the sale's time): IndexedDB's LevelDB takes keys
      // that arrive in order far faster than scattered ones, which slowed a 1M-row import of a
      // file sorted by customer more and more as the tables grew.
      const inIdOrder = [...sales].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const rulesBefore = options.awardPoints ? await getRules() : null;
      const earningsBefore = rulesBefore ? earn(rulesBefore) : null;
      check();
      const result = await db.transaction('rw', tables, async (tx) => {
        const at = now();
        const createdAt = at.toISOString();
        const stamp = await clock.stamp();
        const rules = options.awardPoints ? await getRules() : null;
        // Rules changed in between (another window): the points follow the rules now.
        const earnings =
          rules && JSON.stringify(rules) !== JSON.stringify(rulesBefore)
            ? earn(rules)
            : earningsBefore;

        // 1. Which sales are new (a re-import finds them all).
        const existing = await existingIds(
          db.sales,
          sales.map((s) => s.id),
        );
        const fresh = inIdOrder.filter((s) => !existing.has(s.id));
        check();

        // 2. Customers of the new sales: match or create, once per customer key.
        const freshKeys = new Set(fresh.map(customerKey));
        const matcher = await contactMatcher([...freshKeys].map((k) => customers.get(k)!.first));
        const contactByKey = new Map<string, string>();
        const newContacts: ContactRow[] = [];
        const welcomes: LedgerEntry[] = [];
        const unmatched: ImportCustomer[] = [];
        for (const key of freshKeys) {
          const customer = customers.get(key)!;
          // Await only real requests: a long run of awaits with no request pending lets the
          // transaction commit under Chromium (seen at 200,000 rows), so the scan matcher is
          // synchronous.
          const answer = matcher.match(customer.first);
          const found = typeof answer === 'object' ? await answer : answer;
          if (found) contactByKey.set(key, found);
          else unmatched.push(customer);
        }
        const derivedRows = await db.contacts.bulkGet(unmatched.map((c) => c.contactId));
        for (const [i, customer] of unmatched.entries()) {
          const id = customer.contactId;
          if (derivedRows[i]) {
            // Created by an earlier import of this customer (here or on another device).
            contactByKey.set(customer.key, await resolveId(id));
            continue;
          }
          newContacts.push(importedContact(customer.first, id, createdAt, stamp));
          contactByKey.set(customer.key, id);
          // Only a customer new to the book can be welcomed: one an earlier import (or another
          // device) created has already had their first purchase, with its bonus or without.
          const welcome = rules && importWelcome(customer, rules);
          if (welcome) {
            welcomes.push({
              id: welcomeEntryId(id),
              createdAt,
              updatedAt: stamp,
              contactId: id,
              kind: 'bonus',
              at: welcome.at,
              points: welcome.points,
              reason: 'welcome',
              ruleId: welcome.rule.id,
            });
          }
        }
        check();

        // 4. Write: contacts, then sales with their earn entries chunk by chunk, then bonuses.
        const stores = rawStores(tx);
        await writeRows(stores.contacts, newContacts, check);
        let done = total - fresh.length;
        let pointsAwarded = 0;
        onProgress(done, total);
        for (let i = 0; i < fresh.length; i += IMPORT_CHUNK) {
          check();
          const chunk = fresh.slice(i, i + IMPORT_CHUNK);
          const saleRows: Sale[] = [];
          const earnRows: LedgerEntry[] = [];
          for (const s of chunk) {
            const sale = importedSale(s, contactByKey.get(customerKey(s))!, createdAt, stamp);
            saleRows.push(sale);
            const reversal = earnings?.reversals.get(s.id);
            if (reversal) {
              earnRows.push({
                id: derivedId(Date.parse(sale.at), `reversal:${sale.id}`),
                createdAt,
                updatedAt: stamp,
                contactId: sale.contactId,
                kind: 'reversal',
                at: sale.at,
                points: -reversal.points,
                saleId: sale.id,
                reversesId: earnEntryId({
                  id: reversal.purchase.id,
                  at: importedSaleAt(reversal.purchase),
                }),
              });
              pointsAwarded -= reversal.points;
            }
            const e = earnings?.get(s.id);
            if (!e || e.points <= 0) continue;
            pointsAwarded += e.points;
            earnRows.push({
              id: earnEntryId(sale),
              createdAt,
              updatedAt: stamp,
              contactId: sale.contactId,
              kind: 'earn',
              at: sale.at,
              points: e.points,
              saleId: sale.id,
              ruleId: e.ruleId,
            });
          }
          // Both stores in flight at once; `put` for the earn entry: its id is derived from a
          // sale that did not exist, so an older copy can only be this same entry.
          await Promise.all([
            writeRows(stores.sales, saleRows, check, 'add'),
            writeRows(stores.ledger, earnRows, check, 'put'),
          ]);
          done += chunk.length;
          onProgress(done, total);
        }
        await writeRows(stores.ledger, welcomes, check);
        pointsAwarded += welcomes.reduce((n, w) => n + w.points, 0);
        check();
        // The raw writes skip Dexie's middleware, which keeps the customer figures on every
        // other write: bring the touched customers' figures up to date in this transaction.
        if (KEEP_FIGURES) {
          const touched = new Set(newContacts.map((c) => c.id));
          for (const s of fresh) touched.add(contactByKey.get(customerKey(s))!);
          await refreshFigures(currentTransactionSource(db.core), touched);
        }
        return {
          added: fresh.length,
          skipped: total - fresh.length,
          contactsCreated: newContacts.length,
          pointsAwarded,
        };
      });
      announceChange(['sales', 'ledger', 'contacts']);
      return result;
    },
  };

  /** The ids among `ids` that `table` holds: one key range read, or gets for a few ids. */
  async function existingIds(
    table: KenalDb['sales'] | KenalDb['ledger'],
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (ids.length <= 2_000) {
      const rows = await (table as KenalDb['sales']).bulkGet([...ids]);
      return new Set(ids.filter((_, i) => rows[i] !== undefined));
    }
    let min = ids[0]!;
    let max = ids[0]!;
    for (const id of ids) {
      if (id < min) min = id;
      if (id > max) max = id;
    }
    // Ids are time-prefixed ULIDs: the keys in the file's range are the only candidates.
    const keys = await (table as KenalDb['sales'])
      .where(':id')
      .between(min, max, true, true)
      .primaryKeys();
    const wanted = new Set(ids);
    return new Set(keys.filter((k) => wanted.has(k)));
  }

  /**
   * Finds the contact a customer of the file is: by phone (a live contact with that E.164),
   * else by exact folded name, the lowest id first, then resolved through merges. For many
   * customers one scan of the contacts beats an index query per customer.
   */
  async function contactMatcher(customers: readonly ImportSale[]) {
    if (customers.length <= 1_000) {
      return {
        async match(s: ImportSale): Promise<string | undefined> {
          // A POS customer number without a phone is only its own derived contact: two
          // customers both called "Budi" must not become one.
          if (s.customerId && !s.phoneE164) return undefined;
          // One index query per customer: few customers.
          let found: ContactRow | undefined;
          if (s.phoneE164) {
            const n = normalizePhone(s.phoneE164);
            if (!n.ok) return undefined;
            const rows = await db.contacts.where('phoneKeys').equals(n.value.national).toArray();
            found = rows.find(
              (c) => c.deletedAt === undefined && c.phones.some((p) => p.e164 === s.phoneE164),
            );
          } else {
            const rows = await db.contacts
              .where('sortKey')
              .equals(foldText(s.name ?? ''))
              .toArray();
            found = rows.find((c) => c.deletedAt === undefined);
          }
          return found ? resolveId(found.id) : undefined;
        },
      };
    }
    const byPhone = new Map<string, string>();
    const byName = new Map<string, string>();
    const mergedInto = new Map<string, string>();
    // Primary key order: the first contact seen for a phone or a name has the lowest id.
    await db.contacts.each((c) => {
      if (c.mergedInto !== undefined) mergedInto.set(c.id, c.mergedInto);
      if (c.deletedAt !== undefined) return;
      for (const p of c.phones) if (!byPhone.has(p.e164)) byPhone.set(p.e164, c.id);
      if (!byName.has(c.sortKey)) byName.set(c.sortKey, c.id);
    });
    const resolve = survivorResolver(mergedInto);
    return {
      match(s: ImportSale): string | undefined | Promise<string | undefined> {
        if (s.customerId && !s.phoneE164) return undefined;
        const id = s.phoneE164 ? byPhone.get(s.phoneE164) : byName.get(foldText(s.name ?? ''));
        return id === undefined ? undefined : resolve(id);
      },
    };
  }

  /** Tell live queries (in every window) once that these tables changed. */
  function announceChange(tableNames: readonly ('sales' | 'ledger' | 'contacts')[]): void {
    const parts: Record<string, RangeSet> = {};
    for (const name of tableNames) {
      const table = db.table(name);
      const indexNames = ['', ':dels', ...table.schema.indexes.map((i) => i.name)];
      for (const index of indexNames) {
        parts[`idb://${db.name}/${name}/${index}`] = new RangeSet(Dexie.minKey, Dexie.maxKey);
      }
    }
    Dexie.on('storagemutated').fire(parts);
  }

  async function withNames<S extends Sale>(list: S[]): Promise<(S & SaleRow)[]> {
    const contactIds = [...new Set(list.map((s) => s.contactId))];
    const contacts = await db.contacts.bulkGet(contactIds);
    const names = new Map(contactIds.map((id, i) => [id, contacts[i]?.name ?? '?']));
    const erased = new Set(contacts.flatMap((c) => (c && showsErasedName(c) ? [c.id] : [])));
    const purchaseIds = list.filter((s) => s.kind === 'purchase').map((s) => s.id);
    const refunded = new Map<string, number>();
    if (purchaseIds.length > 0) {
      const refunds = await db.sales.where('reversesId').anyOf(purchaseIds).toArray();
      for (const r of refunds) {
        if (r.deletedAt || r.kind !== 'refund') continue;
        refunded.set(r.reversesId!, (refunded.get(r.reversesId!) ?? 0) + r.amount);
      }
    }
    return list.map((s) => ({
      ...s,
      contactName: names.get(s.contactId) ?? '?',
      contactErased: erased.has(s.contactId),
      refunded: refunded.get(s.id) ?? 0,
    }));
  }
}

export type LoyaltyRepository = ReturnType<typeof createLoyaltyRepository>;

/** Rows per awaited write while importing (each chunk's requests are queued at once). */
const IMPORT_CHUNK = 10_000;

/** The transaction's own object stores, for writes that skip Dexie's per-row bookkeeping. */
function rawStores(tx: Transaction) {
  const store = (name: string) => tx.idbtrans.objectStore(name);
  return { sales: store('sales'), ledger: store('ledger'), contacts: store('contacts') };
}

/**
 * Queue `rows` on an object store of the running transaction, awaiting each chunk's last
 * request. A failing request aborts the whole transaction (nothing is written); the returned
 * promise then rejects. Dexie.Promise keeps the transaction's zone across the awaits.
 */
async function writeRows<T>(
  store: IDBObjectStore,
  rows: readonly T[],
  check: () => void,
  mode: 'add' | 'put' = 'add',
): Promise<void> {
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    check();
    const end = Math.min(rows.length, i + IMPORT_CHUNK);
    await new Dexie.Promise<void>((resolve, reject) => {
      let last: IDBRequest | undefined;
      for (let j = i; j < end; j++) last = mode === 'add' ? store.add(rows[j]) : store.put(rows[j]);
      last!.onsuccess = () => resolve();
      last!.onerror = () => reject(last!.error ?? new Error('write failed'));
    });
  }
}

/** A contact for a customer the file brings, with its search keys. */
function importedContact(s: ImportSale, id: string, createdAt: string, stamp: HlcStamp) {
  const fields: Contact = createMutable(
    {
      // A POS customer number is the name until the shop gives one ("#17850").
      name: s.name ?? s.phoneRaw ?? s.phoneE164 ?? (s.customerId ? `#${s.customerId}` : '?'),
      phones: s.phoneE164
        ? [{ label: 'mobile' as const, raw: s.phoneRaw ?? s.phoneE164, e164: s.phoneE164 }]
        : [],
      tags: [],
      note: '',
    },
    { id, createdAt, stamp },
  );
  return { ...fields, ...contactIndexFields(fields) } satisfies ContactRow;
}

function importedSale(s: ImportSale, contactId: string, createdAt: string, stamp: HlcStamp): Sale {
  return {
    id: s.id,
    createdAt,
    updatedAt: stamp,
    contactId,
    kind: s.kind ?? 'purchase',
    at: importedSaleAt(s),
    amount: s.amount,
    invoiceNo: s.invoiceNo,
    ...(s.reversesId ? { reversesId: s.reversesId } : {}),
    ...(s.lines && s.lines.length > 0 ? { lines: s.lines } : {}),
    ...(s.items ? { items: s.items.slice(0, 10_000) } : {}),
    ...(s.paymentMethod ? { paymentMethod: s.paymentMethod } : {}),
  };
}
