/**
 * A contact's lifecycle stage, derived from purchases where there are any.
 *
 * The rule (days counted from `now` back to the latest purchase that was not refunded):
 * - no purchase history (none, or every purchase refunded): the stage set by hand, else "lead";
 * - latest purchase more than CHURNED_DAYS (180) ago: "churned";
 * - latest purchase more than AT_RISK_DAYS (90) ago: "at-risk";
 * - LOYAL_PURCHASES (5) or more purchases: "loyal";
 * - exactly one purchase: "new";
 * - otherwise (2–4 purchases, the latest within 90 days): "active".
 */
import type { LifecycleStage } from '../schemas/contact';

export const AT_RISK_DAYS = 90;
export const CHURNED_DAYS = 180;
export const LOYAL_PURCHASES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the stage needs from a sale row. */
export interface SaleFact {
  id: string;
  kind: 'purchase' | 'refund';
  at: string;
  reversesId?: string;
}

export interface PurchaseSummary {
  /** Purchases not reversed by a refund. */
  count: number;
  /** ISO time of the latest such purchase. */
  lastAt?: string;
}

/** Count purchases and find the latest, ignoring purchases a refund reverses. */
export function summarizePurchases(sales: readonly SaleFact[]): PurchaseSummary {
  const refunded = new Set<string>();
  for (const s of sales) if (s.kind === 'refund' && s.reversesId) refunded.add(s.reversesId);
  let count = 0;
  let lastAt: string | undefined;
  for (const s of sales) {
    if (s.kind !== 'purchase' || refunded.has(s.id)) continue;
    count++;
    if (lastAt === undefined || Date.parse(s.at) > Date.parse(lastAt)) lastAt = s.at;
  }
  return { count, lastAt };
}

export function deriveStage(
  summary: PurchaseSummary,
  manual: LifecycleStage | undefined,
  now: Date,
): LifecycleStage {
  if (summary.count === 0 || summary.lastAt === undefined) return manual ?? 'lead';
  const days = (now.getTime() - Date.parse(summary.lastAt)) / DAY_MS;
  if (days > CHURNED_DAYS) return 'churned';
  if (days > AT_RISK_DAYS) return 'at-risk';
  if (summary.count >= LOYAL_PURCHASES) return 'loyal';
  if (summary.count === 1) return 'new';
  return 'active';
}
