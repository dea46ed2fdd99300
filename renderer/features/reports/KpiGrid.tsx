import { Anchor, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CES_SCALE, type PeriodMetrics, type ReportResult } from '../../../shared/reports';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { money, num, pct } from './format';
import { InfoTip } from './InfoTip';

interface Kpi {
  id: string;
  label: string;
  value: string;
  /** Current and previous raw values, for the arrow. */
  now: number | null;
  before: number | null;
  beforeText?: string;
  /** True when a rise is bad (churn, complaints, effort). */
  lowerIsBetter?: boolean;
  help?: string;
  /** How the number is counted, in plain words (a tooltip). */
  info?: string;
  action?: { label: string; onClick: () => void };
}

function Delta({ kpi, partial }: { kpi: Kpi; partial: boolean }) {
  const { t } = useTranslation();
  if (kpi.beforeText === undefined) return null;
  if (kpi.before === null)
    return (
      <Text size="xs" c="dimmed">
        {t('reports.kpi.noPrevious')}
      </Text>
    );
  const up = kpi.now !== null && kpi.now > kpi.before;
  const down = kpi.now !== null && kpi.now < kpi.before;
  const good = kpi.lowerIsBetter ? down : up;
  const color = up || down ? (good ? 'teal' : 'red') : 'dimmed';
  return (
    <Group gap={4} wrap="nowrap">
      {up && <IconArrowUpRight size={14} color={`var(--mantine-color-${color}-7)`} aria-hidden />}
      {down && (
        <IconArrowDownRight size={14} color={`var(--mantine-color-${color}-7)`} aria-hidden />
      )}
      <Text size="xs" c={color}>
        {t(partial ? 'reports.kpi.vsSameDays' : 'reports.kpi.vsPrevious', {
          value: kpi.beforeText,
        })}
      </Text>
    </Group>
  );
}

/** The headline numbers of the period, each with the previous period beside it. */
export function KpiGrid({
  result,
  inactivityDays,
  pointValue,
  onShowLost,
}: {
  result: ReportResult;
  inactivityDays: number;
  /** Rupiah a point is worth, for the liability's explanation. */
  pointValue: number;
  onShowLost: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { currency } = useShop();
  const cur = result.current;
  const prev = result.previous;
  const pick = <T,>(f: (m: PeriodMetrics) => T): [T, T | null] => [f(cur), prev ? f(prev) : null];
  const withPrev = (k: Omit<Kpi, 'beforeText'>, text: (v: number | null) => string): Kpi =>
    prev ? { ...k, beforeText: text(k.before) } : k;

  const [rev, revP] = pick((m) => m.orders.revenue);
  const [aov, aovP] = pick((m) => m.orders.aov);
  const [freq, freqP] = pick((m) => m.orders.frequency);
  const [ret, retP] = pick((m) => m.retention.retentionRate);
  const [churn, churnP] = pick((m) => m.retention.churnRate);
  const [newC, newP] = pick((m) => m.retention.newCustomers);
  const [nps, npsP] = pick((m) => m.feedback.nps.nps);
  const [csat, csatP] = pick((m) => m.feedback.csat.csat);
  const [ces, cesP] = pick((m) => m.feedback.ces.ces);
  const [liab, liabP] = pick((m) => m.liability?.value ?? null);
  const liability = cur.liability;
  const [referred, referredP] = pick((m) => m.referrals.referred);
  const [opened, openedP] = pick((m) => m.complaints.opened);
  const [mttr, mttrP] = pick((m) => m.complaints.meanHoursToResolve);
  const r = cur.retention;
  const hours = (h: number | null) =>
    h === null
      ? '—'
      : h >= 48
        ? t('reports.kpi.days', { value: num(h / 24, locale, 1) })
        : t('reports.kpi.hours', { value: num(h, locale, 1) });

  const kpis: Kpi[] = [
    withPrev(
      {
        id: 'revenue',
        label: t('reports.kpi.revenue'),
        value: money(rev, locale, currency),
        now: rev,
        before: revP,
        help: `${t('reports.kpi.orders')}: ${num(cur.orders.orders, locale)} · ${t('reports.kpi.buyers')}: ${num(cur.orders.buyers, locale)}`,
      },
      (v) => money(v, locale, currency),
    ),
    withPrev(
      {
        id: 'aov',
        label: t('reports.kpi.aov'),
        value: money(aov, locale, currency),
        now: aov,
        before: aovP,
      },
      (v) => money(v, locale, currency),
    ),
    withPrev(
      {
        id: 'frequency',
        label: t('reports.kpi.frequency'),
        value: num(freq, locale, 2),
        help: t('reports.kpi.frequencyHelp'),
        now: freq,
        before: freqP,
      },
      (v) => num(v, locale, 2),
    ),
    withPrev(
      {
        id: 'clv',
        label: t('reports.kpi.clv'),
        value: money(result.value.averageClv, locale, currency),
        now: null,
        before: null,
        help: t('reports.kpi.clvHelp', { customers: num(result.value.customers, locale) }),
        info: t('reports.kpi.clvInfo', { years: num(result.value.lifespanYears, locale, 1) }),
      },
      () => '',
    ),
    withPrev(
      {
        id: 'retention',
        label: t('reports.kpi.retention'),
        value: pct(ret, locale),
        now: ret,
        before: retP,
        help: t('reports.kpi.retentionHelp', {
          kept: num(r.atEnd - r.gained, locale),
          start: num(r.atStart, locale),
        }),
        info: t('reports.kpi.retentionInfo', {
          start: num(r.atStart, locale),
          gained: num(r.gained, locale),
          days: inactivityDays,
        }),
      },
      (v) => pct(v, locale),
    ),
    withPrev(
      {
        id: 'churn',
        label: t('reports.kpi.churn'),
        value: pct(churn, locale),
        now: churn,
        before: churnP,
        lowerIsBetter: true,
        help: t('reports.kpi.churnHelp', { lost: r.lost, start: r.atStart, days: inactivityDays }),
        action: r.lost > 0 ? { label: t('reports.kpi.showLost'), onClick: onShowLost } : undefined,
      },
      (v) => pct(v, locale),
    ),
    withPrev(
      {
        id: 'new',
        label: t('reports.kpi.newCustomers'),
        value: num(newC, locale),
        now: newC,
        before: newP,
        help: t('reports.kpi.returning', { count: r.returning }),
        info: t('reports.kpi.newInfo'),
      },
      (v) => num(v, locale),
    ),
    withPrev(
      {
        id: 'referrals',
        label: t('checkout.reports.referrals'),
        value: num(referred, locale),
        now: referred,
        before: referredP,
        help: t('checkout.reports.advocates', { count: cur.referrals.advocates }),
        info: t('checkout.reports.referralsInfo'),
      },
      (v) => num(v, locale),
    ),
    withPrev(
      {
        id: 'nps',
        label: t('reports.kpi.nps'),
        value: num(nps, locale, 0),
        now: nps,
        before: npsP,
        help: t('reports.kpi.answers', { count: cur.feedback.nps.count }),
      },
      (v) => num(v, locale, 0),
    ),
    withPrev(
      {
        id: 'csat',
        label: t('reports.kpi.csat'),
        value: pct(csat, locale, 0),
        now: csat,
        before: csatP,
        help: t('reports.kpi.answers', { count: cur.feedback.csat.count }),
      },
      (v) => pct(v, locale, 0),
    ),
    withPrev(
      {
        id: 'ces',
        label: t('reports.kpi.ces'),
        value: num(ces, locale, 1),
        now: ces,
        before: cesP,
        lowerIsBetter: !CES_SCALE.higherIsBetter,
        help: `${t('reports.kpi.answers', { count: cur.feedback.ces.count })} · ${t('reports.kpi.cesScale')}`,
      },
      (v) => num(v, locale, 1),
    ),
    withPrev(
      {
        id: 'complaints',
        label: t('reports.kpi.complaints'),
        value: num(opened, locale),
        now: opened,
        before: openedP,
        lowerIsBetter: true,
        help: t('reports.kpi.complaintsHelp', {
          opened: cur.complaints.opened,
          resolved: cur.complaints.resolved,
          open: cur.complaints.openAtEnd,
        }),
      },
      (v) => num(v, locale),
    ),
    withPrev(
      {
        id: 'mttr',
        label: t('reports.kpi.mttr'),
        value: hours(mttr),
        now: mttr,
        before: mttrP,
        lowerIsBetter: true,
      },
      hours,
    ),
    withPrev(
      {
        id: 'liability',
        label: t('reports.kpi.liability'),
        // The ledger is read after the other reports: say so until its numbers are in.
        value: liability ? money(liab, locale, currency) : t('reports.kpi.liabilityLoading'),
        now: liab,
        before: liabP,
        lowerIsBetter: true,
        help: liability
          ? [
              t('reports.kpi.liabilityHelp', {
                points: num(liability.points, locale),
                holders: num(liability.holders, locale),
              }),
              liability.overdrafts > 0
                ? t('reports.kpi.overdrafts', { count: liability.overdrafts })
                : '',
            ]
              .filter(Boolean)
              .join(' · ')
          : t('reports.kpi.liabilityLoadingHelp'),
        info: t('reports.kpi.liabilityInfo', { value: money(pointValue, locale, currency) }),
      },
      (v) => money(v, locale, currency),
    ),
  ];

  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      {kpis.map((k) => (
        <Paper key={k.id} withBorder p="sm" radius="md" data-testid={`kpi-${k.id}`}>
          <Group gap={2} justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {k.label}
            </Text>
            {k.info && (
              <InfoTip
                label={t('reports.kpi.infoLabel', { name: k.label })}
                text={k.info}
                testId={`kpi-${k.id}-info`}
              />
            )}
          </Group>
          <Text size="xl" fw={700} data-testid={`kpi-${k.id}-value`}>
            {k.value}
          </Text>
          {k.id !== 'clv' && <Delta kpi={k} partial={cur.partial} />}
          {k.help && (
            <Text size="xs" c="dimmed">
              {k.help}
            </Text>
          )}
          {k.action && (
            <Anchor component="button" type="button" size="xs" onClick={k.action.onClick}>
              {k.action.label}
            </Anchor>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
