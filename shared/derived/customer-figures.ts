/**
 * A customer's figures, kept in a local table so screens read one row instead of replaying
 * every sale and ledger entry (ARCHITECTURE.md "Derived figures").
 *
 * `customerFigures` is THE full recomputation: the write-time upkeep (renderer/db/derived)
 * calls it for every customer an event touches, the rebuild calls it for every customer, and
 * the property test compares the two. Every number comes from the functions the screens used
 * before (computeLedger, summarizePurchases, visitsOf/visitPattern, withoutMergedDuplicateBonuses),
 * never a copy of their rules.
 *
 * Time: the row holds what does not change while no event arrives. The ledger is replayed up
 * to its latest entry; after that only expiry changes the balance, so the row keeps the
 * unexpired lots' (expiry, remaining) and `ledgerAt` gives the exact state at any later
 * moment. The gone-quiet verdict becomes a due moment, the stage needs only the last purchase
 * and the count.
 */
import { computeLedger, type LedgerLike } from '../loyalty/ledger';
import { withoutMergedDuplicateBonuses } from '../loyalty/merged-bonuses';
import type { LoyaltyRules } from '../loyalty/rules';
import {
  AT_RISK_DAYS,
  CHURNED_DAYS,
  deriveStage,
  LOYAL_PURCHASES,
  summarizePurchases,
  type SaleFact,
} from '../contacts/lifecycle';
import {
  overRefunds,
  withCountedRefunds,
  type OverRefund,
  type RefundEvent,
} from '../loyalty/over-refund';
import { countedPurchases } from '../loyalty/purchases';
import type { LifecycleStage } from '../schemas/contact';
import {
  DEFAULT_GONE_QUIET,
  visitPattern,
  visitsOf,
  type GoneQuietOptions,
  type VisitPattern,
  type Visits,
} from '../timeline/gone-quiet';
import { isErased } from '../privacy/erase';

/** Bump when the shape or a rule of the figures changes: every row is rebuilt on next open. */
export const FIGURES_VERSION = 4;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the figures need from a contact row. */
export interface ContactFact {
  id: string;
  birthday?: string;
  stage?: LifecycleStage;
  deletedAt?: string;
  mergedInto?: string;
  /** Field stamps: the erasure mark lives here (shared/privacy/erase.ts). */
  stamps?: Readonly<Record<string, string>>;
}

/** What the figures need from a sale. */
export interface SaleEvent extends SaleFact, RefundEvent {
  amount: number;
  deletedAt?: string;
}

export interface LedgerEvent extends LedgerLike {
  deletedAt?: string;
}

/** One kept row per surviving contact (the id every alias resolves to). */
export interface CustomerFigures {
  /** The surviving contact's id. */
  id: string;
  /** Every contact id counted here (the survivor and what was merged into it), sorted. */
  aliases: string[];
  /** 1 when the contact exists and is not deleted (indexable, unlike a boolean). */
  live: 0 | 1;
  /** 1 when the contact's personal data was erased (UU PDP): nobody to win back. */
  erased?: 1;
  /** "MM-DD" of a live contact's birthday, for the Today list's index range. */
  birthdayMD?: string;
  /** The stage set by hand (applies while there is no purchase history). */
  manualStage?: LifecycleStage;
  /** Purchases not reversed by a refund (the stage's count, RFM frequency). */
  purchases: number;
  /** Live purchases, refunded or not. */
  receipts: number;
  /** Purchases not refunded in full (the contact's "Purchases: N", shared/loyalty/purchases.ts). */
  counted: number;
  /** Purchases refunded for more than they cost (sync of two refunds); usually none. */
  overRefunds: OverRefund[];
  firstPurchaseAt?: string;
  /** The latest purchase not reversed by a refund (stage, filters, RFM recency). */
  lastPurchaseAt?: string;
  /** lastPurchaseAt in ms: the index the filters by last purchase and by stage read. */
  lastPurchaseMs?: number;
  /**
   * The part of the stage that does not move with time (stageBase below): with
   * lastPurchaseMs, one index range per stage ([stageBase+lastPurchaseMs]).
   */
  stageBase: string;
  /** Purchases minus refunds, each over-refund counted up to its sale (lifetime spend, RFM). */
  netSpend: number;
  refunded: number;
  /** Distinct days with a purchase on the shop's calendar (gone quiet counts visits). */
  visits: number;
  /**
   * The distinct visit days (day numbers on the shop's calendar), ascending: what lets a new
   * purchase update the visit pattern without re-reading the sales (figures-append.ts).
   */
  visitDays: number[];
  usualIntervalDays: number | null;
  quietThresholdDays?: number;
  /** The latest purchase, refunded or not (gone quiet's "last came"). */
  lastVisitAt?: string;
  /** From this moment the customer is "gone quiet" (ms); absent with no purchase, or when the
   * contact is deleted or erased (nobody to win back). */
  quietDueMs?: number;
  /** Ledger replayed up to its latest entry (ms); absent with no entry. */
  ledgerAsOfMs?: number;
  /** The balance at ledgerAsOfMs (may be negative: an overdraft). */
  balanceAsOf: number;
  /** Unexpired lots with points left at ledgerAsOfMs: [expiresAtMs, remaining], by expiry. */
  lots: [number, number][];
  /** The expiry moments of `lots` (multi-entry index: "points expiring between a and b"). */
  expiryKeys: number[];
  /**
   * The lots with points left at ledgerAsOfMs in the replay's order (oldest earned first, the
   * order a debit takes from), each [expiresAtMs or null for never, remaining]: what lets a new
   * ledger entry be applied without replaying the ledger (figures-append.ts).
   */
  openLots: [number | null, number][];
  ledgerEntries: number;
}

export interface FiguresInput {
  id: string;
  /** The survivor's row, when it exists. */
  contact: ContactFact | undefined;
  /** The survivor and every contact merged into it. */
  aliases: readonly string[];
  /** Sales and ledger entries of the survivor and every contact merged into it. */
  sales: readonly SaleEvent[];
  ledger: readonly LedgerEvent[];
  rules: LoyaltyRules;
  quiet?: GoneQuietOptions;
}

/** "MM-DD" of a "YYYY-MM-DD" birthday. */
export const monthDay = (birthday: string): string => birthday.slice(5, 10);

export function customerFigures(input: FiguresInput): CustomerFigures {
  const { contact } = input;
  const live = contact !== undefined && contact.deletedAt === undefined;
  const sales = input.sales.filter((s) => s.deletedAt === undefined);
  const purchases = sales.filter((s) => s.kind === 'purchase');
  const summary = summarizePurchases(sales);
  let gross = 0;
  let refunded = 0;
  let first: string | undefined;
  // An over-refund counts up to its sale, never against the customer's other purchases.
  for (const s of withCountedRefunds(sales)) {
    if (s.kind === 'purchase') {
      gross += s.amount;
      if (first === undefined || Date.parse(s.at) < Date.parse(first)) first = s.at;
    } else refunded += s.amount;
  }
  const visits = visitsOf(
    purchases.map((s) => s.at),
    input.rules.timeZone,
  );
  const options = input.quiet ?? DEFAULT_GONE_QUIET;
  const pattern = visits ? visitPattern(visits, options) : null;

  const entries = withoutMergedDuplicateBonuses(
    input.ledger.filter((e) => e.deletedAt === undefined),
  );
  let asOf: number | undefined;
  for (const e of entries) {
    const t = Date.parse(e.at);
    if (asOf === undefined || t > asOf) asOf = t;
  }
  const lots: [number, number][] = [];
  const openLots: [number | null, number][] = [];
  let balance = 0;
  if (asOf !== undefined) {
    const state = computeLedger(entries, input.rules, asOf);
    balance = state.balance;
    for (const lot of state.lots)
      if (lot.remaining > 0) openLots.push([lot.expiresAtMs, lot.remaining]);
  }
  lots.push(...expiringLots(openLots));

  const row: CustomerFigures = {
    id: input.id,
    aliases: [...input.aliases].sort(),
    live: live ? 1 : 0,
    purchases: summary.count,
    receipts: purchases.length,
    counted: countedPurchases(sales),
    overRefunds: overRefunds(sales),
    netSpend: gross - refunded,
    refunded,
    stageBase: stageBase(summary.count, contact?.stage),
    visits: visits?.days.length ?? 0,
    visitDays: visits?.days ?? [],
    usualIntervalDays: pattern?.usualIntervalDays ?? null,
    balanceAsOf: balance,
    lots,
    expiryKeys: [...new Set(lots.map((l) => l[0]))],
    openLots,
    ledgerEntries: entries.length,
  };
  if (contact?.stamps !== undefined && isErased({ stamps: contact.stamps })) row.erased = 1;
  if (live && contact.birthday) row.birthdayMD = monthDay(contact.birthday);
  if (contact?.stage) row.manualStage = contact.stage;
  if (first !== undefined) row.firstPurchaseAt = first;
  if (summary.lastAt !== undefined) {
    row.lastPurchaseAt = summary.lastAt;
    row.lastPurchaseMs = Date.parse(summary.lastAt);
  }
  if (visits && pattern) setVisitFields(row, visits, pattern);
  if (asOf !== undefined) row.ledgerAsOfMs = asOf;
  return row;
}

/** The lots that expire, by expiry (the row's `lots`), from the open lots in replay order. */
export function expiringLots(open: readonly [number | null, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [at, n] of open) if (at !== null) out.push([at, n]);
  // Stable: lots expiring at the same moment stay in replay order, as the replay lists them.
  return out.sort((a, b) => a[0] - b[0]);
}

/** The row's visit fields from the visits and their pattern (gone quiet's due moment). */
export function setVisitFields(row: CustomerFigures, visits: Visits, pattern: VisitPattern): void {
  row.visits = visits.days.length;
  row.visitDays = visits.days;
  row.usualIntervalDays = pattern.usualIntervalDays;
  row.lastVisitAt = visits.last;
  row.quietThresholdDays = pattern.thresholdDays;
  // quietVerdict: quiet when floor((now - last) / day) > threshold. Only someone Today may
  // offer to win back is on that index (live, not erased), so Today reads no contact to drop
  // the others.
  if (row.live === 1 && row.erased === undefined)
    row.quietDueMs = visits.lastMs + (Math.floor(pattern.thresholdDays) + 1) * DAY_MS;
  else delete row.quietDueMs;
}

export interface PointsAt {
  balance: number;
  available: number;
  overdraft: number;
  /** Points expiring after `now` up to `until`, soonest first (as expiringBetween). */
  expiring: { expiresAtMs: number; points: number }[];
}

/**
 * The loyalty state at `nowMs` from a kept row: the balance at its latest entry minus the
 * lots that expired since. Null when `nowMs` is before the latest entry (an entry dated in
 * the future): the caller replays the ledger.
 */
export function pointsAt(row: CustomerFigures, nowMs: number, untilMs = nowMs): PointsAt | null {
  if (row.ledgerAsOfMs !== undefined && nowMs < row.ledgerAsOfMs) return null;
  let balance = row.balanceAsOf;
  const expiring: { expiresAtMs: number; points: number }[] = [];
  for (const [at, n] of row.lots) {
    if (at <= nowMs) balance -= n;
    else if (at <= untilMs) {
      const last = expiring[expiring.length - 1];
      if (last && last.expiresAtMs === at) last.points += n;
      else expiring.push({ expiresAtMs: at, points: n });
    }
  }
  return {
    balance,
    available: Math.max(0, balance),
    overdraft: Math.max(0, -balance),
    expiring,
  };
}

/** The lifecycle stage at `now` from a kept row (shared/contacts/lifecycle.ts). */
export function stageAt(row: CustomerFigures, now: Date): LifecycleStage {
  return deriveStage({ count: row.purchases, lastAt: row.lastPurchaseAt }, row.manualStage, now);
}

/** Purchasers' stageBase values start with this; a stage set by hand never does. */
const PURCHASER = 'p:';

/**
 * The stage without time (shared/contacts/lifecycle.ts deriveStage): a customer with no
 * purchase history keeps the stage set by hand (or "lead"); a purchaser is "new", "active" or
 * "loyal" by count while the latest purchase is recent, "at-risk" or "churned" after.
 */
export function stageBase(purchases: number, manual: LifecycleStage | undefined): string {
  if (purchases === 0) return manual ?? 'lead';
  const byCount = purchases >= LOYAL_PURCHASES ? 'loyal' : purchases === 1 ? 'new' : 'active';
  return `${PURCHASER}${byCount}`;
}

/** Half-open [lo, hi) of lastPurchaseMs. */
export interface MsSpan {
  lo: number;
  hi: number;
}

/**
 * Where the customers in one stage at `now` are in the kept figures: rows whose stageBase
 * equals one of `bases` (no purchase history), and rows in `spans` of
 * [stageBase+lastPurchaseMs]. Exactly the rows stageAt(row, now) puts in `stage`.
 */
export function stageRanges(
  stage: LifecycleStage,
  nowMs: number,
): { bases: string[]; spans: (MsSpan & { base: string })[] } {
  const recentFrom = nowMs - AT_RISK_DAYS * DAY_MS;
  const churnedBefore = nowMs - CHURNED_DAYS * DAY_MS;
  const all = ['new', 'active', 'loyal'].map((b) => PURCHASER + b);
  const spans =
    stage === 'churned'
      ? all.map((base) => ({ base, lo: -Infinity, hi: churnedBefore }))
      : stage === 'at-risk'
        ? all.map((base) => ({ base, lo: churnedBefore, hi: recentFrom }))
        : stage === 'lead'
          ? []
          : [{ base: PURCHASER + stage, lo: recentFrom, hi: Infinity }];
  return { bases: [stage], spans };
}

/** Rows compared field by field, for the rebuild's "nothing changed" and the property test. */
export function sameFigures(a: CustomerFigures, b: CustomerFigures): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(r: CustomerFigures): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
