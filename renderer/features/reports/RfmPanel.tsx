import {
  Anchor,
  Box,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import type { Chart as ChartJS } from 'chart.js';
import { useRef } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import {
  RFM_SEGMENTS,
  SEGMENT_TABLE,
  type RfmSegment,
  type RfmSummary,
} from '../../../shared/reports';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { ChartCard } from './ChartCard';
import { ChartTable } from './ChartTable';
import { money, moneyCell, num, pct } from './format';
import { SEGMENT_COLORS, SEGMENT_HEX } from './segments';

/**
 * The RFM segments: a 5 x 5 grid (recency down, frequency & money across) coloured by segment,
 * and the segment sizes. Clicking a cell or a segment opens those customers in the contact list.
 */
export function RfmPanel({
  rfm,
  fileName,
  onSegment,
  onCell,
}: {
  rfm: RfmSummary;
  fileName: string;
  onSegment: (s: RfmSegment) => void;
  onCell: (r: number, fm: number) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { currency } = useShop();
  const ref = useRef<ChartJS<'bar'> | null>(null);
  const name = (s: RfmSegment) => t(`reports.rfm.segments.${s}`);
  const total = rfm.scored;
  const csv = () => ({
    header: [
      t('reports.csv.segment'),
      t('reports.csv.customers'),
      t('reports.csv.revenue', { currency: currency.code.toLowerCase() }),
    ],
    rows: RFM_SEGMENTS.map((s, i) => [
      name(s),
      rfm.counts[i]!,
      moneyCell(rfm.revenue[i]!, currency),
    ]),
  });

  const grid = (
    <Stack gap={4} data-testid="rfm-grid">
      <Text size="xs" fw={600}>
        {t('reports.rfm.gridTitle')}
      </Text>
      <Group gap={6} align="stretch" wrap="nowrap">
        <Text
          size="xs"
          c="dimmed"
          style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}
          ta="center"
        >
          {t('reports.rfm.recency')}
        </Text>
        <Box
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto repeat(5, minmax(44px, 1fr))',
            gap: 3,
            flex: 1,
          }}
        >
          {[5, 4, 3, 2, 1].map((r) => [
            <Text key={`r${r}`} size="xs" c="dimmed" style={{ alignSelf: 'center' }}>
              {r}
            </Text>,
            ...[1, 2, 3, 4, 5].map((fm) => {
              const segment = SEGMENT_TABLE[r - 1]![fm - 1]!;
              const count = rfm.grid[r - 1]![fm - 1]!;
              const label = t('reports.rfm.cellLabel', { r, fm, count, segment: name(segment) });
              return (
                <Tooltip key={`${r}-${fm}`} label={label}>
                  <UnstyledButton
                    aria-label={label}
                    data-testid={`rfm-cell-${r}-${fm}`}
                    disabled={count === 0}
                    onClick={() => onCell(r, fm)}
                    bg={`${SEGMENT_COLORS[segment]}.${count > 0 ? 2 : 0}`}
                    c={count > 0 ? 'dark' : 'dimmed'}
                    ta="center"
                    py={8}
                    style={{
                      borderRadius: 4,
                      cursor: count > 0 ? 'pointer' : 'default',
                      fontSize: 12,
                    }}
                  >
                    {num(count, locale)}
                  </UnstyledButton>
                </Tooltip>
              );
            }),
          ])}
          <span />
          {[1, 2, 3, 4, 5].map((fm) => (
            <Text key={`fm${fm}`} size="xs" c="dimmed" ta="center">
              {fm}
            </Text>
          ))}
        </Box>
      </Group>
      <Text size="xs" c="dimmed" ta="center">
        {t('reports.rfm.fm')}
      </Text>
    </Stack>
  );

  const table = (
    <ChartTable
      testId="rfm-table"
      columns={[
        { label: t('reports.rfm.segment') },
        { label: t('reports.rfm.customers'), numeric: true },
        { label: t('reports.rfm.share'), numeric: true },
        { label: t('reports.rfm.revenue'), numeric: true },
        {},
      ]}
    >
      {RFM_SEGMENTS.map((s, i) => (
        <Table.Tr key={s}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {name(s)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`reports.rfm.advice.${s}`)}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{num(rfm.counts[i]!, locale)}</Table.Td>
          <Table.Td ta="right">
            {total ? pct((rfm.counts[i]! / total) * 100, locale, 0) : '—'}
          </Table.Td>
          <Table.Td ta="right">{money(rfm.revenue[i]!, locale, currency)}</Table.Td>
          <Table.Td ta="right">
            {rfm.counts[i]! > 0 && (
              <Anchor component="button" type="button" size="xs" onClick={() => onSegment(s)}>
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
      title={t('reports.rfm.title')}
      help={t('reports.rfm.help')}
      info={{ label: t('reports.rfm.scoringLabel'), text: t('reports.rfm.scoring') }}
      testId="chart-rfm"
      fileName={fileName}
      csv={csv}
      chartRef={ref as never}
      table={table}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {grid}
        <Stack gap={4}>
          <div style={{ height: 260, position: 'relative' }}>
            <Bar
              ref={ref}
              aria-label={t('reports.rfm.title')}
              role="img"
              data={{
                labels: RFM_SEGMENTS.map(name),
                datasets: [
                  {
                    label: t('reports.rfm.customers'),
                    data: rfm.counts,
                    backgroundColor: RFM_SEGMENTS.map((s) => SEGMENT_HEX[s]),
                  },
                ],
              }}
              options={{
                indexAxis: 'y',
                maintainAspectRatio: false,
                animation: false,
                locale,
                plugins: { legend: { display: false } },
                scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
                onClick: (_e, elements) => {
                  const i = elements[0]?.index;
                  if (i !== undefined && rfm.counts[i]! > 0) onSegment(RFM_SEGMENTS[i]!);
                },
                onHover: (e, elements) => {
                  const target = e.native?.target as HTMLElement | undefined;
                  if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
                },
              }}
            />
          </div>
          <Group gap={6}>
            {RFM_SEGMENTS.filter((s, i) => rfm.counts[i]! > 0).map((s) => (
              <Anchor
                key={s}
                component="button"
                type="button"
                size="xs"
                data-testid={`segment-${s}`}
                onClick={() => onSegment(s)}
              >
                {name(s)} ({num(rfm.counts[RFM_SEGMENTS.indexOf(s)]!, locale)})
              </Anchor>
            ))}
          </Group>
        </Stack>
      </SimpleGrid>
    </ChartCard>
  );
}
