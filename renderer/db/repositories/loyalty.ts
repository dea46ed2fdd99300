/**
 * Repository for sales, the loyalty ledger, loyalty rules and feedback. Sales, ledger entries
 * and feedback are immutable events: a refund or a correction is a new event. Balances, expiry
 * and tiers are never stored: they are derived from the ledger and the rules on every read
 * (shared/loyalty), so every device shows the same numbers after a merge.
 */
import { aliasIdsOf } from '../aliases';
import { withoutMergedDuplicateBonuses } from '../../../shared/loyalty/merged-bonuses';
import Dexie from 'dexie';
import { contactIndexFields } from '../../../shared/contact-index';
import { derivedId, newId, ulidTime } from '../../../shared/ids';
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
  addMonthsUtc,
  LOYALTY_RULES_KEY,
  loyaltyRuleSchema,
  parseRules,
  ruleAt,
  withVersion,
  type LoyaltyRule,
  type LoyaltyRules,
} from '../../../shared/loyalty/rules';
import { customerKey, type ImportSale } from '../../../shared/loyalty/sales-import';
import {
  earnForSale,
  pointsToReverse,
  tierAt,
  type TierStatus,
} from '../../../shared/loyalty/tiers';
import type { Points } from '../../../shared/money';
import { normalizePhone } from '../../../shared/phone';
import { applyPatch, createEvent, createMutable } from '../../../shared/records';
import type { Contact, Feedback, LedgerEntry, Sale, Setting } from '../../../shared/schemas';
import { foldText } from '../../../shared/text';
import type { DeviceClock } from '../clock';
import type { ContactRow, KenalDb } from '../database';

export type Failure = { ok: false; error: string };

export interface SaleRow extends Sale {
  contactName: string;
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

export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}

// Every `at` is stored as UTC ISO (toISOString): the `at` indexes compare strings, and
// "10:00+07:00" would otherwise sort after "09:00Z".
const RULES_SETTING_ID = derivedId(0, `setting:${LOYALTY_RULES_KEY}`);
const DAY_MS = 86_400_000;
const WRITE_CHUNK = 2_000;

const isLive = (c: ContactRow) => c.deletedAt === undefined && c.mergedInto === undefined;

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

  /** The contact an id stands for now (follows mergedInto; a cycle ends at the smallest id). */
  async function resolveId(id: string): Promise<string> {
    const seen: string[] = [];
    let current = id;
    for (;;) {
      seen.push(current);
      const row = await db.contacts.get(current);
      const next = row?.mergedInto;
      if (next === undefined) return current;
      if (seen.includes(next)) return [...seen].sort()[0]!;
      current = next;
    }
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
    // Merged duplicates may each hold a welcome/birthday bonus: one person counts one.
    return withoutMergedDuplicateBonuses(lists.flat().filter((e) => e.deletedAt === undefined));
  }

  async function getRules(): Promise<LoyaltyRules> {
    const row = await db.settings.where('key').equals(LOYALTY_RULES_KEY).first();
    return row && !row.deletedAt ? parseRules(row.value) : parseRules(undefined);
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
  const welcomeId = (contactId: string) => derivedId(ulidTime(contactId), `welcome:${contactId}`);

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
    async recordSale(
      input: SaleInput,
    ): Promise<{ ok: true; sale: Sale; earned: number; bonus: number } | Failure> {
      const parsed = saleInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction(
        'rw',
        [db.sales, db.ledger, db.settings, db.contacts, db.meta],
        async () => {
          const contact = await liveContact(v.contactId);
          if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
          const at = now();
          const ctx = await stampCtx(at);
          const sale: Sale = createEvent(
            {
              contactId: contact.id,
              kind: 'purchase' as const,
              at: new Date(v.at).toISOString(),
              amount: v.amount,
              items: v.items || undefined,
              invoiceNo: v.invoiceNo || undefined,
              paymentMethod: v.paymentMethod,
            },
            ctx,
          );
          await db.sales.add(sale);
          const rules = await getRules();
          const history = await salesOf(contact.id);
          const { points: earned, rule } = earnForSale(sale, history, rules);
          const saleMs = Date.parse(sale.at);
          if (earned > 0) {
            await db.ledger.add(
              createEvent(
                {
                  contactId: contact.id,
                  kind: 'earn' as const,
                  at: sale.at,
                  points: earned,
                  saleId: sale.id,
                  ruleId: rule.id,
                },
                { ...ctx, id: derivedId(saleMs, `earn:${sale.id}`) },
              ),
            );
          }
          let bonus = 0;
          if (rule.enabled && rule.welcomeBonus > 0) {
            const ids = await aliasIds(contact.id);
            const existing = await db.ledger.bulkGet(ids.map(welcomeId));
            if (existing.every((e) => e === undefined)) {
              bonus = rule.welcomeBonus;
              await db.ledger.add(
                createEvent(
                  {
                    contactId: contact.id,
                    kind: 'bonus' as const,
                    at: sale.at,
                    points: bonus,
                    reason: 'welcome',
                    ruleId: rule.id,
                  },
                  { ...ctx, id: welcomeId(contact.id) },
                ),
              );
            }
          }
          return { ok: true as const, sale, earned, bonus };
        },
      );
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
      return db.transaction('rw', [db.sales, db.ledger, db.meta], async () => {
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
        const ctx = await stampCtx(at);
        const refund: Sale = createEvent(
          {
            contactId: sale.contactId,
            kind: 'refund' as const,
            at: new Date(v.at).toISOString(),
            amount: v.amount,
            reversesId: sale.id,
            invoiceNo: sale.invoiceNo,
            items: v.reason || undefined,
          },
          ctx,
        );
        await db.sales.add(refund);
        const earnId = derivedId(Date.parse(sale.at), `earn:${sale.id}`);
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
                reason: v.reason || undefined,
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
      return db.transaction(
        'rw',
        [db.ledger, db.settings, db.contacts, db.sales, db.meta],
        async () => {
          const today = now();
          const rules = await getRules();
          const candidates = contactId
            ? [await db.contacts.get(contactId)].filter((c): c is ContactRow => c !== undefined)
            : await db.contacts.filter((c) => c.birthday !== undefined).toArray();
          let given = 0;
          for (const c of candidates) {
            if (!isLive(c) || !c.birthday) continue;
            const [, m, d] = c.birthday.split('-').map(Number) as [number, number, number];
            for (const year of [today.getFullYear(), today.getFullYear() - 1]) {
              const day = new Date(year, m - 1, d);
              if (day.getMonth() !== m - 1) day.setDate(0); // 29 Feb in a common year: 28 Feb
              const age = today.getTime() - day.getTime();
              if (age < 0 || age > 30 * DAY_MS) continue;
              const rule = ruleAt(rules, day.getTime());
              if (!rule.enabled || rule.birthdayBonus <= 0) continue;
              const hasPurchase = (await salesOf(c.id)).some((s) => s.kind === 'purchase');
              if (!hasPurchase) continue;
              const id = derivedId(Date.UTC(year, m - 1, d), `birthday:${c.id}:${year}`);
              if (await db.ledger.get(id)) continue;
              await db.ledger.add(
                createEvent(
                  {
                    contactId: c.id,
                    kind: 'bonus' as const,
                    at: day.toISOString(),
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
      const [sales, rules] = await Promise.all([salesOf(contactId), getRules()]);
      const probe = { id: '~preview', kind: 'purchase' as const, at, amount };
      return earnForSale(probe, sales, rules).points;
    },

    /** Sales, newest first, filtered; at most `limit` rows. */
    async listSales(filter: SalesFilter = {}, limit = 200): Promise<SaleRow[]> {
      const from = filter.fromMs !== undefined ? new Date(filter.fromMs).toISOString() : '';
      const to = filter.toMs !== undefined ? new Date(filter.toMs).toISOString() : '\uffff';
      const q = foldText(filter.query ?? '');
      let nameMatches: Set<string> | null = null;
      if (q !== '') {
        const words = q.split(' ');
        const ids = await db.contacts
          .where('nameTokens')
          .startsWith(words[0]!)
          .filter((c) => words.every((w) => c.nameTokens.some((t) => t.startsWith(w))))
          .primaryKeys();
        nameMatches = new Set(ids);
      }
      const rows = await db.sales
        .where('at')
        .between(from, to, true, true)
        .reverse()
        .filter(
          (s) =>
            s.deletedAt === undefined &&
            (filter.kind === undefined || s.kind === filter.kind) &&
            (filter.paymentMethod === undefined || s.paymentMethod === filter.paymentMethod) &&
            (nameMatches === null ||
              nameMatches.has(s.contactId) ||
              (s.invoiceNo !== undefined && foldText(s.invoiceNo).startsWith(q))),
        )
        .limit(limit)
        .toArray();
      return withNames(rows);
    },

    /** One contact's sales (and those of duplicates merged into it), newest first. */
    async contactSales(contactId: string): Promise<SaleRow[]> {
      const list = (await salesOf(contactId)).sort((a, b) => (a.at < b.at ? 1 : -1));
      return withNames(list);
    },

    /** Balance, tier, expiring points and history of one contact, derived now. */
    async contactLoyalty(contactId: string, days = 30): Promise<ContactLoyalty> {
      const [entries, sales, rules] = await Promise.all([
        ledgerOf(contactId),
        salesOf(contactId),
        getRules(),
      ]);
      const nowMs = now().getTime();
      const state = computeLedger(entries, rules, nowMs);
      const purchases = sales.filter((s) => s.kind === 'purchase');
      return {
        balance: state.balance,
        available: state.available,
        overdraft: state.overdraft,
        tier: tierAt(sales, rules, nowMs),
        rule: ruleAt(rules, nowMs),
        expiringSoon: expiringBetween(state, nowMs, nowMs + days * DAY_MS),
        history: [...state.history].reverse(),
        lifetimeSpend:
          purchases.reduce((n, s) => n + s.amount, 0) -
          sales.filter((s) => s.kind === 'refund').reduce((n, s) => n + s.amount, 0),
        purchases: purchases.length,
      };
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
      // Only points earned about `expiryMonths` ago can expire soon: find those contacts by the
      // ledger's time index (a few days of slack for month-end clamping), then replay each
      // contact's whole ledger.
      const candidates = new Set<string>();
      const months = new Set(rules.versions.map((v) => v.expiryMonths).filter((m) => m > 0));
      for (const m of months) {
        const from = new Date(addMonthsUtc(nowMs, -m) - 4 * DAY_MS).toISOString();
        const to = new Date(addMonthsUtc(nowMs + days * DAY_MS, -m) + 4 * DAY_MS).toISOString();
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
        if (!contact || !isLive(contact)) continue;
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
     * Import sales in one transaction: all or nothing. Customers are matched by phone (then
     * by exact name), missing ones created (with ids derived from the customer, so two devices
     * importing the same file create the same contact). A sale whose id exists is skipped, so
     * importing the same file again adds nothing. `isCancelled` is polled between chunks;
     * cancelling rolls everything back.
     */
    async importSales(
      sales: readonly ImportSale[],
      options: ImportOptions,
      onProgress: (done: number, total: number) => void = () => {},
      isCancelled: () => boolean = () => false,
    ): Promise<ImportResult> {
      return db.transaction(
        'rw',
        [db.sales, db.ledger, db.settings, db.contacts, db.meta],
        async () => {
          const at = now();
          const createdAt = at.toISOString();
          const stamp = await clock.stamp();
          const rules = options.awardPoints ? await getRules() : null;
          const total = sales.length;
          let done = 0;
          const check = () => {
            if (isCancelled()) throw new ImportCancelledError();
          };

          // 1. Which sales are new (a re-import finds them all).
          const fresh: ImportSale[] = [];
          for (let i = 0; i < sales.length; i += WRITE_CHUNK) {
            check();
            const chunk = sales.slice(i, i + WRITE_CHUNK);
            const existing = await db.sales.bulkGet(chunk.map((s) => s.id));
            chunk.forEach((s, j) => {
              if (existing[j] === undefined) fresh.push(s);
            });
          }

          // 2. Customers: match or create, once per customer key.
          const contactByKey = new Map<string, string>();
          let contactsCreated = 0;
          const newContacts: ContactRow[] = [];
          for (const s of fresh) {
            const key = customerKey(s);
            if (contactByKey.has(key)) continue;
            let found: ContactRow | undefined;
            if (s.phoneE164) {
              const n = normalizePhone(s.phoneE164);
              if (n.ok) {
                const rows = await db.contacts
                  .where('phoneKeys')
                  .equals(n.value.national)
                  .toArray();
                found = rows.find(
                  (c) => c.deletedAt === undefined && c.phones.some((p) => p.e164 === s.phoneE164),
                );
              }
            } else {
              const rows = await db.contacts
                .where('sortKey')
                .equals(foldText(s.name ?? ''))
                .toArray();
              found = rows.find((c) => c.deletedAt === undefined);
            }
            if (found) {
              contactByKey.set(key, await resolveId(found.id));
              continue;
            }
            const id = derivedId(s.atMs, `import-contact:${key}`);
            const existing = await db.contacts.get(id);
            if (existing) {
              contactByKey.set(key, await resolveId(existing.id));
              continue;
            }
            const fields: Contact = createMutable(
              {
                name: s.name ?? s.phoneRaw ?? s.phoneE164 ?? '?',
                phones: s.phoneE164
                  ? [
                      {
                        label: 'mobile' as const,
                        raw: s.phoneRaw ?? s.phoneE164,
                        e164: s.phoneE164,
                      },
                    ]
                  : [],
                tags: [],
                note: '',
              },
              { id, createdAt, stamp },
            );
            newContacts.push({ ...fields, ...contactIndexFields(fields) });
            contactByKey.set(key, id);
            contactsCreated++;
          }
          for (let i = 0; i < newContacts.length; i += WRITE_CHUNK) {
            check();
            await db.contacts.bulkAdd(newContacts.slice(i, i + WRITE_CHUNK));
          }

          // 3. Sales, then (optionally) the points each earns under the rule of its day.
          const records: Sale[] = fresh.map((s) => ({
            id: s.id,
            createdAt,
            updatedAt: stamp,
            contactId: contactByKey.get(customerKey(s))!,
            kind: 'purchase',
            at: new Date(s.atMs).toISOString(),
            amount: s.amount,
            invoiceNo: s.invoiceNo,
            ...(s.items ? { items: s.items.slice(0, 10_000) } : {}),
            ...(s.paymentMethod ? { paymentMethod: s.paymentMethod } : {}),
          }));
          done = total - fresh.length;
          onProgress(done, total);
          for (let i = 0; i < records.length; i += WRITE_CHUNK) {
            check();
            const chunk = records.slice(i, i + WRITE_CHUNK);
            await db.sales.bulkAdd(chunk);
            done += chunk.length;
            onProgress(done, total);
          }

          let pointsAwarded = 0;
          if (rules) {
            const byContact = new Map<string, Sale[]>();
            for (const r of records) {
              const list = byContact.get(r.contactId);
              if (list) list.push(r);
              else byContact.set(r.contactId, [r]);
            }
            let batch: LedgerEntry[] = [];
            for (const [contactId, list] of byContact) {
              check();
              const all = await salesOf(contactId);
              for (const sale of list) {
                const { points: earned, rule } = earnForSale(sale, all, rules);
                if (earned <= 0) continue;
                pointsAwarded += earned;
                batch.push({
                  id: derivedId(Date.parse(sale.at), `earn:${sale.id}`),
                  createdAt,
                  updatedAt: stamp,
                  contactId,
                  kind: 'earn',
                  at: sale.at,
                  points: earned,
                  saleId: sale.id,
                  ruleId: rule.id,
                });
              }
              if (batch.length >= WRITE_CHUNK) {
                await db.ledger.bulkPut(batch);
                batch = [];
              }
            }
            if (batch.length > 0) await db.ledger.bulkPut(batch);
          }
          return {
            added: records.length,
            skipped: total - records.length,
            contactsCreated,
            pointsAwarded,
          };
        },
      );
    },
  };

  async function withNames<S extends Sale>(list: S[]): Promise<(S & SaleRow)[]> {
    const contactIds = [...new Set(list.map((s) => s.contactId))];
    const contacts = await db.contacts.bulkGet(contactIds);
    const names = new Map(contactIds.map((id, i) => [id, contacts[i]?.name ?? '?']));
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
      refunded: refunded.get(s.id) ?? 0,
    }));
  }
}

export type LoyaltyRepository = ReturnType<typeof createLoyaltyRepository>;
