/**
 * Refunds never exceed the sale after a merge (issue #17, item 6). One device never refunds more
 * than a purchase (the refund repository refuses it), but two devices offline can each refund
 * the same purchase in full: after the merge both refunds are there (events are never dropped).
 * Like the overdraft of points, the result is made visible and handed to a person instead of
 * hidden:
 * - `overRefunds` names each purchase whose refunds add up to more than its amount;
 * - `countedRefundAmounts` is what each refund counts for in the customer's spend: refunds of one
 *   purchase, oldest first (then by id), count up to the purchase amount and not beyond, so an
 *   over-refund never lowers the spend of the customer's other purchases;
 * - `overRefundFollowUp` is the follow-up a merge creates so someone resolves it, made from the
 *   purchase alone, so every device that sees the over-refund makes the same record;
 * - points: an earn is reversed at most once in total by the ledger engine (ledger.ts), however
 *   many reversals name it.
 * Pure: the same sales give the same answer on every device.
 */
import type { HlcStamp } from '../hlc';
import { overRefundEventId } from '../event-ids';
import { createMutable } from '../records';
import type { FollowUp } from '../schemas';
import type { RefundableSale } from './purchases';

export interface RefundEvent extends RefundableSale {
  at: string;
  contactId: string;
  updatedAt: HlcStamp;
  createdAt: string;
  deletedAt?: string;
}

export interface OverRefund {
  saleId: string;
  contactId: string;
  saleAt: string;
  saleAmount: number;
  /** Every refund of the purchase added up (more than saleAmount). */
  refunded: number;
  /** refunded - saleAmount. */
  excess: number;
  /** The refunds of this purchase, oldest first (then by id). */
  refundIds: string[];
}

/**
 * The follow-up's title, from the purchase alone (every device must write the same words: the
 * app passes the text of both languages, shared/ has no i18n).
 */
export type OverRefundTitle = (purchase: { amount: number; at: string }) => string;

const live = <S extends { deletedAt?: string }>(s: S) => s.deletedAt === undefined;

/** Refunds oldest first, then by id: the order in which they count against their purchase. */
const byTimeThenId = (a: RefundEvent, b: RefundEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function refundsByPurchase(sales: readonly RefundEvent[]): Map<string, RefundEvent[]> {
  const out = new Map<string, RefundEvent[]>();
  for (const s of sales) {
    if (s.kind !== 'refund' || s.reversesId === undefined || !live(s)) continue;
    const list = out.get(s.reversesId);
    if (list) list.push(s);
    else out.set(s.reversesId, [s]);
  }
  for (const list of out.values()) list.sort(byTimeThenId);
  return out;
}

/** Purchases refunded for more than their amount, in purchase id order. */
export function overRefunds(sales: readonly RefundEvent[]): OverRefund[] {
  const refunds = refundsByPurchase(sales);
  const out: OverRefund[] = [];
  for (const s of sales) {
    if (s.kind !== 'purchase' || !live(s)) continue;
    const list = refunds.get(s.id);
    if (!list) continue;
    const refunded = list.reduce((n, r) => n + r.amount, 0);
    if (refunded <= s.amount) continue;
    out.push({
      saleId: s.id,
      contactId: s.contactId,
      saleAt: s.at,
      saleAmount: s.amount,
      refunded,
      excess: refunded - s.amount,
      refundIds: list.map((r) => r.id),
    });
  }
  return out.sort((a, b) => (a.saleId < b.saleId ? -1 : a.saleId > b.saleId ? 1 : 0));
}

/**
 * What each refund counts for in the customer's spend: the refunds of one purchase count up to
 * its amount (oldest first), the rest of an over-refund counts 0. A refund whose purchase is not
 * here (an imported cancellation) counts in full.
 */
export function countedRefundAmounts(sales: readonly RefundEvent[]): Map<string, number> {
  const purchases = new Map<string, number>();
  for (const s of sales) if (s.kind === 'purchase' && live(s)) purchases.set(s.id, s.amount);
  const out = new Map<string, number>();
  for (const s of sales) if (s.kind === 'refund' && live(s)) out.set(s.id, s.amount);
  for (const [saleId, list] of refundsByPurchase(sales)) {
    const amount = purchases.get(saleId);
    if (amount === undefined) continue;
    let left = amount;
    for (const r of list) {
      const counted = Math.min(r.amount, left);
      out.set(r.id, counted);
      left -= counted;
    }
  }
  return out;
}

/** The sales with each refund's amount as it counts (refunds that count 0 left out). */
export function withCountedRefunds<S extends RefundEvent>(sales: readonly S[]): S[] {
  const counted = countedRefundAmounts(sales);
  const out: S[] = [];
  for (const s of sales) {
    if (s.kind !== 'refund') out.push(s);
    else {
      const n = counted.get(s.id) ?? s.amount;
      if (n === s.amount) out.push(s);
      else if (n > 0) out.push({ ...s, amount: n });
    }
  }
  return out;
}

/** The id of the follow-up that asks someone to resolve an over-refunded purchase. */
export const overRefundFollowUpId = (o: Pick<OverRefund, 'saleId' | 'saleAt'>): string =>
  overRefundEventId(o.saleId, Date.parse(o.saleAt));

/**
 * The follow-up for an over-refunded purchase. Devices see the over-refund after different sets
 * of refunds (two, three, a forged one), so the record depends on the purchase alone: its id
 * derives from it, its stamps are the purchase's stamp (a real stamp every device has seen, so
 * any later edit of the follow-up, or its deletion, wins over it), it is due at the purchase's
 * time (so it shows as overdue at once) and its title must be made from the purchase alone.
 * Every device that makes it makes the same row, whatever it merged first.
 */
export function overRefundFollowUp(purchase: RefundEvent, title: string): FollowUp {
  return createMutable(
    {
      contactId: purchase.contactId,
      // The caller's words; the amount alone if it gave none.
      title: title.trim().slice(0, 500) || String(purchase.amount),
      dueAt: new Date(purchase.at).toISOString(),
      repeat: 'none' as const,
    },
    {
      id: overRefundFollowUpId({ saleId: purchase.id, saleAt: purchase.at }),
      createdAt: purchase.createdAt,
      stamp: purchase.updatedAt,
    },
  );
}
