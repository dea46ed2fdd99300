import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEMPLATE_PURPOSES } from '../../../shared/schemas/template';
import {
  fillTemplate,
  whatsAppLink,
  type TemplateValues,
} from '../../../shared/timeline/templates';
import type { ContactSummary } from '../../db/repositories/timeline';
import { useHost, useRepositories } from '../../app/services';
import { INTL_LOCALE, type Language } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { whatsAppPhones } from '../../../shared/messaging/send-queue';
import { messageValues } from '../../../shared/timeline/message-values';
import { useMessageFacts } from '../messaging/useMessageFacts';
import { templateLabel } from './template-label';
import { useFormatPhone } from '../contacts/usePhoneRegion';

export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export interface WhatsAppDialogProps {
  opened: boolean;
  onClose: () => void;
  contact: ContactSummary;
  purpose?: TemplatePurpose;
  /** Extra placeholder values, e.g. { due } for a follow-up. */
  values?: TemplateValues;
  /**
   * A message of its own instead of a template (e.g. the member summary), in the language the
   * dialog's switch chooses; shown to check and edit like a filled template.
   */
  message?: (lang: Language) => string;
}

/**
 * Compose a WhatsApp message from a template, open it with wa.me through the host (allowlisted)
 * and log it on the contact's timeline.
 */
export function WhatsAppDialog({
  opened,
  onClose,
  contact,
  purpose,
  values,
  message,
}: WhatsAppDialogProps) {
  const { t } = useTranslation();
  const formatPhone = useFormatPhone();
  const { language } = useLocale();
  const host = useHost();
  const { timeline } = useRepositories();
  const templates = useLiveQuery(() => timeline.templates(), [timeline]);
  const facts = useMessageFacts(contact);
  const phones = whatsAppPhones(contact.phones);

  const [lang, setLang] = useState<Language>(language);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chosen =
    templates?.find((tpl) => tpl.id === templateId) ??
    templates?.find((tpl) => tpl.purpose === (purpose ?? 'custom')) ??
    templates?.[0];
  const filled = message
    ? { text: message(lang), missing: [] }
    : chosen
      ? fillTemplate(chosen.body[lang], {
          ...messageValues(facts ?? { contact }, INTL_LOCALE[lang]),
          ...values,
        })
      : { text: '', missing: [] };
  const text = edited ?? filled.text;
  const number = phone ?? phones[0]?.e164 ?? null;

  const send = async () => {
    if (!number) return;
    setBusy(true);
    try {
      await host.openExternal({ url: whatsAppLink(number, text) });
      await timeline.logWhatsApp(
        contact.id,
        text.trim() === '' ? t('timeline.whatsapp.openedChat') : text,
      );
      notifications.show({ message: t('timeline.whatsapp.logged'), autoClose: 3000 });
      setEdited(null);
      onClose();
    } catch {
      notifications.show({ color: 'red', message: t('timeline.whatsapp.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('timeline.whatsapp.title', { name: contact.name })}
      size="lg"
    >
      {phones.length === 0 ? (
        <Alert color="yellow">{t('timeline.whatsapp.noPhone')}</Alert>
      ) : (
        <Stack gap="sm">
          {(!message || phones.length > 1) && (
            <Group grow align="flex-end">
              {!message && (
                <Select
                  label={t('timeline.whatsapp.template')}
                  data={(templates ?? []).map((tpl) => ({
                    value: tpl.id,
                    label: templateLabel(tpl, t),
                  }))}
                  value={chosen?.id ?? null}
                  allowDeselect={false}
                  onChange={(v) => {
                    setTemplateId(v);
                    setEdited(null);
                  }}
                />
              )}
              {phones.length > 1 && (
                <Select
                  label={t('timeline.whatsapp.number')}
                  data={phones.map((p) => ({ value: p.e164, label: formatPhone(p) }))}
                  value={number}
                  allowDeselect={false}
                  onChange={setPhone}
                />
              )}
            </Group>
          )}
          <SegmentedControl
            aria-label={t('timeline.templates.language')}
            value={lang}
            onChange={(v) => {
              setLang(v as Language);
              setEdited(null);
            }}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Textarea
            label={t('timeline.whatsapp.message')}
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(e) => setEdited(e.currentTarget.value)}
          />
          {edited === null && filled.missing.length > 0 && (
            <Text size="sm" c="orange">
              {t('timeline.whatsapp.missing', {
                list: filled.missing.map((m) => `{${m}}`).join(', '),
              })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              leftSection={<IconBrandWhatsapp size={16} />}
              onClick={() => void send()}
              loading={busy}
            >
              {t('timeline.whatsapp.open')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
