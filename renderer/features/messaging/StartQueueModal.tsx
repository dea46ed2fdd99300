import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queueProgress } from '../../../shared/messaging/send-queue';
import type { TemplatePurpose } from '../timeline/WhatsAppDialog';
import { templateLabel } from '../timeline/template-label';
import { useRepositories } from '../../app/services';
import type { Language } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';

export interface StartQueueModalProps {
  opened: boolean;
  onClose: () => void;
  contactIds: readonly string[];
  /** Where the list came from, in the user's words. */
  source: string;
  purpose?: TemplatePurpose;
}

/** Choose a template for a group; see who is left out and why; start the send queue. */
export function StartQueueModal({
  opened,
  onClose,
  contactIds,
  source,
  purpose,
}: StartQueueModalProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const navigate = useNavigate();
  const { timeline, messaging } = useRepositories();
  const templates = useLiveQuery(() => timeline.templates(), [timeline]);
  const plan = useLiveQuery(
    () => (opened ? messaging.plan(contactIds) : undefined),
    [messaging, contactIds, opened],
  );
  const existing = useLiveQuery(() => messaging.current(), [messaging]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [lang, setLang] = useState<Language>(language);
  const [busy, setBusy] = useState(false);

  const chosen =
    templates?.find((tpl) => tpl.id === templateId) ??
    templates?.find((tpl) => tpl.purpose === (purpose ?? 'custom')) ??
    templates?.[0];
  const unfinished = existing && !queueProgress(existing).done ? queueProgress(existing) : null;

  const start = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await messaging.start({ contactIds, templateId: chosen.id, lang, source });
      onClose();
      void navigate('/queue');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('messaging.startTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('messaging.from', { source })}
        </Text>
        <Group grow align="flex-end">
          <Select
            label={t('messaging.template')}
            data={(templates ?? []).map((tpl) => ({ value: tpl.id, label: templateLabel(tpl, t) }))}
            value={chosen?.id ?? null}
            allowDeselect={false}
            onChange={setTemplateId}
          />
          <SegmentedControl
            aria-label={t('messaging.language')}
            value={lang}
            onChange={(v) => setLang(v as Language)}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
        {plan && (
          <>
            {plan.items.length > 0 ? (
              <Text size="sm" data-testid="queue-will-send">
                {t('messaging.willSend', { count: plan.items.length })}
              </Text>
            ) : (
              <Alert color="yellow">{t('messaging.noneToSend')}</Alert>
            )}
            {plan.skipped.length > 0 && <SkippedList skipped={plan.skipped} />}
          </>
        )}
        {unfinished && (
          <Text size="sm" c="orange">
            {t('messaging.replaces', unfinished)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="green"
            onClick={() => void start()}
            loading={busy}
            disabled={!plan || plan.items.length === 0 || !chosen}
          >
            {t('messaging.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SkippedList({
  skipped,
}: {
  skipped: readonly { contactId: string; name: string; reason: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="queue-skipped">
      <Text size="sm" fw={600}>
        {t('messaging.skippedTitle', { count: skipped.length })}
      </Text>
      <List size="sm" spacing={2} style={{ maxHeight: 180, overflowY: 'auto' }} tabIndex={0}>
        {skipped.map((s) => (
          <List.Item key={s.contactId}>
            {s.name} — {t(`messaging.reasons.${s.reason}`)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
