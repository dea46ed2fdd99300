/** The headline numbers of a report as a CSV table: one metric a row, this period and the previous. */
import type { TFunction } from 'i18next';
import type { PeriodMetrics, ReportResult } from '../../../shared/reports';
import type { Currency } from '../../../shared/money';
import type { CsvTable } from './export';
import { moneyCell } from './format';

const METRICS: [string, (m: PeriodMetrics) => number | null][] = [
  ['revenue', (m) => m.orders.revenue],
  ['orders', (m) => m.orders.orders],
  ['buyers', (m) => m.orders.buyers],
  ['aov', (m) => m.orders.aov],
  ['frequency', (m) => m.orders.frequency],
  ['retention', (m) => m.retention.retentionRate],
  ['churn', (m) => m.retention.churnRate],
  ['newCustomers', (m) => m.retention.newCustomers],
  ['nps', (m) => m.feedback.nps.nps],
  ['csat', (m) => m.feedback.csat.csat],
  ['ces', (m) => m.feedback.ces.ces],
  ['complaints', (m) => m.complaints.opened],
  ['mttr', (m) => m.complaints.meanHoursToResolve],
  ['liability', (m) => m.liability?.value ?? null],
];

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** Metrics that are amounts: written in the currency's major unit (12.5 for $12.50). */
const MONEY = new Set(['revenue', 'aov', 'liability']);

export function summaryCsv(result: ReportResult, t: TFunction, currency: Currency): CsvTable {
  const cell = (key: string, v: number | null) =>
    MONEY.has(key) ? moneyCell(v, currency) : round(v);
  const rows = METRICS.map(([key, get]) => [
    t(`reports.kpi.${key}`),
    cell(key, get(result.current)),
    result.previous ? cell(key, get(result.previous)) : null,
  ]);
  rows.push([t('reports.kpi.clv'), moneyCell(result.value.averageClv, currency), null]);
  return {
    header: [t('reports.csv.metric'), t('reports.csv.current'), t('reports.csv.previous')],
    rows,
  };
}
