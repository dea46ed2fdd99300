import { Table, Text } from '@mantine/core';
import type { Chart as ChartJS } from 'chart.js';
import { useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { monthKey, type FeedbackSummary } from '../../../shared/reports';
import { useLocale } from '../../i18n/useLocale';
import { ChartCard } from './ChartCard';
import { ChartTable } from './ChartTable';
import { COLORS } from './chart-setup';
import { monthLabel, num, pct } from './format';

/** NPS answers per month as a stacked bar (promoters / passives / detractors), with CSAT and CES. */
export function SatisfactionPanel({
  months,
  fileName,
}: {
  months: { month: number; summary: FeedbackSummary }[];
  fileName: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const ref = useRef<ChartJS<'bar'> | null>(null);
  const labels = months.map((m) => monthLabel(m.month, locale));
  const any = months.some(
    (m) => m.summary.nps.count + m.summary.csat.count + m.summary.ces.count > 0,
  );
  const csv = () => ({
    header: [
      t('reports.csv.month'),
      t('reports.csv.promoters'),
      t('reports.csv.passives'),
      t('reports.csv.detractors'),
      t('reports.csv.nps'),
      t('reports.csv.csatCount'),
      t('reports.csv.csat'),
      t('reports.csv.cesCount'),
      t('reports.csv.ces'),
    ],
    rows: months.map(({ month, summary: s }) => [
      monthKey(month),
      s.nps.promoters,
      s.nps.passives,
      s.nps.detractors,
      s.nps.nps,
      s.csat.count,
      s.csat.csat,
      s.ces.count,
      s.ces.ces,
    ]),
  });
  const table = (
    <ChartTable
      testId="satisfaction-table"
      columns={[
        { label: t('reports.satisfaction.month') },
        { label: t('reports.satisfaction.promoters'), numeric: true },
        { label: t('reports.satisfaction.passives'), numeric: true },
        { label: t('reports.satisfaction.detractors'), numeric: true },
        { label: t('reports.satisfaction.nps'), numeric: true },
        { label: t('reports.satisfaction.csat'), numeric: true },
        { label: t('reports.satisfaction.ces'), numeric: true },
      ]}
    >
      {months.map(({ month, summary: s }, i) => (
        <Table.Tr key={month}>
          <Table.Td>{labels[i]}</Table.Td>
          <Table.Td ta="right">{num(s.nps.promoters, locale)}</Table.Td>
          <Table.Td ta="right">{num(s.nps.passives, locale)}</Table.Td>
          <Table.Td ta="right">{num(s.nps.detractors, locale)}</Table.Td>
          <Table.Td ta="right">{num(s.nps.nps, locale)}</Table.Td>
          <Table.Td ta="right">
            {pct(s.csat.csat, locale, 0)}{' '}
            {s.csat.count > 0 && (
              <Text span c="dimmed" size="xs">
                ({s.csat.count})
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">
            {num(s.ces.ces, locale, 1)}{' '}
            {s.ces.count > 0 && (
              <Text span c="dimmed" size="xs">
                ({s.ces.count})
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </ChartTable>
  );
  return (
    <ChartCard
      title={t('reports.satisfaction.title')}
      help={t('reports.satisfaction.help')}
      testId="chart-satisfaction"
      fileName={fileName}
      csv={csv}
      chartRef={ref as never}
      table={table}
    >
      {!any ? (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          {t('reports.satisfaction.noAnswers')}
        </Text>
      ) : (
        <div style={{ height: 280, position: 'relative' }}>
          <Bar
            ref={ref}
            aria-label={t('reports.satisfaction.title')}
            role="img"
            data={{
              labels,
              datasets: [
                {
                  label: t('reports.satisfaction.promoters'),
                  data: months.map((m) => m.summary.nps.promoters),
                  backgroundColor: COLORS.promoters,
                },
                {
                  label: t('reports.satisfaction.passives'),
                  data: months.map((m) => m.summary.nps.passives),
                  backgroundColor: COLORS.passives,
                },
                {
                  label: t('reports.satisfaction.detractors'),
                  data: months.map((m) => m.summary.nps.detractors),
                  backgroundColor: COLORS.detractors,
                },
              ],
            }}
            options={{
              maintainAspectRatio: false,
              animation: false,
              locale,
              scales: {
                x: { stacked: true },
                y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
              },
              plugins: {
                tooltip: {
                  callbacks: {
                    footer: (items) => {
                      const m = months[items[0]?.dataIndex ?? -1];
                      return m
                        ? `${t('reports.satisfaction.nps')}: ${num(m.summary.nps.nps, locale)}`
                        : '';
                    },
                  },
                },
              },
            }}
          />
        </div>
      )}
    </ChartCard>
  );
}
