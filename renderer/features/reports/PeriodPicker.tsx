import { ActionIcon, Group, SegmentedControl, Switch, Text, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type Period, type PeriodKind } from '../../../shared/reports';
import { useLocale } from '../../i18n/useLocale';
import { periodLabel } from './format';

export type DateRange = [string | null, string | null];

/** Month / quarter / year / custom, with steps back and forth and the comparison switch. */
export function PeriodPicker({
  kind,
  onKind,
  period,
  offset,
  onStep,
  range,
  onRange,
  compare,
  onCompare,
}: {
  kind: PeriodKind;
  onKind: (k: PeriodKind) => void;
  period: Period;
  offset: number;
  onStep: (steps: number) => void;
  range: DateRange;
  onRange: (r: DateRange) => void;
  compare: boolean;
  onCompare: (c: boolean) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const label = periodLabel(period, offset, locale, (quarter, year) =>
    t('reports.period.quarterLabel', { quarter, year }),
  );
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('reports.period.label')}
        value={kind}
        onChange={(v) => onKind(v as PeriodKind)}
        data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
      />
      {kind === 'custom' ? (
        <DatePickerInput
          type="range"
          w={280}
          aria-label={t('reports.period.range')}
          placeholder={t('reports.period.rangePlaceholder')}
          value={range}
          onChange={(v) => onRange([v[0] ?? null, v[1] ?? null] as DateRange)}
          allowSingleDateInRange
        />
      ) : (
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('reports.period.previous')}>
            <ActionIcon
              variant="default"
              aria-label={t('reports.period.previous')}
              onClick={() => onStep(-1)}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600} miw={150} ta="center" data-testid="period-label">
            {label}
          </Text>
          <Tooltip label={t('reports.period.next')}>
            <ActionIcon
              variant="default"
              aria-label={t('reports.period.next')}
              onClick={() => onStep(1)}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
      <Switch
        checked={compare}
        onChange={(e) => onCompare(e.currentTarget.checked)}
        label={t('reports.period.compare')}
      />
    </Group>
  );
}
