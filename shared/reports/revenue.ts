/**
 * Revenue over time and the best customers.
 * Net revenue of a month = purchases - refunds made in that month; orders = purchases - whole
 * refunds; buyers = distinct customers with a purchase in the month.
 */
import { SALE_CANCEL, SALE_PURCHASE, type SalesColumns } from './dataset';
import { monthLocator } from './time';
import type { CustomerTotals } from './value';

export interface MonthRevenue {
  month: number;
  revenue: number;
  orders: number;
  buyers: number;
}

export function revenueByMonth(
  sales: SalesColumns,
  firstMonth: number,
  lastMonth: number,
  utcOffsetMinutes: number,
): MonthRevenue[] {
  const months = Math.max(0, lastMonth - firstMonth + 1);
  const out: MonthRevenue[] = Array.from({ length: months }, (_, i) => ({
    month: firstMonth + i,
    revenue: 0,
    orders: 0,
    buyers: 0,
  }));
  const buyerSets = out.map(() => new Set<number>());
  const locate = monthLocator(firstMonth, lastMonth, utcOffsetMinutes);
  for (let i = 0; i < sales.at.length; i++) {
    const k = locate(sales.at[i]!);
    if (k < 0) continue;
    const row = out[k]!;
    const kind = sales.kind[i]!;
    if (kind === SALE_PURCHASE) {
      row.revenue += sales.amount[i]!;
      row.orders++;
      buyerSets[k]!.add(sales.customer[i]!);
    } else {
      row.revenue -= sales.amount[i]!;
      if (kind === SALE_CANCEL) row.orders--;
    }
  }
  out.forEach((row, k) => (row.buyers = buyerSets[k]!.size));
  return out;
}

/** Customers with a purchase in [from, to). */
export function buyersBetween(sales: SalesColumns, from: number, to: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i < sales.at.length; i++) {
    const at = sales.at[i]!;
    if (sales.kind[i] === SALE_PURCHASE && at >= from && at < to) set.add(sales.customer[i]!);
  }
  return [...set].sort((a, b) => a - b);
}

export interface TopCustomer {
  customer: number;
  revenue: number;
  orders: number;
  lastAt: number;
}

/** The `limit` customers with the highest net revenue in the totals (ties: more orders first). */
export function topCustomers(totals: CustomerTotals, limit: number): TopCustomer[] {
  const ids: number[] = [];
  for (let c = 0; c < totals.revenue.length; c++)
    if (totals.revenue[c]! > 0 || totals.orders[c]! > 0) ids.push(c);
  ids.sort(
    (a, b) =>
      totals.revenue[b]! - totals.revenue[a]! || totals.orders[b]! - totals.orders[a]! || a - b,
  );
  return ids.slice(0, limit).map((c) => ({
    customer: c,
    revenue: totals.revenue[c]!,
    orders: totals.orders[c]!,
    lastAt: totals.last[c]!,
  }));
}
