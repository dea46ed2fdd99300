import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import {
  IconAlarm,
  IconAlertTriangle,
  IconCake,
  IconCalendarDue,
  IconCoin,
  IconHome,
  IconMoodEmpty,
  IconPlus,
  IconSparkles,
} from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  formatCalendarDate,
  formatDateTime,
  formatDayMonth,
  calendarDateIn,
} from '../../../shared/dates';
import { bucketFollowUps } from '../../../shared/timeline/today';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import type { ContactSummary } from '../../db/repositories/timeline';
import { useLocale } from '../../i18n/useLocale';
import { FollowUpForm } from '../followups/FollowUpForm';
import { FollowUpRow } from '../followups/FollowUpRow';
import { useNow } from '../followups/useNow';
import { EmptyState } from '../../app/ui/EmptyState';
import { useExpiringPoints, type ExpiringPoints } from '../timeline/loyalty-integration';
import { WhatsAppDialog, type TemplatePurpose } from '../timeline/WhatsAppDialog';
import { TodayGlance } from './TodayGlance';
import { QueueResumeBanner } from '../messaging/QueuePage';
import { StartQueueModal } from '../messaging/StartQueueModal';
import { TodaySection } from './TodaySection';
import { ContactLink } from './ContactLink';
import { QuietRows } from './QuietRows';

/**
 * Home: whom to contact today. Overdue and due follow-ups, birthdays this week, customers gone
 * quiet, open complaints and (from the loyalty engine, when wired) points about to expire.
 */
export function TodayPage({ expiringPoints }: { expiringPoints?: ExpiringPoints[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { timeline } = useRepositories();
  const now = useNow(60_000);
  const shop = useShop();
  const dayKey = calendarDateIn(now.getTime(), shop.timeZone);
  const [adding, setAdding] = useState(false);
  const [group, setGroup] = useState<{
    ids: string[];
    source: string;
    purpose: TemplatePurpose;
  } | null>(null);
  const messageAll = (ids: string[], source: string, purpose: TemplatePurpose) => (
    <Button
      size="compact-xs"
      variant="light"
      color="green"
      data-testid={`message-all-${purpose}`}
      onClick={() => setGroup({ ids, source, purpose })}
    >
      {t('messaging.messageAll', { count: ids.length })}
    </Button>
  );
  const [message, setMessage] = useState<{
    contact: ContactSummary;
    purpose: TemplatePurpose;
  } | null>(null);

  // Whether anyone is in the book (one short read; counting everyone would wait for the search
  // index, which Today does not need).
  const hasContacts = useLiveQuery(() => timeline.hasLiveContact(), [timeline]);
  const followUps = useLiveQuery(() => timeline.openFollowUps(), [timeline]);
  const birthdays = useLiveQuery(() => timeline.upcomingBirthdays(7), [timeline, dayKey]);
  const quiet = useLiveQuery(() => timeline.goneQuiet(), [timeline, dayKey]);
  const complaints = useLiveQuery(() => timeline.openComplaints(), [timeline]);
  const fromLoyalty = useExpiringPoints();
  const expiring = expiringPoints ?? fromLoyalty;
  const expiringIds = expiring.map((e) => e.contactId).join(',');
  // One read for every row's contact, not one transaction per customer.
  const expiringContacts = useLiveQuery(
    () => timeline.contactSummaries(expiringIds === '' ? [] : expiringIds.split(',')),
    [timeline, expiringIds],
  );

  const buckets = bucketFollowUps(
    (followUps ?? []).map((v) => ({ ...v.followUp, view: v })),
    now,
    shop.timeZone,
  );
  // The contact count too: an empty book shows the welcome, never "all clear" first.
  const loaded =
    hasContacts === true &&
    followUps !== undefined &&
    birthdays !== undefined &&
    quiet !== undefined &&
    complaints !== undefined;
  const nothing =
    loaded &&
    buckets.overdue.length === 0 &&
    buckets.today.length === 0 &&
    birthdays.length === 0 &&
    quiet.length === 0 &&
    complaints.length === 0 &&
    expiring.length === 0;

  const header = (
    <Group justify="space-between">
      <div>
        <Title order={2}>{t('today.title')}</Title>
        <Text c="dimmed" size="sm">
          {formatCalendarDate(dayKey, locale)}
        </Text>
      </div>
      {hasContacts === true && (
        <Group gap="xs">
          <Button component={Link} to="/followups" variant="default">
            {t('today.seeAllFollowUps')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('timeline.followups.new')}
          </Button>
        </Group>
      )}
    </Group>
  );

  if (hasContacts === false) {
    return (
      <Stack gap="md">
        {header}
        <EmptyState
          icon={IconHome}
          title={t('today.emptyTitle')}
          description={t('today.emptyDescription')}
          action={
            <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={16} />}>
              {t('contacts.new')}
            </Button>
          }
        />
      </Stack>
    );
  }

  return (
    // data-loaded: every list has answered (the benchmark's "Today rendered", scripts/bench-screens.mjs).
    <Stack gap="md" data-testid="today-page" data-loaded={loaded ? 'true' : 'false'}>
      {header}
      <QueueResumeBanner />
      <TodayGlance />
      {nothing && (
        <EmptyState
          icon={IconSparkles}
          title={t('today.allClearTitle')}
          description={t('today.allClearDescription')}
          action={
            <Button component={Link} to="/contacts" variant="light">
              {t('today.openContacts')}
            </Button>
          }
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <TodaySection
          testId="today-overdue"
          title={t('today.overdue')}
          icon={IconAlarm}
          color="red"
          items={buckets.overdue}
          render={(f) => (
            <FollowUpRow key={f.id} followUp={f.view.followUp} contact={f.view.contact} now={now} />
          )}
        />
        <TodaySection
          testId="today-due"
          title={t('today.dueToday')}
          icon={IconCalendarDue}
          color="blue"
          items={buckets.today}
          render={(f) => (
            <FollowUpRow key={f.id} followUp={f.view.followUp} contact={f.view.contact} now={now} />
          )}
        />
        <TodaySection
          testId="today-birthdays"
          title={t('today.birthdays')}
          icon={IconCake}
          color="pink"
          items={birthdays ?? []}
          action={messageAll(
            (birthdays ?? []).map((b) => b.contact.id),
            t('messaging.sources.birthdays'),
            'birthday',
          )}
          render={(b) => (
            <Group key={b.contactId} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <ContactLink contact={b.contact} />
                <Text size="sm" c="dimmed">
                  {formatDayMonth(b.date, locale)} ·{' '}
                  {b.inDays === 0
                    ? t('today.birthdayToday')
                    : t(b.inDays === 1 ? 'today.birthdayInOne' : 'today.birthdayInMany', {
                        count: b.inDays,
                      })}
                  {b.turns !== null ? ` · ${t('today.turns', { age: b.turns })}` : ''}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="light"
                color="green"
                onClick={() => setMessage({ contact: b.contact, purpose: 'birthday' })}
              >
                {t('today.greet')}
              </Button>
            </Group>
          )}
        />
        <TodaySection
          testId="today-complaints"
          title={t('today.complaints')}
          icon={IconAlertTriangle}
          color="orange"
          items={complaints ?? []}
          render={(c) => (
            <Stack key={c.note.id} gap={0}>
              <Group gap="xs">
                <ContactLink contact={c.contact} />
                <Badge
                  size="sm"
                  variant="light"
                  color={c.note.complaintStatus === 'in_progress' ? 'orange' : 'red'}
                >
                  {t(`timeline.complaint.status.${c.note.complaintStatus ?? 'open'}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('today.since', { date: formatDateTime(c.note.at, locale) })}
                </Text>
              </Group>
              <Text size="sm" lineClamp={2}>
                {c.note.text}
              </Text>
            </Stack>
          )}
        />
        <TodaySection
          testId="today-quiet"
          title={t('today.quiet')}
          help={t('today.quietHelp')}
          icon={IconMoodEmpty}
          color="gray"
          items={quiet ?? []}
          action={messageAll(
            (quiet ?? []).map((q) => q.contactId),
            t('messaging.sources.quiet'),
            'winback',
          )}
          renderShown={(shown) => (
            <QuietRows
              rows={shown}
              onMessage={(contact) => setMessage({ contact, purpose: 'winback' })}
            />
          )}
        />
        <TodaySection
          testId="today-expiring"
          title={t('today.expiring')}
          icon={IconCoin}
          color="yellow"
          items={expiring.map((e, i) => ({ e, contact: expiringContacts?.[i] }))}
          action={messageAll(
            [...new Set(expiring.map((e) => e.contactId))],
            t('messaging.sources.expiring'),
            'points',
          )}
          render={({ e, contact }) =>
            contact ? (
              <Group key={`${e.contactId}-${e.expiresAt}`} justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <ContactLink contact={contact} />
                  <Text size="sm" c="dimmed">
                    {t('today.expiringRow', {
                      points: e.points.toLocaleString(locale),
                      date: formatDateTime(e.expiresAt, locale),
                    })}
                  </Text>
                </Stack>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="green"
                  onClick={() => setMessage({ contact, purpose: 'points' })}
                >
                  {t('today.message')}
                </Button>
              </Group>
            ) : null
          }
        />
      </SimpleGrid>
      <FollowUpForm opened={adding} onClose={() => setAdding(false)} />
      {group && (
        <StartQueueModal
          opened
          onClose={() => setGroup(null)}
          contactIds={group.ids}
          source={group.source}
          purpose={group.purpose}
        />
      )}
      {message && (
        <WhatsAppDialog
          opened
          onClose={() => setMessage(null)}
          contact={message.contact}
          purpose={message.purpose}
        />
      )}
    </Stack>
  );
}
