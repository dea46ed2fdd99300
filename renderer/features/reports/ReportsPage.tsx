import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Progress,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet, IconRefresh, IconUsers } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  customPeriod,
  DEFAULT_REPORT_SETTINGS,
  periodContaining,
  shiftPeriod,
  type DrillQuery,
  type Period,
  type ReportOptions,
  type ReportResult,
} from '../../../shared/reports';
import { ruleAt } from '../../../shared/loyalty/rules';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../app/ui/EmptyState';
import './chart-setup';
import { CohortHeatmap } from './CohortHeatmap';
import { dayLabel, monthLabel, shopUtcOffset, periodLabel, periodSlug } from './format';
import { KpiGrid } from './KpiGrid';
import { PeriodPicker } from './PeriodPicker';
import { useReportView } from './report-view-store';
import { ReportSettings, type ReportSettingsValue } from './ReportSettings';
import { RevenueChart } from './RevenueChart';
import { RfmPanel } from './RfmPanel';
import { SatisfactionPanel } from './SatisfactionPanel';
import { TopCustomers } from './TopCustomers';
import { summaryCsv } from './summary-csv';
import { useDrillDown } from './useDrillDown';
import { useReportExport } from './useReportExport';
import { useReportData, type ReportStatus } from './useReportData';

function StatusBar({ status, onCancel }: { status: ReportStatus; onCancel: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (status.phase === 'reading' || status.phase === 'computing') {
    const reading = status.phase === 'reading';
    const value = reading
      ? status.total
        ? (status.done / status.total) * 100
        : 0
      : status.fraction * 100;
    return (
      <Stack gap={4} data-testid="reports-progress">
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {reading
              ? t('reports.loading', {
                  done: status.done.toLocaleString(locale),
                  total: status.total.toLocaleString(locale),
                })
              : t('reports.computing')}
          </Text>
          {reading && (
            <Button size="compact-xs" variant="subtle" onClick={onCancel}>
              {t('reports.cancel')}
            </Button>
          )}
        </Group>
        <Progress value={value} size="sm" animated aria-label={t('reports.computing')} />
      </Stack>
    );
  }
  return null;
}

/** Says that the period is still running and what it is compared with (like with like). */
function PartialNote({ result, offset }: { result: ReportResult; offset: number }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const cur = result.current.period;
  const prev = result.previous?.period;
  const day = (ms: number) => dayLabel(ms, offset, locale);
  const period = periodLabel(cur, offset, locale, (quarter, year) =>
    t('reports.period.quarterLabel', { quarter, year }),
  );
  return (
    <Alert color="blue" variant="light" py={6} data-testid="period-partial">
      <Group gap="xs" wrap="nowrap">
        <Badge variant="filled" color="blue" size="sm" style={{ flexShrink: 0 }}>
          {t('reports.period.partialBadge')}
        </Badge>
        <Text size="sm">
          {t('reports.period.partial', {
            period,
            from: day(cur.start),
            to: day(cur.end - 1),
            prevFrom: prev ? day(prev.start) : '—',
            prevTo: prev ? day(prev.end - 1) : '—',
          })}
        </Text>
      </Group>
    </Alert>
  );
}

/** Reports: who is loyal, who is slipping away, what a customer is worth, who is happy. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const shop = useShop();
  const offset = useMemo(() => shopUtcOffset(shop.timeZone), [shop.timeZone]);
  // The period lives in a store, so Back from a drill-down shows the same one.
  const { kind, setKind, range, setRange, compare, setCompare, setAnchor } = useReportView();
  const [openedAt] = useState(() => Date.now());
  const anchor = useReportView((s) => s.anchor) ?? openedAt;
  const [settings, setSettings] = useState<ReportSettingsValue>({
    inactivityDays: DEFAULT_REPORT_SETTINGS.inactivityDays,
    lifespanYears: DEFAULT_REPORT_SETTINGS.lifespanYears,
    pointValue: DEFAULT_REPORT_SETTINGS.pointValue,
  });
  // A point is worth what the loyalty rules say (Settings), until the user overrides it here.
  const { loyalty } = useRepositories();
  const loyaltyPointValue = useLiveQuery(
    async () => ruleAt(await loyalty.getRules(), Date.now()).pointValue,
    [loyalty],
  );
  const [pointValueTouched, setPointValueTouched] = useState(false);
  const effective: ReportSettingsValue = useMemo(
    () =>
      pointValueTouched || loyaltyPointValue === undefined
        ? settings
        : { ...settings, pointValue: loyaltyPointValue },
    [settings, pointValueTouched, loyaltyPointValue],
  );

  const period: Period = useMemo(() => {
    if (kind === 'custom') {
      if (range[0] && range[1]) return customPeriod(range[0], range[1], offset);
      return { ...periodContaining('month', anchor, offset), kind: 'custom' };
    }
    return periodContaining(kind, anchor, offset);
  }, [kind, anchor, range, offset]);

  const options: ReportOptions = useMemo(
    () => ({
      ...DEFAULT_REPORT_SETTINGS,
      ...effective,
      period,
      compare,
      utcOffsetMinutes: offset,
    }),
    [effective, period, compare, offset],
  );

  const data = useReportData(options);
  const drillDown = useDrillDown(data.drill);
  const drill = (q: DrillQuery, label: string) => void drillDown(q, label);
  const slug = periodSlug(period, offset);
  const { status, result } = data;
  const exporter = useReportExport();

  const header = (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      <div>
        <Title order={2}>{t('reports.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('reports.subtitle')}
        </Text>
      </div>
      <Group gap="sm" align="center">
        <PeriodPicker
          kind={kind}
          onKind={setKind}
          period={period}
          offset={offset}
          onStep={(s) => setAnchor(shiftPeriod(period, s, offset).start)}
          range={range}
          onRange={setRange}
          compare={compare}
          onCompare={setCompare}
        />
        <ReportSettings
          value={effective}
          onChange={(next) => {
            if (next.pointValue !== effective.pointValue) setPointValueTouched(true);
            setSettings(next);
          }}
        />
        <Tooltip label={t('reports.refresh')}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('reports.refresh')}
            onClick={data.reload}
          >
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
        {result?.hasData && (
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            aria-label={t('reports.chart.exportCsvLabel', { title: t('reports.title') })}
            onClick={() =>
              void exporter.csv(`kenal-summary-${slug}`, summaryCsv(result, t, shop.currency))
            }
          >
            {t('reports.chart.exportCsv')}
          </Button>
        )}
      </Group>
    </Group>
  );

  let body;
  if (status.phase === 'cancelled' && !result) {
    body = (
      <Alert color="gray" title={t('reports.cancelled')}>
        <Button leftSection={<IconRefresh size={16} />} variant="light" onClick={data.reload}>
          {t('reports.loadAgain')}
        </Button>
      </Alert>
    );
  } else if (status.phase === 'error') {
    body = (
      <Alert color="red" title={t('reports.failed', { message: status.message })}>
        <Button leftSection={<IconRefresh size={16} />} variant="light" onClick={data.reload}>
          {t('reports.loadAgain')}
        </Button>
      </Alert>
    );
  } else if (result && !result.hasData) {
    body = (
      <div data-testid="reports-empty">
        <EmptyState
          icon={IconChartBar}
          title={t('reports.emptyTitle')}
          description={t('reports.emptyDescription')}
          action={
            <Button leftSection={<IconUsers size={16} />} onClick={() => navigate('/contacts')}>
              {t('reports.goToContacts')}
            </Button>
          }
        />
      </div>
    );
  } else if (result) {
    body = (
      <Stack gap="md">
        <KpiGrid
          result={result}
          inactivityDays={settings.inactivityDays}
          pointValue={effective.pointValue}
          onShowLost={() => drill({ kind: 'lost' }, t('reports.kpi.churn'))}
        />
        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">{t('reports.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="customers">{t('reports.tabs.customers')}</Tabs.Tab>
            <Tabs.Tab value="satisfaction">{t('reports.tabs.satisfaction')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Stack gap="md">
              <RevenueChart
                months={result.trend}
                fileName={`kenal-revenue-${slug}`}
                onDrill={(month) =>
                  drill(
                    { kind: 'month', month },
                    t('reports.revenue.drillLabel', { month: monthLabel(month, locale, true) }),
                  )
                }
              />
              <TopCustomers
                top={result.top}
                contactId={data.contactId}
                fileName={`kenal-top-customers-${slug}`}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="customers" pt="md">
            <Stack gap="md">
              <RfmPanel
                rfm={result.rfm}
                fileName={`kenal-rfm-${slug}`}
                onSegment={(segment) =>
                  drill({ kind: 'segment', segment }, t(`reports.rfm.segments.${segment}`))
                }
                onCell={(r, fm) =>
                  drill({ kind: 'rfmCell', r, fm }, t('reports.rfm.drillCell', { r, fm }))
                }
              />
              <CohortHeatmap
                cohorts={result.cohorts}
                fileName={`kenal-cohorts-${slug}`}
                onDrill={(month, offsetK, label) =>
                  drill({ kind: 'cohort', month, offset: offsetK }, label)
                }
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="satisfaction" pt="md">
            <SatisfactionPanel
              months={result.feedbackTrend}
              fileName={`kenal-satisfaction-${slug}`}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    );
  }

  return (
    <Stack gap="md" pb="xl">
      {header}
      <StatusBar status={status} onCancel={data.cancel} />
      {result?.hasData && result.current.partial && <PartialNote result={result} offset={offset} />}
      {body}
    </Stack>
  );
}
