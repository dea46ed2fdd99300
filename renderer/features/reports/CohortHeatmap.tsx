import { Anchor, ScrollArea, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monthKey, type CohortRow } from '../../../shared/reports';
import { useLocale } from '../../i18n/useLocale';
import { ChartCard } from './ChartCard';
import { num, pct } from './format';
import { monthLabel } from './format';

/** Blue with strength by rate: a heatmap that still reads in grey. */
function heat(rate: number): { bg: string; color: string } {
  const alpha = 0.08 + (Math.min(100, Math.max(0, rate)) / 100) * 0.85;
  return { bg: `rgba(28, 126, 214, ${alpha.toFixed(3)})`, color: alpha > 0.5 ? '#fff' : '#1a1b1e' };
}

/**
 * Cohort retention heatmap: one row per first-purchase month, one column per month since. A
 * cell opens the customers of that cohort who bought in that month.
 */
export function CohortHeatmap({
  cohorts,
  fileName,
  onDrill,
}: {
  cohorts: CohortRow[];
  fileName: string;
  onDrill: (cohortMonth: number, k: number, label: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const width = cohorts.length;
  const rows = cohorts.filter((c) => c.size > 0);
  const csv = () => ({
    header: [
      t('reports.csv.cohort'),
      t('reports.csv.size'),
      ...Array.from({ length: width }, (_, k) => `m${k}`),
    ],
    rows: cohorts.map((c) => [
      monthKey(c.month),
      c.size,
      ...c.rates.map((r) => (r === null ? null : Math.round(r * 10) / 10)),
    ]),
  });

  const heatmap = (asTable: boolean) => (
    <ScrollArea>
      <Table
        withTableBorder
        withColumnBorders={asTable}
        fz="xs"
        data-testid={asTable ? 'cohort-table' : 'cohort-heatmap'}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.cohorts.cohort')}</Table.Th>
            <Table.Th ta="right">{t('reports.cohorts.size')}</Table.Th>
            {Array.from({ length: width }, (_, k) => (
              <Table.Th key={k} ta="center">
                {t('reports.cohorts.month', { k })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => {
            const cohort = monthLabel(c.month, locale);
            return (
              <Table.Tr key={c.month}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{cohort}</Table.Td>
                <Table.Td ta="right">{num(c.size, locale)}</Table.Td>
                {c.rates.map((rate, k) => {
                  if (rate === null) return <Table.Td key={k} />;
                  const count = c.retained[k]!;
                  const label = t('reports.cohorts.cellLabel', {
                    cohort,
                    k,
                    rate: pct(rate, locale, 0),
                    count,
                  });
                  if (asTable)
                    return (
                      <Table.Td key={k} ta="center">
                        {count > 0 ? (
                          <Anchor
                            component="button"
                            type="button"
                            fz="xs"
                            onClick={() =>
                              onDrill(c.month, k, t('reports.cohorts.drillLabel', { cohort, k }))
                            }
                          >
                            {pct(rate, locale, 0)} ({num(count, locale)})
                          </Anchor>
                        ) : (
                          pct(rate, locale, 0)
                        )}
                      </Table.Td>
                    );
                  const { bg, color } = heat(rate);
                  return (
                    <Table.Td key={k} p={2}>
                      <Tooltip label={label}>
                        <UnstyledButton
                          aria-label={label}
                          disabled={count === 0}
                          onClick={() =>
                            onDrill(c.month, k, t('reports.cohorts.drillLabel', { cohort, k }))
                          }
                          w="100%"
                          ta="center"
                          py={6}
                          style={{ background: bg, color, borderRadius: 3, fontSize: 11 }}
                        >
                          {pct(rate, locale, 0)}
                        </UnstyledButton>
                      </Tooltip>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('reports.top.empty')}
        </Text>
      )}
    </ScrollArea>
  );

  return (
    <ChartCard
      title={t('reports.cohorts.title')}
      help={t('reports.cohorts.help')}
      testId="chart-cohorts"
      fileName={fileName}
      csv={csv}
      table={heatmap(true)}
    >
      {heatmap(false)}
    </ChartCard>
  );
}
