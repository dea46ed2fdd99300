/**
 * The loyalty ledger engine: balance, first-in first-out expiry and the history a customer
 * sees, derived from immutable ledger entries and the rules (ARCHITECTURE.md "Loyalty
 * ledger"). Nothing here is stored: every device derives the same numbers from the same set
 * of entries, in any order they arrived, and expiry is never an event of its own.
 *
 * The model, replayed in time order (ties: credits before debits, then by id):
 * - a credit (earn, bonus, positive adjust or reversal) opens a lot that expires
 *   `expiryMonths` (rule in force when it was earned) after it, or never when 0. A lot first
 *   pays off any overdraft;
 * - a debit (redeem, negative adjust) takes points from the oldest unexpired lots first; what
 *   they cannot cover becomes an overdraft (two devices redeemed the same points offline);
 * - a reversal of an earn (a refund) takes from that earn's lot first; points of that lot that
 *   had already expired are not taken again; the rest (points already spent) comes from the
 *   other lots, then overdraft;
 * - when a lot's expiry passes, what remains of it expires.
 * So: balance = credited - redeemed - adjustedDown - reversed - expired = sum(lot remaining)
 * - overdraft.
 */
import { points, type Points } from '../money';
import { addRuleMonths, ruleAt, type LoyaltyRules } from './rules';

export type LedgerKind = 'earn' | 'redeem' | 'adjust' | 'reversal' | 'bonus';

/** The part of a ledger entry the engine needs. */
export interface LedgerLike {
  id: string;
  kind: LedgerKind;
  at: string;
  points: number;
  reversesId?: string;
  saleId?: string;
  reason?: string;
}

export interface Lot {
  entryId: string;
  atMs: number;
  /** null = never expires. */
  expiresAtMs: number | null;
  points: number;
  remaining: number;
  expired: number;
}

/** One line of the history: an entry, or a derived expiry (`kind: 'expire'`, no entry behind it). */
export interface HistoryRow {
  id: string;
  kind: LedgerKind | 'expire';
  atMs: number;
  /** What this line changed in the balance (a reversal of expired points changes less). */
  delta: number;
  /** The entry's own points (for an expiry row: the same as delta). */
  points: number;
  balanceAfter: number;
  entry?: LedgerLike;
}

export interface LedgerTotals {
  credited: number;
  redeemed: number;
  adjustedDown: number;
  reversed: number;
  expired: number;
}

export interface LedgerState {
  /** May be negative: an overdraft after two devices spent the same points. */
  balance: Points;
  /** What this device may let the customer redeem now: max(0, balance). */
  available: Points;
  overdraft: Points;
  totals: LedgerTotals;
  lots: Lot[];
  /** Oldest first. */
  history: HistoryRow[];
  /** How many entries were ignored because an entry with the same id came earlier. */
  duplicates: number;
}

const isCredit = (e: LedgerLike) => e.points > 0;

/**
 * The order the replay takes entries in: by time, credits before debits at the same moment,
 * then by id (shared/derived/figures-append.ts appends in the same order).
 */
export function replayOrder(a: LedgerLike, b: LedgerLike): number {
  const d = Date.parse(a.at) - Date.parse(b.at);
  if (d !== 0) return d;
  const c = Number(isCredit(b)) - Number(isCredit(a));
  if (c !== 0) return c;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Entries in replay order; duplicates (same id) counted once. */
function ordered(entries: readonly LedgerLike[]): { list: LedgerLike[]; duplicates: number } {
  const byId = new Map<string, LedgerLike>();
  let duplicates = 0;
  for (const e of entries) {
    const seen = byId.get(e.id);
    if (!seen) byId.set(e.id, e);
    else {
      duplicates++;
      // Same id, different copy (should not happen): keep a deterministic one.
      if (JSON.stringify(e) < JSON.stringify(seen)) byId.set(e.id, e);
    }
  }
  const list = [...byId.values()].sort(replayOrder);
  return { list, duplicates };
}

/**
 * Replay the ledger up to `asOfMs` (entries after it are ignored; lots whose expiry is at or
 * before it have expired).
 */
export function computeLedger(
  entries: readonly LedgerLike[],
  rules: LoyaltyRules,
  asOfMs: number,
): LedgerState {
  const { list, duplicates } = ordered(entries);
  const lots: Lot[] = [];
  const lotByEntry = new Map<string, Lot>();
  /** Points reversed so far per earn entry. */
  const reversedOf = new Map<string, number>();
  const history: HistoryRow[] = [];
  const totals: LedgerTotals = {
    credited: 0,
    redeemed: 0,
    adjustedDown: 0,
    reversed: 0,
    expired: 0,
  };
  let overdraft = 0;
  let balance = 0;
  /** Index of the first lot that may still hold points. */
  let fifoStart = 0;

  /**
   * No lot with points left expires before this (a lower bound: lots emptied by spending may
   * leave it low, which only costs one scan). Keeps the replay linear for a customer with
   * thousands of entries instead of scanning every lot at every entry.
   */
  let earliestExpiry = Infinity;
  const position = new Map<Lot, number>();
  const expireUpTo = (t: number) => {
    if (t < earliestExpiry) return;
    // Lots expire in expiry order (ties: lot order) so the history reads in time order.
    const due = lots
      .filter((l) => l.remaining > 0 && l.expiresAtMs !== null && l.expiresAtMs <= t)
      .sort((a, b) => a.expiresAtMs! - b.expiresAtMs! || position.get(a)! - position.get(b)!);
    for (const lot of due) {
      const n = lot.remaining;
      lot.expired += n;
      lot.remaining = 0;
      totals.expired += n;
      balance -= n;
      history.push({
        id: `expire:${lot.entryId}`,
        kind: 'expire',
        atMs: lot.expiresAtMs!,
        delta: -n,
        points: -n,
        balanceAfter: balance,
      });
    }
    earliestExpiry = Infinity;
    for (let i = fifoStart; i < lots.length; i++) {
      const l = lots[i]!;
      if (l.remaining > 0 && l.expiresAtMs !== null && l.expiresAtMs < earliestExpiry)
        earliestExpiry = l.expiresAtMs;
    }
  };

  /** Take up to n points from the lots, oldest first; returns what they could not cover. */
  const takeFifo = (n: number): number => {
    // Lots before fifoStart are empty for good (a lot's remaining only goes down).
    while (fifoStart < lots.length && lots[fifoStart]!.remaining === 0) fifoStart++;
    for (let i = fifoStart; i < lots.length && n > 0; i++) {
      const lot = lots[i]!;
      const take = Math.min(lot.remaining, n);
      lot.remaining -= take;
      n -= take;
    }
    return n;
  };

  for (const e of list) {
    const t = Date.parse(e.at);
    if (t > asOfMs) break;
    expireUpTo(t);
    let delta = e.points;
    if (e.points > 0) {
      const rule = ruleAt(rules, t);
      const lot: Lot = {
        entryId: e.id,
        atMs: t,
        expiresAtMs: rule.expiryMonths > 0 ? addRuleMonths(rules, t, rule.expiryMonths) : null,
        points: e.points,
        remaining: e.points,
        expired: 0,
      };
      const payOff = Math.min(overdraft, lot.remaining);
      overdraft -= payOff;
      lot.remaining -= payOff;
      position.set(lot, lots.length);
      lots.push(lot);
      lotByEntry.set(e.id, lot);
      if (lot.remaining > 0 && lot.expiresAtMs !== null && lot.expiresAtMs < earliestExpiry)
        earliestExpiry = lot.expiresAtMs;
      totals.credited += e.points;
    } else {
      const need = -e.points;
      if (e.kind === 'reversal' && e.reversesId !== undefined) {
        const target = lotByEntry.get(e.reversesId);
        if (target) {
          // An earn is reversed at most once in total: when two devices refunded the same sale
          // offline, the second reversal stays in the ledger (visible, delta 0) but takes
          // nothing more.
          const before = reversedOf.get(e.reversesId) ?? 0;
          const want = Math.min(need, Math.max(0, target.points - before));
          reversedOf.set(e.reversesId, before + want);
          const fromLot = Math.min(target.remaining, want);
          target.remaining -= fromLot;
          // Points of the reversed earn that already expired are gone; not taken twice.
          const alreadyExpired = Math.min(target.expired, want - fromLot);
          delta = alreadyExpired - want; // (not -(…): a reversal that takes nothing shows 0, not -0)
          overdraft += takeFifo(want - fromLot - alreadyExpired);
          // fromLot came out of the lot directly; takeFifo handled the rest.
        } else {
          overdraft += takeFifo(need);
        }
      } else {
        overdraft += takeFifo(need);
      }
      const taken = -delta;
      if (e.kind === 'redeem') totals.redeemed += taken;
      else if (e.kind === 'reversal') totals.reversed += taken;
      else totals.adjustedDown += taken;
    }
    balance += delta;
    history.push({
      id: e.id,
      kind: e.kind,
      atMs: t,
      delta,
      points: e.points,
      balanceAfter: balance,
      entry: e,
    });
  }
  expireUpTo(asOfMs);

  return {
    balance: points(balance),
    available: points(Math.max(0, balance)),
    overdraft: points(Math.max(0, -balance)),
    totals,
    lots,
    history,
    duplicates,
  };
}

export interface ExpiringPoints {
  expiresAtMs: number;
  points: Points;
}

/** Points that will expire after `fromMs` and up to `untilMs`, grouped by expiry moment. */
export function expiringBetween(
  state: LedgerState,
  fromMs: number,
  untilMs: number,
): ExpiringPoints[] {
  const byTime = new Map<number, number>();
  for (const lot of state.lots) {
    if (lot.remaining <= 0 || lot.expiresAtMs === null) continue;
    if (lot.expiresAtMs > fromMs && lot.expiresAtMs <= untilMs) {
      byTime.set(lot.expiresAtMs, (byTime.get(lot.expiresAtMs) ?? 0) + lot.remaining);
    }
  }
  return [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([expiresAtMs, n]) => ({ expiresAtMs, points: points(n) }));
}

export type RedeemCheck =
  { ok: true } | { ok: false; reason: 'not-positive' | 'insufficient'; available: Points };

/** Whether a redemption of `n` points is allowed now on this device: never below zero. */
export function checkRedeem(state: LedgerState, n: number): RedeemCheck {
  if (!Number.isSafeInteger(n) || n <= 0)
    return { ok: false, reason: 'not-positive', available: state.available };
  if (n > state.available) return { ok: false, reason: 'insufficient', available: state.available };
  return { ok: true };
}
