/**
 * Points: redeem, adjust, a contact's balance and history, points about to expire.
 */
import { pointsAt } from '../../../../shared/derived/customer-figures';
import {
  adjustInputSchema,
  firstErrorKey,
  redeemInputSchema,
  type AdjustInput,
  type RedeemInput,
} from '../../../../shared/loyalty/inputs';
import {
  checkRedeem,
  computeLedger,
  expiringBetween,
  type HistoryRow,
} from '../../../../shared/loyalty/ledger';
import { overRefunds, withCountedRefunds } from '../../../../shared/loyalty/over-refund';
import { countedPurchases } from '../../../../shared/loyalty/purchases';
import { addRuleMonths, ruleAt } from '../../../../shared/loyalty/rules';
import { tierAt } from '../../../../shared/loyalty/tiers';
import type { Points } from '../../../../shared/money';
import { isErased } from '../../../../shared/privacy/erase';
import { createEvent } from '../../../../shared/records';
import type { LedgerEntry } from '../../../../shared/schemas';
import { figuresReady } from '../../derived/read';
import { ERASED_CONTACT_ERROR } from '../../errors';
import type { LoyaltyContext } from './context';
import { DAY_MS, isLive } from './context';
import type { ContactLoyalty, Failure } from './types';

export function createPointsOperations(ctx: LoyaltyContext) {
  const { db, now, resolveId, salesOf, tierSalesOf, ledgerOf, getRules, liveContact, stampCtx } =
    ctx;

  return {
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
    // About 80 lines: two read paths (kept figures, else a ledger replay) that return one shape.
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
  };
}
