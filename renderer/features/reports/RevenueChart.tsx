import { Anchor, Table } from '@mantine/core';
import type { Chart as ChartJS } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { monthKey, type MonthRevenue } from '../../../shared/reports';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { ChartCard } from './ChartCard';
import { ChartTable } from './ChartTable';
import { COLORS } from './chart-setup';
import { money, moneyCell, moneyCompact, monthLabel, num } from './format';

/** Net revenue per month (bars) and buyers (line); a click on a bar lists that month's buyers. */
export function RevenueChart({
  months,
  fileName,
  onDrill,
}: {
  months: MonthRevenue[];
  fileName: string;
  onDrill: (month: number) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { currency } = useShop();
  const ref = useRef<ChartJS | null>(null);
  const labels = months.map((m) => monthLabel(m.month, locale));
  const csv = () => ({
    header: [
      t('reports.csv.month'),
      t('reports.csv.revenue', { currency: currency.code.toLowerCase() }),
      t('reports.csv.orders'),
      t('reports.csv.buyers'),
    ],
    rows: months.map((m) => [
      monthKey(m.month),
      moneyCell(m.revenue, currency),
      m.orders,
      m.buyers,
    ]),
  });
  const table = (
    <ChartTable
      testId="revenue-table"
      columns={[
        { label: t('reports.revenue.month') },
        { label: t('reports.revenue.revenue'), numeric: true },
        { label: t('reports.revenue.orders'), numeric: true },
        { label: t('reports.revenue.buyers'), numeric: true },
        {},
      ]}
      hover
    >
      {months.map((m, i) => (
        <Table.Tr key={m.month}>
          <Table.Td>{labels[i]}</Table.Td>
          <Table.Td ta="right">{money(m.revenue, locale, currency)}</Table.Td>
          <Table.Td ta="right">{num(m.orders, locale)}</Table.Td>
          <Table.Td ta="right">{num(m.buyers, locale)}</Table.Td>
          <Table.Td ta="right">
            {m.buyers > 0 && (
              <Anchor component="button" type="button" size="xs" onClick={() => onDrill(m.month)}>
                {t('reports.chart.showCustomers')}
              </Anchor>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </ChartTable>
  );
  return (
    <ChartCard
      title={t('reports.revenue.title')}
      help={t('reports.chart.clickHint')}
      testId="chart-revenue"
      fileName={fileName}
      csv={csv}
      chartRef={ref}
      table={table}
    >
      <div style={{ height: 280, position: 'relative' }}>
        <Chart
          ref={ref}
          type="bar"
          aria-label={t('reports.revenue.title')}
          role="img"
          data={{
            labels,
            datasets: [
              {
                type: 'bar' as const,
                label: t('reports.revenue.revenue'),
                data: months.map((m) => m.revenue),
                backgroundColor: COLORS.revenue,
                yAxisID: 'y',
                order: 2,
              },
              {
                type: 'line' as const,
                label: t('reports.revenue.buyers'),
                data: months.map((m) => m.buyers),
                borderColor: COLORS.buyers,
                backgroundColor: COLORS.buyers,
                yAxisID: 'y1',
                tension: 0.3,
                order: 1,
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            locale,
            interaction: { mode: 'index', intersect: false },
            onClick: (_e, elements) => {
              const i = elements[0]?.index;
              if (i !== undefined && months[i] && months[i].buyers > 0) onDrill(months[i].month);
            },
            onHover: (e, elements) => {
              const target = e.native?.target as HTMLElement | undefined;
              if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
            },
            scales: {
              y: {
                beginAtZero: true,
                ticks: { callback: (v) => moneyCompact(Number(v), locale, currency) },
              },
              y1: {
                beginAtZero: true,
                position: 'right',
                grid: { drawOnChartArea: false },
                ticks: { precision: 0, callback: (v) => num(Number(v), locale) },
              },
            },
            plugins: {
              tooltip: {
                callbacks: {
                  label: (ctx) =>
                    ctx.dataset.yAxisID === 'y'
                      ? `${ctx.dataset.label}: ${money(ctx.parsed.y, locale, currency)}`
                      : `${ctx.dataset.label}: ${num(ctx.parsed.y, locale)}`,
                },
              },
            },
          }}
        />
      </div>
    </ChartCard>
  );
}
