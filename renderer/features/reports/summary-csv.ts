/** The headline numbers of a report as a CSV table: one metric a row, this period and the previous. */
import type { TFunction } from 'i18next';
import type { PeriodMetrics, ReportResult } from '../../../shared/reports';
import type { CsvTable } from './export';

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

export function summaryCsv(result: ReportResult, t: TFunction): CsvTable {
  const rows = METRICS.map(([key, get]) => [
    t(`reports.kpi.${key}`),
    round(get(result.current)),
    result.previous ? round(get(result.previous)) : null,
  ]);
  rows.push([t('reports.kpi.clv'), round(result.value.averageClv), null]);
  return {
    header: [t('reports.csv.metric'), t('reports.csv.current'), t('reports.csv.previous')],
    rows,
  };
}
