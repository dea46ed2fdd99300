import { ActionIcon, NumberInput, Popover, Stack, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../app/inputs/MoneyInput';

export interface ReportSettingsValue {
  inactivityDays: number;
  lifespanYears: number;
  pointValue: number;
}

/** The assumptions behind churn, customer value and the points liability. */
export function ReportSettings({
  value,
  onChange,
}: {
  value: ReportSettingsValue;
  onChange: (v: ReportSettingsValue) => void;
}) {
  const { t } = useTranslation();
  const set = (key: keyof ReportSettingsValue, min: number) => (v: string | number) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (Number.isFinite(n) && n >= min) onChange({ ...value, [key]: n });
  };
  return (
    <Popover position="bottom-end" width={320} withArrow trapFocus>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('reports.settings.title')}>
          <IconAdjustments size={18} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Title order={4} size="h6">
            {t('reports.settings.title')}
          </Title>
          <NumberInput
            label={t('reports.settings.inactivityDays')}
            description={t('reports.settings.inactivityHelp')}
            value={value.inactivityDays}
            min={1}
            max={3650}
            allowDecimal={false}
            onChange={set('inactivityDays', 1)}
          />
          <NumberInput
            label={t('reports.settings.lifespanYears')}
            description={t('reports.settings.lifespanHelp')}
            value={value.lifespanYears}
            min={0.5}
            max={50}
            step={0.5}
            decimalScale={1}
            onChange={set('lifespanYears', 0.1)}
          />
          <MoneyInput
            label={t('reports.settings.pointValue')}
            description={t('reports.settings.pointValueHelp')}
            initial={value.pointValue}
            onChange={(m) => m.ok && m.minor <= 1_000_000 && set('pointValue', 0)(m.minor)}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
