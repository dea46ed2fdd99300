/**
 * The checkout's arithmetic, one home for it: a sale's lines (quantity x unit price), the
 * points a customer may redeem as a discount in the same sale, and what is left to pay.
 *
 * Rules:
 * - a line's amount is quantity x unit price in the currency's minor unit; quantities may have
 *   up to three decimals (1.5 kg) and a product that is not a whole minor unit is refused, never
 *   rounded (the same rule as a sales import, `lineAmount`);
 * - points are worth `pointValue` each (the loyalty rule in force at the sale); the discount is
 *   points x pointValue and must leave something to pay (a sale's amount is positive), so at
 *   most floor((subtotal - 1) / pointValue) points, and never more than the customer has;
 * - `amount` of the stored sale is what the customer paid (subtotal - discount): revenue, tier
 *   spend and points earned all follow what was paid;
 * - a shop whose program forbids earning and redeeming in one sale (`earnWithRedemption:
 *   false`) earns nothing on a sale that redeems.
 */
import type { SaleLineRecord } from '../schemas/sale';
import { pointsToRupiah } from '../loyalty/rules';

/** Quantities are kept to three decimals, as a sales import reads them. */
const QUANTITY_SCALE = 1000;

/** quantity x unitPrice in minor units, or null when it is not a whole minor unit (or unsafe). */
export function lineAmount(quantity: number, unitPrice: number): number | null {
  const product = (Math.round(quantity * QUANTITY_SCALE) * unitPrice) / QUANTITY_SCALE;
  return Number.isSafeInteger(product) ? product : null;
}

/** A line as the form holds it: price and quantity already read (null = not a number). */
export interface DraftLine {
  item: string;
  quantity: number | null;
  unitPrice: number | null;
}

export type LinesResult =
  | { ok: true; lines: SaleLineRecord[]; subtotal: number }
  | { ok: false; error: LineProblem; index: number };

export type LineProblem =
  | 'checkout.errors.quantity'
  | 'checkout.errors.price'
  | 'checkout.errors.lineRounds'
  | 'checkout.errors.tooLarge';

/** The largest sale (as the sale form allows). */
export const MAX_SALE = 1_000_000_000_000;

/** A line with no item, no quantity and no price is an empty row of the form: ignored. */
export const isBlankLine = (l: DraftLine) =>
  l.item.trim() === '' && l.quantity === null && l.unitPrice === null;

/**
 * The lines to store and their subtotal. An empty row is left out; a row with a price but no
 * quantity counts one.
 */
export function checkoutLines(draft: readonly DraftLine[]): LinesResult {
  const lines: SaleLineRecord[] = [];
  let subtotal = 0;
  for (const [index, l] of draft.entries()) {
    if (isBlankLine(l)) continue;
    const quantity = l.quantity ?? 1;
    if (!(quantity > 0) || !Number.isFinite(quantity))
      return { ok: false, error: 'checkout.errors.quantity', index };
    if (l.unitPrice === null || !Number.isSafeInteger(l.unitPrice) || l.unitPrice < 0)
      return { ok: false, error: 'checkout.errors.price', index };
    const amount = lineAmount(quantity, l.unitPrice);
    if (amount === null) return { ok: false, error: 'checkout.errors.lineRounds', index };
    subtotal += amount;
    if (subtotal > MAX_SALE) return { ok: false, error: 'checkout.errors.tooLarge', index };
    const item = l.item.trim().slice(0, 500);
    lines.push({ ...(item ? { item } : {}), quantity, unitPrice: l.unitPrice, amount });
  }
  return { ok: true, lines, subtotal };
}

/** What the loyalty rule in force at the sale says about redeeming in it. */
export interface RedemptionRule {
  enabled: boolean;
  /** Rupiah (minor units) one point is worth as a discount; 0 = no discount redemption. */
  pointValue: number;
  /** False: a sale that redeems points earns none. Unset means allowed. */
  earnWithRedemption?: boolean;
}

/** Whether the rule lets points be taken off a sale at all. */
export const canRedeemAsDiscount = (rule: RedemptionRule) => rule.enabled && rule.pointValue > 0;

/** The most points a sale of `subtotal` can take off, for a customer with `available` points. */
export function maxRedeemable(subtotal: number, available: number, rule: RedemptionRule): number {
  if (!canRedeemAsDiscount(rule) || subtotal <= 1 || available <= 0) return 0;
  return Math.max(0, Math.min(available, Math.floor((subtotal - 1) / rule.pointValue)));
}

export type CheckoutPlan =
  | {
      ok: true;
      subtotal: number;
      /** Points redeemed (0 = none). */
      redeem: number;
      /** Money the points take off. */
      discount: number;
      /** What the customer pays: the sale's amount. */
      total: number;
      /** Whether the sale earns points under the rule (false when redeeming forbids it). */
      earns: boolean;
    }
  | {
      ok: false;
      error:
        | 'checkout.errors.redeemNotAllowed'
        | 'checkout.errors.redeemTooMuch'
        | 'checkout.errors.redeemWhole'
        | 'checkout.errors.nothingToPay';
      /** For redeemTooMuch: the most that could be redeemed. */
      max?: number;
    };

/** The sale a checkout makes: subtotal, points off, total to pay, and whether it earns. */
export function planCheckout(
  subtotal: number,
  redeem: number,
  available: number,
  rule: RedemptionRule,
): CheckoutPlan {
  if (!Number.isSafeInteger(redeem) || redeem < 0)
    return { ok: false, error: 'checkout.errors.redeemWhole' };
  if (!(subtotal > 0)) return { ok: false, error: 'checkout.errors.nothingToPay' };
  if (redeem > 0 && !canRedeemAsDiscount(rule))
    return { ok: false, error: 'checkout.errors.redeemNotAllowed' };
  const max = maxRedeemable(subtotal, available, rule);
  if (redeem > max) return { ok: false, error: 'checkout.errors.redeemTooMuch', max };
  const discount = pointsToRupiah(redeem, rule);
  return {
    ok: true,
    subtotal,
    redeem,
    discount,
    total: subtotal - discount,
    earns: redeem === 0 || rule.earnWithRedemption !== false,
  };
}

/** A sale's lines in a few words for a table cell: "Kopi susu ×2, Roti". */
export function linesSummary(lines: readonly SaleLineRecord[] | undefined): string {
  if (!lines) return '';
  return lines
    .filter((l) => l.item)
    .map((l) => (l.quantity === 1 ? l.item! : `${l.item} ×${l.quantity}`))
    .join(', ');
}

/**
 * Item names to suggest at the checkout, newest sale first, each once (case-insensitive), with
 * the unit price it last sold for.
 */
export function recentItemsOf(
  sales: readonly { lines?: readonly SaleLineRecord[] }[],
  limit: number,
): { item: string; unitPrice: number }[] {
  const seen = new Set<string>();
  const out: { item: string; unitPrice: number }[] = [];
  for (const s of sales)
    for (const l of s.lines ?? []) {
      const name = l.item?.trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push({ item: name, unitPrice: l.unitPrice });
      if (out.length >= limit) return out;
    }
  return out;
}
