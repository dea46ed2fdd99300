import { Badge, Button, Group, Kbd, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endOfLocalDay, isOverdue } from '../../../shared/timeline/today';
import { remindAt } from '../../../shared/timeline/reminders';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';
import { useShortcutRequest } from '../../app/shortcuts';
import type { FollowUpView } from '../../db/repositories/timeline';
import { EmptyState } from '../../app/ui/EmptyState';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpRow } from './FollowUpRow';
import { useNow } from './useNow';

function FollowUpGroup({
  testId,
  title,
  items,
  now,
  color,
}: {
  testId: string;
  title: string;
  items: FollowUpView[];
  now: Date;
  color?: string;
}) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid={`followups-${testId}`}>
      <Group gap="xs">
        <Text fw={600} c={color}>
          {title}
        </Text>
        <Badge variant="light" color={color ?? 'gray'} size="sm">
          {items.length}
        </Badge>
      </Group>
      {items.map((v) => (
        <FollowUpRow key={v.followUp.id} followUp={v.followUp} contact={v.contact} now={now} />
      ))}
    </Stack>
  );
}

/** Every promise to every customer: overdue first, then today, then later; done ones apart. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const now = useNow();
  const shop = useShop();
  const [tab, setTab] = useState<string | null>('open');
  const [adding, setAdding] = useState(false);
  const open = useLiveQuery(() => timeline.openFollowUps(), [timeline]);
  const done = useLiveQuery(
    () => (tab === 'done' ? timeline.doneFollowUps() : []),
    [timeline, tab],
  );
  useShortcutRequest('followUp', () => setAdding(true));

  const end = endOfLocalDay(now, shop.timeZone).getTime();
  const overdue = (open ?? []).filter((v) => isOverdue(v.followUp, now));
  const today = (open ?? []).filter(
    (v) => !isOverdue(v.followUp, now) && remindAt(v.followUp) <= end,
  );
  const later = (open ?? []).filter((v) => remindAt(v.followUp) > end);

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t('timeline.followups.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          rightSection={<Kbd size="xs">F</Kbd>}
          onClick={() => setAdding(true)}
        >
          {t('timeline.followups.new')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="open">
            {t('timeline.followups.openTab')} {open ? `(${open.length})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="done">{t('timeline.followups.doneTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          {open && open.length === 0 ? (
            <EmptyState
              icon={IconChecklist}
              title={t('timeline.followups.emptyTitle')}
              description={t('timeline.followups.emptyDescription')}
              action={
                <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                  {t('timeline.followups.new')}
                </Button>
              }
            />
          ) : (
            <Stack gap="lg">
              <FollowUpGroup
                testId="overdue"
                title={t('timeline.followups.overdue')}
                items={overdue}
                now={now}
                color="red"
              />
              <FollowUpGroup
                testId="today"
                title={t('timeline.followups.today')}
                items={today}
                now={now}
                color="blue"
              />
              <FollowUpGroup
                testId="later"
                title={t('timeline.followups.later')}
                items={later}
                now={now}
              />
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="done" pt="md">
          <Stack gap="xs">
            {done && done.length === 0 && (
              <Text c="dimmed">{t('timeline.followups.doneEmpty')}</Text>
            )}
            {(done ?? []).map((v) => (
              <FollowUpRow
                key={v.followUp.id}
                followUp={v.followUp}
                contact={v.contact}
                now={now}
              />
            ))}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <FollowUpForm opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
