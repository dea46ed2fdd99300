/**
 * Retention and churn for a period [start, end), with "active" defined by an inactivity window W
 * (days): a customer is active at a moment t when they bought something in [t - W, t).
 *
 * - S: customers active at the start.
 * - E: customers active at the end.
 * - N (`gained`): customers active at the end who were not active at the start: first-time
 *   buyers still active at the end plus lapsed customers who came back (`returning`).
 * - New customers (`newCustomers`): customers whose first purchase ever is in the period,
 *   whether or not they bought again in its last W days (a one-time buyer in January is a new
 *   customer of the year). So N and new customers differ: N is what the retention rate needs.
 * - lost: customers active at the start who are not active at the end (no purchase in the last
 *   W days of the period): they have churned.
 *
 * Retention rate = ((E - N) / S) x 100. Churn rate = lost / S x 100. Because E - N = S - lost,
 * retention + churn = 100 whenever S > 0. With no customers at the start (S = 0) both rates are
 * null: there was nobody to keep or lose.
 */
import { boughtIn, firstPurchase, type PurchaseIndex } from './purchase-index';
import { DAY_MS } from './time';
import type { Period } from './periods';

/** ((E - N) / S) x 100, or null when S is 0. */
export function retentionRate(S: number, E: number, N: number): number | null {
  return S === 0 ? null : ((E - N) / S) * 100;
}

/** lost / S x 100, or null when S is 0. */
export function churnRate(lost: number, S: number): number | null {
  return S === 0 ? null : (lost / S) * 100;
}

export interface RetentionSummary {
  atStart: number;
  atEnd: number;
  gained: number;
  newCustomers: number;
  returning: number;
  lost: number;
  retentionRate: number | null;
  churnRate: number | null;
}

export function computeRetention(
  idx: PurchaseIndex,
  period: Period,
  inactivityDays: number,
): RetentionSummary {
  const w = inactivityDays * DAY_MS;
  let S = 0;
  let E = 0;
  let newCustomers = 0;
  let returning = 0;
  let lost = 0;
  let gained = 0;
  for (let c = 0; c < idx.customerCount; c++) {
    const atStart = boughtIn(idx, c, period.start - w, period.start);
    const atEnd = boughtIn(idx, c, period.end - w, period.end);
    const first = firstPurchase(idx, c);
    if (first >= period.start && first < period.end) newCustomers++;
    if (atStart) S++;
    if (atEnd) E++;
    if (atStart && !atEnd) lost++;
    if (atEnd && !atStart) {
      gained++;
      if (!(first >= period.start)) returning++;
    }
  }
  const N = gained;
  return {
    atStart: S,
    atEnd: E,
    gained: N,
    newCustomers,
    returning,
    lost,
    retentionRate: retentionRate(S, E, N),
    churnRate: churnRate(lost, S),
  };
}

/** Customers who were active at the start and are not at the end: the ones to win back. */
export function lostCustomers(
  idx: PurchaseIndex,
  period: Period,
  inactivityDays: number,
): number[] {
  const w = inactivityDays * DAY_MS;
  const out: number[] = [];
  for (let c = 0; c < idx.customerCount; c++) {
    if (
      boughtIn(idx, c, period.start - w, period.start) &&
      !boughtIn(idx, c, period.end - w, period.end)
    )
      out.push(c);
  }
  return out;
}
