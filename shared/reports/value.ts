/**
 * Money per order and per customer.
 *
 * Net revenue = purchases - refunds (a refund counts when it happens). Orders = purchases - whole
 * refunds (SALE_CANCEL): a purchase returned in full is not an order.
 *
 * - Average order value: AOV = net revenue / orders.
 * - Purchase frequency: orders / distinct buyers.
 * - Customer value, per customer c as of a moment T:
 *     AOV_c = revenue_c / orders_c,
 *     frequency_c = orders_c / max(tenure_c, 1) orders a year, where tenure_c is the years from
 *       c's first purchase to T (a customer younger than a year is counted over one year, so one
 *       purchase last week is not read as 50 a year),
 *     CLV_c = AOV_c x frequency_c x lifespan, lifespan being the years a customer is expected to
 *       stay (a setting).
 *   The averages are the means over customers with at least one order.
 */
import { SALE_CANCEL, SALE_PURCHASE, type SalesColumns } from './dataset';
import type { Period } from './periods';
import { YEAR_MS } from './time';

export interface CustomerTotals {
  orders: Int32Array;
  revenue: Float64Array;
  first: Float64Array;
  last: Float64Array;
}

/** Each customer's orders, net revenue and first/last purchase over sales in [from, to). */
export function customerTotals(
  sales: SalesColumns,
  customerCount: number,
  from: number,
  to: number,
): CustomerTotals {
  const orders = new Int32Array(customerCount);
  const revenue = new Float64Array(customerCount);
  const first = new Float64Array(customerCount).fill(Number.NaN);
  const last = new Float64Array(customerCount).fill(Number.NaN);
  const n = sales.kind.length;
  for (let i = 0; i < n; i++) {
    const at = sales.at[i]!;
    if (at < from || at >= to) continue;
    const c = sales.customer[i]!;
    const kind = sales.kind[i]!;
    if (kind === SALE_PURCHASE) {
      orders[c]!++;
      revenue[c]! += sales.amount[i]!;
      if (!(first[c]! <= at)) first[c] = at;
      if (!(last[c]! >= at)) last[c] = at;
    } else {
      revenue[c]! -= sales.amount[i]!;
      if (kind === SALE_CANCEL) orders[c]!--;
    }
  }
  return { orders, revenue, first, last };
}

export interface OrderSummary {
  revenue: number;
  orders: number;
  buyers: number;
  /** Net revenue / orders; null without orders. */
  aov: number | null;
  /** Orders / buyers; null without buyers. */
  frequency: number | null;
}

/** AOV = revenue / orders, frequency = orders / buyers, over sales in the period. */
export function orderSummary(sales: SalesColumns, customerCount: number, p: Period): OrderSummary {
  const t = customerTotals(sales, customerCount, p.start, p.end);
  let revenue = 0;
  let orders = 0;
  let buyers = 0;
  for (let c = 0; c < customerCount; c++) {
    revenue += t.revenue[c]!;
    orders += t.orders[c]!;
    if (!Number.isNaN(t.first[c]!)) buyers++;
  }
  return {
    revenue,
    orders,
    buyers,
    aov: orders > 0 ? revenue / orders : null,
    frequency: buyers > 0 ? orders / buyers : null,
  };
}

/** CLV = AOV x frequency (orders a year) x lifespan (years). */
export function customerValue(
  aov: number,
  frequencyPerYear: number,
  lifespanYears: number,
): number {
  return aov * frequencyPerYear * lifespanYears;
}

export interface ValueSummary {
  customers: number;
  averageAov: number | null;
  averageFrequency: number | null;
  averageClv: number | null;
  lifespanYears: number;
  /** CLV per customer (NaN for a customer without orders). */
  clv: Float64Array;
}

/** Customer value per customer and on average, over all history before `asOf`. */
export function valueSummary(
  totals: CustomerTotals,
  asOf: number,
  lifespanYears: number,
): ValueSummary {
  const n = totals.orders.length;
  const clv = new Float64Array(n).fill(Number.NaN);
  let customers = 0;
  let sumAov = 0;
  let sumFreq = 0;
  let sumClv = 0;
  for (let c = 0; c < n; c++) {
    const orders = totals.orders[c]!;
    if (orders <= 0) continue;
    const aov = totals.revenue[c]! / orders;
    const tenure = Math.max((asOf - totals.first[c]!) / YEAR_MS, 1);
    const freq = orders / tenure;
    const v = customerValue(aov, freq, lifespanYears);
    clv[c] = v;
    customers++;
    sumAov += aov;
    sumFreq += freq;
    sumClv += v;
  }
  return {
    customers,
    averageAov: customers ? sumAov / customers : null,
    averageFrequency: customers ? sumFreq / customers : null,
    averageClv: customers ? sumClv / customers : null,
    lifespanYears,
    clv,
  };
}
