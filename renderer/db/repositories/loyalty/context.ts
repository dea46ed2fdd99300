/**
 * What every operation group of the loyalty repository shares: the database, the clock, and
 * the reads several groups make (a contact's sales and ledger across its merged duplicates, the
 * rules, a live contact, the balance now, sale rows with their customer's name).
 */
import { pointsAt } from '../../../../shared/derived/customer-figures';
import { newId } from '../../../../shared/ids';
import { computeLedger } from '../../../../shared/loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../../../../shared/loyalty/merged-bonuses';
import { withCountedRefunds } from '../../../../shared/loyalty/over-refund';
import { isReferralBonus } from '../../../../shared/loyalty/referral';
import {
  addRuleMonths,
  LOYALTY_RULES_KEY,
  parseRules,
  type LoyaltyRules,
} from '../../../../shared/loyalty/rules';
import { showsErasedName } from '../../../../shared/privacy/erase';
import type { LedgerEntry, Sale } from '../../../../shared/schemas';
import { SHOP_TIME_ZONE_KEY } from '../../../../shared/shop-settings';
import type { DeviceClock } from '../../clock';
import type { ContactRow, KenalDb } from '../../database';
import { figuresReady } from '../../derived/read';
import { aliasIdsOf, contactEvents, survivorIdOf } from '../../identity';
import type { SaleRow } from './types';

export const DAY_MS = 86_400_000;

export const isLive = (c: ContactRow) => c.deletedAt === undefined && c.mergedInto === undefined;

/** Newest first; equal times by id, newest first too (as an index read backwards gives them). */
export const newestFirst = (a: Sale, b: Sale) =>
  a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

export function createLoyaltyContext(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
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

  const salesOf = (contactId: string): Promise<Sale[]> => contactEvents(db, 'sales', contactId);

  /**
   * The sales a tier at `atMs` can depend on: those after `atMs` minus twice the longest tier
   * window of any rule version (grace looks one window back from each purchase in the window),
   * read by index, so a customer with 5,000 sales reads only their recent ones.
   */
  async function tierSalesOf(contactId: string, rules: LoyaltyRules, atMs: number) {
    const longest = Math.max(...rules.versions.map((v) => v.tierWindowMonths));
    const from = new Date(addRuleMonths(rules, atMs, -2 * longest) - DAY_MS).toISOString();
    const sales = await contactEvents(db, 'sales', contactId, { from });
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
    const entries = await contactEvents(db, 'ledger', contactId);
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

  return {
    db,
    clock,
    now,
    aliasIds,
    resolveId,
    balanceAt,
    salesOf,
    tierSalesOf,
    ledgerOf,
    getRules,
    liveContact,
    stampCtx,
    withNames,
  };
}

export type LoyaltyContext = ReturnType<typeof createLoyaltyContext>;
