import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import type { Chart } from 'chart.js';
import { useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvTable } from './export';
import { useReportExport } from './useReportExport';
import { InfoTip } from './InfoTip';

/**
 * A titled report panel that shows its data as a chart or as a table, and exports it (CSV
 * always; PNG when it has a Chart.js chart).
 */
export function ChartCard({
  title,
  help,
  info,
  testId,
  fileName,
  csv,
  chartRef,
  table,
  children,
}: {
  title: string;
  help?: string;
  /** How it is computed, in plain words, behind an "i" beside the title. */
  info?: { label: string; text: string };
  testId: string;
  fileName: string;
  csv: () => CsvTable;
  chartRef?: RefObject<Chart | null>;
  /** The data as a table; without it the card has no chart/table switch. */
  table?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const exporter = useReportExport();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" className="kenal-split">
          <div>
            <Group gap={4} wrap="nowrap">
              <Title order={3} size="h5">
                {title}
              </Title>
              {info && <InfoTip label={info.label} text={info.text} testId={`${testId}-info`} />}
            </Group>
            {help && (
              <Text size="xs" c="dimmed">
                {help}
              </Text>
            )}
          </div>
          <Group gap="xs" wrap="nowrap" className="kenal-split-actions">
            {table !== undefined && (
              <SegmentedControl
                size="xs"
                aria-label={t('reports.chart.view')}
                value={view}
                onChange={(v) => setView(v as 'chart' | 'table')}
                data={[
                  { value: 'chart', label: t('reports.chart.showChart') },
                  { value: 'table', label: t('reports.chart.showTable') },
                ]}
              />
            )}
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileSpreadsheet size={14} />}
              aria-label={t('reports.chart.exportCsvLabel', { title })}
              onClick={() => void exporter.csv(fileName, csv())}
            >
              {t('reports.chart.exportCsv')}
            </Button>
            {chartRef && view === 'chart' && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPhoto size={14} />}
                aria-label={t('reports.chart.exportPngLabel', { title })}
                onClick={() => void exporter.png(fileName, chartRef.current)}
              >
                {t('reports.chart.exportPng')}
              </Button>
            )}
          </Group>
        </Group>
        {view === 'chart' || table === undefined ? children : table}
      </Stack>
    </Paper>
  );
}
