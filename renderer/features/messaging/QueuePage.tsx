import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconCheck } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentItem, queueProgress, type SendQueue } from '../../../shared/messaging/send-queue';
import { messageValues } from '../../../shared/timeline/message-values';
import { fillTemplate, whatsAppLink } from '../../../shared/timeline/templates';
import { useHost, useRepositories } from '../../app/services';
import { INTL_LOCALE } from '../../i18n';
import { SkippedList } from './StartQueueModal';
import { useMessageFacts } from './useMessageFacts';

/** The send queue: one person at a time, previewed, opened in WhatsApp, logged; "Next". */
export function QueuePage() {
  const { t } = useTranslation();
  const { messaging } = useRepositories();
  const queue = useLiveQuery(() => messaging.current(), [messaging]);

  if (queue === undefined) return null;
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t('messaging.title')}</Title>
      {queue === null ? <Text c="dimmed">{t('messaging.none')}</Text> : <QueueView queue={queue} />}
    </Stack>
  );
}

function QueueView({ queue }: { queue: SendQueue }) {
  const { t } = useTranslation();
  const { messaging } = useRepositories();
  const progress = queueProgress(queue);
  const item = currentItem(queue);

  return (
    <>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('messaging.from', { source: queue.source })}
        </Text>
        <Text fw={600} data-testid="queue-progress">
          {t('messaging.progress', progress)}
        </Text>
      </Group>
      <Progress
        value={progress.total === 0 ? 100 : (100 * progress.sent) / progress.total}
        color="green"
        aria-label={t('messaging.progress', progress)}
      />
      {item ? (
        <CurrentMessage key={`${queue.id}-${queue.position}`} queue={queue} />
      ) : (
        <Alert color="teal" data-testid="queue-done">
          {t('messaging.done', progress)}
        </Alert>
      )}
      {queue.skipped.length > 0 && (
        <Card withBorder padding="sm">
          <SkippedList skipped={queue.skipped} />
        </Card>
      )}
      <Group>
        <Anchor
          component="button"
          size="sm"
          c="dimmed"
          onClick={async () => {
            await messaging.discard();
            notifications.show({ message: t('messaging.stopped'), autoClose: 4000 });
          }}
        >
          {t('messaging.stop')}
        </Anchor>
      </Group>
    </>
  );
}

function CurrentMessage({ queue }: { queue: SendQueue }) {
  const { t } = useTranslation();
  const host = useHost();
  const { messaging, timeline } = useRepositories();
  const item = currentItem(queue)!;
  const contact = useLiveQuery(
    () => timeline.contactSummary(item.contactId),
    [timeline, item.contactId],
  );
  const templates = useLiveQuery(() => timeline.templates(), [timeline]);
  const facts = useMessageFacts(contact ?? { id: item.contactId, name: item.name });
  const [edited, setEdited] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates?.find((tpl) => tpl.id === queue.templateId);
  const filled =
    template && facts
      ? fillTemplate(template.body[queue.lang], messageValues(facts, INTL_LOCALE[queue.lang]))
      : null;
  const text = edited ?? filled?.text ?? '';
  const sent = item.status === 'sent';
  const last = queue.position === queue.items.length - 1;

  const open = async () => {
    setBusy(true);
    try {
      await host.openExternal({ url: whatsAppLink(item.phone, text) });
      if (await messaging.markSent(queue.id, item.contactId, text))
        notifications.show({ message: t('messaging.sent'), autoClose: 2500 });
    } catch {
      notifications.show({ color: 'red', message: t('messaging.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="queue-current">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Text size="xs" c="dimmed">
              {t('messaging.person', { n: queue.position + 1, total: queue.items.length })}
            </Text>
            <Anchor component={Link} to={`/contacts/${item.contactId}`} fw={600}>
              {contact?.name ?? item.name}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              {item.phone}
            </Text>
          </div>
          {sent && (
            <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
              {t('messaging.sent')}
            </Badge>
          )}
        </Group>
        <Textarea
          label={t('timeline.whatsapp.message')}
          autosize
          minRows={5}
          maxRows={14}
          value={text}
          onChange={(e) => setEdited(e.currentTarget.value)}
        />
        {edited === null && filled && filled.missing.length > 0 && (
          <Text size="sm" c="orange">
            {t('timeline.whatsapp.missing', {
              list: filled.missing.map((m) => `{${m}}`).join(', '),
            })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            color="green"
            variant={sent ? 'light' : 'filled'}
            leftSection={<IconBrandWhatsapp size={16} />}
            onClick={() => void open()}
            loading={busy}
            disabled={text.trim() === ''}
          >
            {sent ? t('messaging.openAgain') : t('messaging.open')}
          </Button>
          <Button
            variant={sent ? 'filled' : 'default'}
            onClick={() => void messaging.next(queue.id)}
          >
            {last ? t('messaging.finish') : t('messaging.next')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** "Continue sending: 1 of 3 sent" while a queue is unfinished (Today, Contacts). */
export function QueueResumeBanner() {
  const { t } = useTranslation();
  const { messaging } = useRepositories();
  const queue = useLiveQuery(() => messaging.current(), [messaging]);
  if (!queue) return null;
  const progress = queueProgress(queue);
  if (progress.done) return null;
  return (
    <Alert color="green" variant="light" data-testid="queue-resume" py="xs">
      <Group justify="space-between">
        <Text size="sm">{t('messaging.resume', progress)}</Text>
        <Button component={Link} to="/queue" size="xs" color="green">
          {t('messaging.continue')}
        </Button>
      </Group>
    </Alert>
  );
}
