import { Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  MAX_SEPARATE_NOTIFICATIONS,
  parseReminderTag,
  reminderTag,
  type Reminder,
} from '../../../shared/timeline/reminders';
import { useHost, useRepositories } from '../../app/services';
import { useContactName } from '../privacy/useContactName';
import { runReminderCheck } from './reminder-check';

/** When this window opened: reminders that came due before it were missed while closed. */
const SESSION_START = Date.now();

/**
 * Runs the reminder schedule (shared/timeline/reminders) for this window: OS notifications at
 * due times through HostApi.notify, reminders missed while the app was closed shown on start,
 * and a click on a notification opens the contact. Mount ONCE, inside the router (the Shell).
 */
export function ReminderScheduler() {
  const { t } = useTranslation();
  const nameOf = useContactName();
  const host = useHost();
  const navigate = useNavigate();
  const { timeline } = useRepositories();
  // Any change to follow-ups re-plans at once (a new one due in 2 minutes gets its timer).
  const version = useLiveQuery(
    async () => (await timeline.reminderSources()).map((f) => `${f.id}@${f.updatedAt}`).join(','),
    [timeline],
  );

  useEffect(
    () =>
      host.onNotificationClick((tag) => {
        const target = parseReminderTag(tag);
        if (target) navigate(`/contacts/${target.contactId}`);
      }),
    [host, navigate],
  );

  useEffect(() => {
    let timer: number | undefined;
    // Aborted when the effect is cleaned up: no tick runs or schedules another after that.
    const stop = new AbortController();

    const show = async (due: Reminder[]) => {
      const names = new Map<string, string>();
      for (const r of due) {
        const c = await timeline.contactSummary(r.contactId);
        names.set(r.contactId, c ? nameOf(c) : '');
      }
      if (due.length > MAX_SEPARATE_NOTIFICATIONS) {
        await host.notify({
          title: t('timeline.reminders.summaryTitle', { count: due.length }),
          body: t('timeline.reminders.summaryBody'),
        });
      } else {
        for (const r of due) {
          await host.notify({
            title: t('timeline.reminders.title', { name: names.get(r.contactId) }),
            body: r.title.slice(0, 1000),
            tag: reminderTag(r),
          });
        }
      }
      const missed = due.filter((r) => r.missed);
      const list = (items: Reminder[]) => (
        <Stack gap={2}>
          {items.slice(0, 8).map((r) => (
            <Anchor
              key={r.followUpId}
              component="button"
              size="sm"
              ta="left"
              onClick={() => navigate(`/contacts/${r.contactId}`)}
            >
              {names.get(r.contactId)}: {r.title.slice(0, 120)}
            </Anchor>
          ))}
          {items.length > 8 && (
            <Text size="xs" c="dimmed">
              {t('today.moreCount', { count: items.length - 8 })}
            </Text>
          )}
        </Stack>
      );
      if (missed.length > 0) {
        notifications.show({
          title: t(
            missed.length === 1
              ? 'timeline.reminders.missedTitleOne'
              : 'timeline.reminders.missedTitleMany',
            {
              count: missed.length,
            },
          ),
          message: list(missed),
          autoClose: false,
          color: 'orange',
        });
      }
      const fresh = due.filter((r) => !r.missed);
      if (fresh.length > 0) {
        notifications.show({
          title: t('timeline.reminders.summaryTitle', { count: fresh.length }),
          message: list(fresh),
          autoClose: 15_000,
        });
      }
    };

    const tick = async () => {
      if (stop.signal.aborted) return;
      let delay = 60_000;
      try {
        delay = await runReminderCheck(timeline, SESSION_START, show);
      } catch {
        // A failed read or claim is retried on the next tick (nothing was claimed). Once a window
        // is claimed its reminders are shown; a notification the system refuses is not retried.
      }
      if (!stop.signal.aborted) timer = window.setTimeout(() => void tick(), Math.max(250, delay));
    };

    void tick();
    return () => {
      stop.abort();
      window.clearTimeout(timer);
    };
  }, [host, navigate, t, timeline, version, nameOf]);

  return null;
}
