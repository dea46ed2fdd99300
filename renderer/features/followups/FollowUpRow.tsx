import { ActionIcon, Anchor, Badge, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import {
  IconAlarmSnooze,
  IconBrandWhatsapp,
  IconCalendarEvent,
  IconCheck,
  IconDots,
  IconRepeat,
  IconRotate,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/dates';
import type { FollowUp } from '../../../shared/schemas';
import { isOverdue } from '../../../shared/timeline/today';
import type { ContactSummary } from '../../db/repositories/timeline';
import { useLocale } from '../../i18n/useLocale';
import { useContactName } from '../privacy/useContactName';
import { WhatsAppDialog } from '../timeline/WhatsAppDialog';
import { FollowUpForm } from './FollowUpForm';
import { useFollowUpActions, type SnoozeChoice } from './useFollowUpActions';

const SNOOZES: SnoozeChoice[] = ['snooze1h', 'snoozeTomorrow', 'snoozeNextWeek'];

/** One follow-up: what, for whom, when (red when overdue), and what can be done with it. */
export function FollowUpRow({
  followUp: f,
  contact,
  now,
  linkContact = true,
}: {
  followUp: FollowUp;
  /** The contact: for WhatsApp, and shown as a link unless `linkContact` is false. */
  contact?: ContactSummary;
  now: Date;
  /** False on the contact's own page, where the name would only repeat the heading. */
  linkContact?: boolean;
}) {
  const { t } = useTranslation();
  const nameOf = useContactName();
  const { locale } = useLocale();
  const actions = useFollowUpActions();
  const [editing, setEditing] = useState(false);
  const [messaging, setMessaging] = useState(false);
  const overdue = isOverdue(f, now);
  const done = f.doneAt !== undefined;
  const snoozed =
    !done && f.snoozedUntil !== undefined && Date.parse(f.snoozedUntil) > now.getTime();

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid="followup-row"
      data-overdue={overdue ? 'true' : undefined}
      style={overdue ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" className="kenal-split">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text
            fw={600}
            td={done ? 'line-through' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {f.title}
          </Text>
          <Group gap="xs">
            {contact && linkContact && (
              <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm">
                {nameOf(contact)}
              </Anchor>
            )}
            <Text size="sm" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {done
                ? t('timeline.followups.doneAt', { date: formatDateTime(f.doneAt!, locale) })
                : formatDateTime(f.dueAt, locale)}
            </Text>
            {overdue && !snoozed && (
              <Badge color="red" variant="light" size="sm">
                {t('timeline.followups.overdue')}
              </Badge>
            )}
            {snoozed && (
              <Badge
                color="gray"
                variant="light"
                size="sm"
                leftSection={<IconAlarmSnooze size={12} />}
              >
                {t('timeline.followups.snoozedUntil', {
                  date: formatDateTime(f.snoozedUntil!, locale),
                })}
              </Badge>
            )}
            {f.repeat !== 'none' && (
              <Badge color="blue" variant="light" size="sm" leftSection={<IconRepeat size={12} />}>
                {t(`timeline.followups.repeatRules.${f.repeat}`)}
              </Badge>
            )}
          </Group>
          {f.note && (
            <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {f.note}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap" className="kenal-split-actions">
          {done ? (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconRotate size={14} />}
              onClick={() => void actions.reopen(f)}
            >
              {t('timeline.followups.reopen')}
            </Button>
          ) : (
            <>
              <Button
                size="compact-sm"
                variant="light"
                color="teal"
                leftSection={<IconCheck size={14} />}
                onClick={() => void actions.complete(f)}
              >
                {t('timeline.followups.markDone')}
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconAlarmSnooze size={14} />}
                  >
                    {t('timeline.followups.snooze')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {SNOOZES.map((s) => (
                    <Menu.Item key={s} onClick={() => void actions.snooze(f, s)}>
                      {t(`timeline.followups.${s}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('timeline.followups.actions')}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {!done && (
                <Menu.Item
                  leftSection={<IconCalendarEvent size={14} />}
                  onClick={() => setEditing(true)}
                >
                  {t('timeline.followups.reschedule')}
                </Menu.Item>
              )}
              {contact && (
                <Menu.Item
                  leftSection={<IconBrandWhatsapp size={14} />}
                  onClick={() => setMessaging(true)}
                >
                  {t('timeline.whatsapp.send')}
                </Menu.Item>
              )}
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => void actions.remove(f)}
              >
                {t('timeline.followups.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <FollowUpForm
        opened={editing}
        onClose={() => setEditing(false)}
        existing={f}
        contactId={f.contactId}
      />
      {contact && messaging && (
        <WhatsAppDialog
          opened
          onClose={() => setMessaging(false)}
          contact={contact}
          purpose="followup"
          values={{ due: formatDateTime(f.dueAt, locale) }}
        />
      )}
    </Paper>
  );
}
