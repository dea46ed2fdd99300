/**
 * The whole Reports screen from one dataset: the chosen period, the previous one to compare
 * with, and the trends around them. Pure and synchronous; the renderer runs it in a Web Worker
 * (renderer/features/reports/reports.worker.ts) and reports progress between the steps.
 */
import { complaintSummary, type ComplaintSummary } from './complaints';
import { computeCohorts, cohortMembers, type CohortRow } from './cohorts';
import type { LoyaltyDataset, ReportDataset } from './dataset';
import { feedbackByMonth, feedbackSummary, type FeedbackSummary } from './feedback';
import { expiryAwareBalances, pointsLiability, type LiabilitySummary } from './liability';
import { comparablePeriods, type ComparedPeriods, type Period } from './periods';
import { buildPurchaseIndex, type PurchaseIndex } from './purchase-index';
import { referralSummary, type ReferralSummary } from './referrals';
import { computeRetention, lostCustomers, type RetentionSummary } from './retention';
import {
  buyersBetween,
  revenueByMonth,
  topCustomers,
  type MonthRevenue,
  type TopCustomer,
} from './revenue';
import { computeRfm, segmentMembers, type RfmSegment } from './rfm';
import { monthIndex, monthStart } from './time';
import { customerTotals, orderSummary, valueSummary, type OrderSummary } from './value';

export interface ReportOptions {
  period: Period;
  /** Compare with the previous period. */
  compare: boolean;
  /** Days without a purchase after which a customer counts as lost. */
  inactivityDays: number;
  /** Expected customer lifespan in years, for CLV. */
  lifespanYears: number;
  /** Rupiah one point is worth, for the liability. */
  pointValue: number;
  /** The caller's UTC offset, for calendar months. */
  utcOffsetMinutes: number;
  /**
   * The moment the report is made. A period still running then is partial: measured up to now
   * and compared with the same time span of the previous period (comparablePeriods). Without
   * it, whole periods are compared.
   */
  now?: number;
  /** Months of trend to show (ending with the period's last month). */
  trendMonths: number;
  topLimit: number;
}

export const DEFAULT_REPORT_SETTINGS = {
  inactivityDays: 90,
  lifespanYears: 3,
  pointValue: 1,
  trendMonths: 12,
  topLimit: 10,
} as const;

export interface PeriodMetrics {
  /** The span measured: for a partial period, up to now (or the same span before). */
  period: Period;
  /** The period was still running: these metrics cover only the part so far. */
  partial: boolean;
  orders: OrderSummary;
  retention: RetentionSummary;
  feedback: FeedbackSummary;
  complaints: ComplaintSummary;
  /** Customers who came through a referral (first purchase in the period) and their advocates. */
  referrals: ReferralSummary;
  /** Null until the ledger is read (it comes after the sales reports). */
  liability: LiabilitySummary | null;
}

export interface RfmSummary {
  counts: number[];
  revenue: number[];
  grid: number[][];
  scored: number;
}

export interface ReportResult {
  /** False when there are no sales, answers or complaints at all: the screen's empty state. */
  hasData: boolean;
  current: PeriodMetrics;
  previous: PeriodMetrics | null;
  trend: MonthRevenue[];
  feedbackTrend: { month: number; summary: FeedbackSummary }[];
  cohorts: CohortRow[];
  rfm: RfmSummary;
  value: {
    customers: number;
    averageAov: number | null;
    averageFrequency: number | null;
    averageClv: number | null;
    lifespanYears: number;
  };
  top: (TopCustomer & { clv: number | null })[];
}

export type ProgressFn = (fraction: number, step: string) => void;

/** The periods a report measures and compares (see ReportOptions.now). */
export function reportPeriods(o: ReportOptions): ComparedPeriods {
  return comparablePeriods(o.period, o.now, o.utcOffsetMinutes);
}

function periodMetrics(
  d: ReportDataset,
  idx: PurchaseIndex,
  period: Period,
  partial: boolean,
  o: ReportOptions,
  loyalty: LoyaltyDataset | undefined,
): PeriodMetrics {
  return {
    period,
    partial,
    orders: orderSummary(d.sales, d.customerCount, period),
    retention: computeRetention(idx, period, o.inactivityDays),
    feedback: feedbackSummary(d.feedback, period.start, period.end),
    complaints: complaintSummary(d.complaints, period.start, period.end),
    referrals: referralSummary(d.referrals, idx, period.start, period.end),
    liability: loyalty ? periodLiability(loyalty, period, o) : null,
  };
}

/** Points owed at `asOfMs`, replayed from the ledger (the definition; see liability.ts). */
export function liabilityAt(
  loyalty: LoyaltyDataset,
  asOfMs: number,
  pointValue: number,
): LiabilitySummary {
  return pointsLiability(expiryAwareBalances(loyalty, asOfMs), pointValue);
}

/** Points owed at the end of a period (the moment just before `end`). */
function periodLiability(loyalty: LoyaltyDataset, period: Period, o: ReportOptions) {
  return liabilityAt(loyalty, period.end - 1, o.pointValue);
}

/**
 * The moments the liabilities are taken at: just before the end of the chosen period and,
 * when comparing, of the previous one (what computeLiability measures).
 */
export function liabilityMoments(o: ReportOptions): number[] {
  const p = reportPeriods(o);
  return o.compare ? [p.current.end - 1, p.previous.end - 1] : [p.current.end - 1];
}

/** The liability of the chosen period and of the previous one (when comparing). */
export function computeLiability(
  loyalty: LoyaltyDataset,
  o: ReportOptions,
): { current: LiabilitySummary; previous: LiabilitySummary | null } {
  const p = reportPeriods(o);
  return {
    current: periodLiability(loyalty, p.current, o),
    previous: o.compare ? periodLiability(loyalty, p.previous, o) : null,
  };
}

/** The month range of the trends: `trendMonths` months ending with the period's last month. */
export function trendRange(o: ReportOptions): { first: number; last: number } {
  const last = monthIndex(o.period.end - 1, o.utcOffsetMinutes);
  const first = Math.min(
    monthIndex(o.period.start, o.utcOffsetMinutes),
    last - Math.max(1, o.trendMonths) + 1,
  );
  return { first, last };
}

/**
 * `loyalty` adds the points liability; without it `liability` is null (the screen computes it
 * separately with computeLiability once the ledger is read).
 */
export function computeReport(
  d: ReportDataset,
  o: ReportOptions,
  onProgress: ProgressFn = () => {},
  loyalty?: LoyaltyDataset,
): ReportResult {
  onProgress(0.05, 'index');
  const idx = buildPurchaseIndex(d.sales, d.customerCount);
  onProgress(0.25, 'period');
  const p = reportPeriods(o);
  const current = periodMetrics(d, idx, p.current, p.partial, o, loyalty);
  const previous = o.compare ? periodMetrics(d, idx, p.previous, p.partial, o, loyalty) : null;
  onProgress(0.5, 'trend');
  const { first, last } = trendRange(o);
  const trend = revenueByMonth(d.sales, first, last, o.utcOffsetMinutes);
  const feedbackTrend = feedbackByMonth(d.feedback, first, last, o.utcOffsetMinutes);
  onProgress(0.65, 'cohorts');
  const cohorts = computeCohorts(idx, first, last, o.utcOffsetMinutes);
  onProgress(0.8, 'rfm');
  // As of the end of what is measured: now, for a period still running.
  const asOf = p.current.end;
  const lifetime = customerTotals(d.sales, d.customerCount, -Infinity, asOf);
  const rfm = computeRfm(lifetime, asOf);
  const value = valueSummary(lifetime, asOf, o.lifespanYears);
  const inPeriod = customerTotals(d.sales, d.customerCount, o.period.start, asOf);
  const top = topCustomers(inPeriod, o.topLimit).map((t) => {
    const v = value.clv[t.customer]!;
    return { ...t, clv: Number.isNaN(v) ? null : v };
  });
  onProgress(1, 'done');
  return {
    hasData: d.sales.at.length + d.feedback.at.length + d.complaints.at.length > 0,
    current,
    previous,
    trend,
    feedbackTrend,
    cohorts,
    rfm: { counts: rfm.counts, revenue: rfm.revenue, grid: rfm.grid, scored: rfm.customers.length },
    value: {
      customers: value.customers,
      averageAov: value.averageAov,
      averageFrequency: value.averageFrequency,
      averageClv: value.averageClv,
      lifespanYears: value.lifespanYears,
    },
    top,
  };
}

/** Every customer's R, F, M scores and segment (index in RFM_SEGMENTS), for a contact page or an export. */
export interface RfmScores {
  /** Customer numbers with a purchase before the moment, ascending. */
  customers: Int32Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Uint8Array;
}

/**
 * Each customer's scores as of `asOf` over all their purchases before it, among every customer
 * of the book: the same scoring as the report's RFM panel (rfm.ts).
 */
export function rfmScoresAsOf(d: ReportDataset, asOf: number): RfmScores {
  const rfm = computeRfm(customerTotals(d.sales, d.customerCount, -Infinity, asOf), asOf);
  return { customers: rfm.customers, r: rfm.r, f: rfm.f, m: rfm.m, segment: rfm.segment };
}

/** Which customers a click on a chart stands for. */
export type DrillQuery =
  | { kind: 'segment'; segment: RfmSegment }
  | { kind: 'rfmCell'; r: number; fm: number }
  | { kind: 'month'; month: number }
  | { kind: 'cohort'; month: number; offset: number }
  | { kind: 'lost' };

/** The customer numbers behind a click, sorted. */
export function drillCustomers(d: ReportDataset, o: ReportOptions, q: DrillQuery): number[] {
  const current = reportPeriods(o).current;
  switch (q.kind) {
    case 'segment':
    case 'rfmCell': {
      const rfm = computeRfm(
        customerTotals(d.sales, d.customerCount, -Infinity, current.end),
        current.end,
      );
      if (q.kind === 'segment') return segmentMembers(rfm, q.segment);
      const out: number[] = [];
      for (let i = 0; i < rfm.customers.length; i++)
        if (rfm.r[i] === q.r && rfm.fm[i] === q.fm) out.push(rfm.customers[i]!);
      return out;
    }
    case 'month':
      return buyersBetween(
        d.sales,
        monthStart(q.month, o.utcOffsetMinutes),
        monthStart(q.month + 1, o.utcOffsetMinutes),
      );
    case 'cohort':
      return cohortMembers(
        buildPurchaseIndex(d.sales, d.customerCount),
        q.month,
        q.offset,
        o.utcOffsetMinutes,
      );
    case 'lost':
      return lostCustomers(buildPurchaseIndex(d.sales, d.customerCount), current, o.inactivityDays);
  }
}
