/**
 * Per-month figures of one customer (the survivor and every contact merged into it), the unit
 * a kept month-bucket table would be updated by (issue #16 item 3; not kept yet): when an event
 * touches a customer, subtract the customer's old months from the month totals and add the new
 * ones, in the same transaction; `buyers` stays exact because each customer counts once per
 * month. The report's trend (shared/reports/revenue.ts revenueByMonth) is the sum over
 * customers (tests/unit/derived/month-buckets.test.ts).
 *
 * Months are month indexes (shared/reports/time.ts) at a fixed UTC offset: kept buckets answer
 * a report taken at that offset only.
 */
import { withoutMergedDuplicateBonuses } from '../loyalty/merged-bonuses';
import { refundCancels } from '../reports/refunds';
import { monthIndex } from '../reports/time';
import type { LedgerEvent, SaleEvent } from './customer-figures';

export interface MonthFigures {
  /** Purchases minus refunds made in the month. */
  revenue: number;
  /** Purchases minus refunds that cancel a whole purchase. */
  orders: number;
  /** 1 when the customer bought in the month (summed: the month's buyers). */
  buyers: number;
  /** Money refunded in the month. */
  refunded: number;
  /** Points credited (earned, bonuses, positive adjustments) and debited in the month. */
  pointsIn: number;
  pointsOut: number;
}

const empty = (): MonthFigures => ({
  revenue: 0,
  orders: 0,
  buyers: 0,
  refunded: 0,
  pointsIn: 0,
  pointsOut: 0,
});

/** One customer's months with any figure, from their events (tombstoned ones left out). */
export function customerMonths(
  sales: readonly SaleEvent[],
  ledger: readonly LedgerEvent[],
  utcOffsetMinutes: number,
): Map<number, MonthFigures> {
  const out = new Map<number, MonthFigures>();
  const at = (ms: number) => {
    const k = monthIndex(ms, utcOffsetMinutes);
    let m = out.get(k);
    if (!m) out.set(k, (m = empty()));
    return m;
  };
  // A refund's purchase may be tombstoned since: it still says whether the refund cancels it.
  const byId = new Map(sales.map((s) => [s.id, s]));
  const live = sales.filter((s) => s.deletedAt === undefined);
  const refunds = live.filter((s) => s.kind === 'refund');
  const facts = refunds.map((r) => ({ at: Date.parse(r.at), amount: r.amount }));
  const cancels = refundCancels(
    facts,
    refunds.map((r) => (r.reversesId === undefined ? undefined : byId.get(r.reversesId))),
  );
  for (const s of live) {
    if (s.kind !== 'purchase') continue;
    const m = at(Date.parse(s.at));
    m.revenue += s.amount;
    m.orders++;
    m.buyers = 1;
  }
  refunds.forEach((r, i) => {
    const m = at(facts[i]!.at);
    m.revenue -= r.amount;
    m.refunded += r.amount;
    if (cancels[i]) m.orders--;
  });
  const entries = withoutMergedDuplicateBonuses(ledger.filter((e) => e.deletedAt === undefined));
  for (const e of entries) {
    const m = at(Date.parse(e.at));
    if (e.points > 0) m.pointsIn += e.points;
    else m.pointsOut -= e.points;
  }
  return out;
}

/** Add (sign 1) or take away (sign -1) one customer's months from the month totals. */
export function addMonths(
  totals: Map<number, MonthFigures>,
  months: ReadonlyMap<number, MonthFigures>,
  sign: 1 | -1,
): void {
  for (const [k, m] of months) {
    let t = totals.get(k);
    if (!t) totals.set(k, (t = empty()));
    t.revenue += sign * m.revenue;
    t.orders += sign * m.orders;
    t.buyers += sign * m.buyers;
    t.refunded += sign * m.refunded;
    t.pointsIn += sign * m.pointsIn;
    t.pointsOut += sign * m.pointsOut;
  }
}
