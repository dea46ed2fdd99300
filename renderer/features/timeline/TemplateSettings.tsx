import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/contact-input';
import type { MessageTemplate, TemplateFields } from '../../../shared/schemas';
import { TEMPLATE_PURPOSES } from '../../../shared/schemas/template';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';
import { renderMessage, type MessageFacts } from '../../../shared/timeline/message-values';
import { PLACEHOLDERS, unknownPlaceholders } from '../../../shared/timeline/templates';
import { useShop } from '../../app/useShop';
import { useRepositories } from '../../app/services';
import { useUndoNotice } from '../../app/ui/useUndoNotice';
import { INTL_LOCALE } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { templateLabel } from './template-label';
import type { TemplatePurpose } from './WhatsAppDialog';

const isBuiltIn = (id: string) => DEFAULT_TEMPLATES.some((d) => d.id === id);

/** Settings: the WhatsApp message templates, in both languages, with a live preview. */
export function TemplateSettings() {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const templates = useLiveQuery(() => timeline.templates(), [timeline]);
  const [editing, setEditing] = useState<{ id?: string; fields: TemplateFields } | null>(null);

  const showUndo = useUndoNotice();
  const remove = async (tpl: MessageTemplate) => {
    await timeline.removeTemplate(tpl.id);
    showUndo({
      id: `template-deleted-${tpl.id}`,
      message: t('timeline.templates.deleted'),
      undo: () => timeline.restoreTemplate(tpl.id),
    });
  };

  return (
    <Card withBorder padding="lg" data-testid="template-settings">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('timeline.templates.title')}</Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setEditing({
              fields: {
                name: t('timeline.templates.newName'),
                purpose: 'custom',
                body: { en: '', id: '' },
              },
            })
          }
        >
          {t('timeline.templates.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('timeline.templates.help')}
      </Text>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {(templates ?? []).map((tpl) => (
            <Table.Tr key={tpl.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {templateLabel(tpl, t)}
                  </Text>
                  {isBuiltIn(tpl.id) && (
                    <Badge size="xs" variant="light" color="gray">
                      {t('timeline.templates.builtIn')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t(`timeline.templates.purposes.${tpl.purpose}`)}
                </Text>
              </Table.Td>
              <Table.Td w={80}>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`${t('timeline.templates.edit')} ${templateLabel(tpl, t)}`}
                    onClick={() =>
                      setEditing({
                        id: tpl.id,
                        fields: {
                          name: templateLabel(tpl, t),
                          purpose: tpl.purpose,
                          body: tpl.body,
                        },
                      })
                    }
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('timeline.templates.delete')} ${templateLabel(tpl, t)}`}
                    onClick={() => void remove(tpl)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('timeline.templates.title')}
        size="lg"
      >
        {editing && (
          <TemplateForm
            initial={editing.fields}
            onCancel={() => setEditing(null)}
            onSave={async (fields) => {
              const r = await timeline.saveTemplate(editing.id, fields);
              if (!r.ok) return r.error;
              notifications.show({ message: t('timeline.templates.saved'), autoClose: 2500 });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

function TemplateForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: TemplateFields;
  onSave: (fields: TemplateFields) => Promise<FieldError[] | void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const { profile, currency } = useShop();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [lastBody, setLastBody] = useState<'id' | 'en'>(language);
  const err = (path: string) => {
    const e = errors.find((x) => x.path === path);
    return e ? t(e.message) : undefined;
  };
  // A sample customer with every fact known; the shop's own profile where it is filled in.
  const [now] = useState(() => Date.now());
  const sample: MessageFacts = {
    contact: { name: 'Siti Rahayu', salutation: 'bu' },
    points: 1250,
    tier: t('timeline.templates.previewTier'),
    expiring: { points: 200, at: new Date(now + 14 * 86_400_000).toISOString() },
    lastPurchaseAt: new Date(now - 60 * 86_400_000).toISOString(),
    due: new Date(now).toISOString(),
    // In the shop's currency: Rp 250.000, or 250.00 where it has cents.
    sale: {
      amount: currency.decimals === 0 ? 250_000 : 250 * 10 ** currency.decimals,
      pointsEarned: 25,
      currency,
    },
    shop: {
      name: profile.name || t('timeline.templates.previewShop'),
      address: profile.address || t('timeline.templates.previewAddress'),
      phone: profile.phone || '0812-3456-7890',
      signOff: profile.signOff,
    },
  };
  const preview = renderMessage(fields.body[lastBody], sample, INTL_LOCALE[lastBody]);
  const unknown = unknownPlaceholders(`${fields.body.id}\n${fields.body.en}`);
  const insert = (p: string) =>
    setFields({
      ...fields,
      body: { ...fields.body, [lastBody]: `${fields.body[lastBody]}{${p}}` },
    });

  return (
    <form
      noValidate
      aria-label={t('timeline.templates.title')}
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await onSave(fields);
        if (r) setErrors(r);
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('timeline.templates.name')}
            maxLength={200}
            value={fields.name}
            onChange={(e) => setFields({ ...fields, name: e.currentTarget.value })}
            error={err('name')}
          />
          <Select
            label={t('timeline.templates.purpose')}
            data={TEMPLATE_PURPOSES.map((p) => ({
              value: p,
              label: t(`timeline.templates.purposes.${p}`),
            }))}
            value={fields.purpose}
            allowDeselect={false}
            onChange={(v) => v && setFields({ ...fields, purpose: v as TemplatePurpose })}
          />
        </Group>
        <Textarea
          label={t('timeline.templates.bodyId')}
          autosize
          minRows={3}
          maxLength={5000}
          value={fields.body.id}
          onFocus={() => setLastBody('id')}
          onChange={(e) =>
            setFields({ ...fields, body: { ...fields.body, id: e.currentTarget.value } })
          }
          error={err('body.id')}
        />
        <Textarea
          label={t('timeline.templates.bodyEn')}
          autosize
          minRows={3}
          maxLength={5000}
          value={fields.body.en}
          onFocus={() => setLastBody('en')}
          onChange={(e) =>
            setFields({ ...fields, body: { ...fields.body, en: e.currentTarget.value } })
          }
          error={err('body.en')}
        />
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t('timeline.templates.placeholders')}
          </Text>
          <Group gap={4}>
            {PLACEHOLDERS.map((p) => (
              <Badge
                key={p}
                component="button"
                type="button"
                variant="light"
                color="gray"
                tt="none"
                style={{ cursor: 'pointer' }}
                onClick={() => insert(p)}
              >
                {`{${p}}`}
              </Badge>
            ))}
          </Group>
        </div>
        {unknown.length > 0 && (
          <Text size="sm" c="orange" data-testid="template-unknown" role="status">
            {t('timeline.templates.unknown', { list: unknown.map((u) => `{${u}}`).join(', ') })}
          </Text>
        )}
        <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="xs" c="dimmed" mb={4}>
            {t('timeline.templates.previewFor', { name: 'Bu Siti Rahayu' })} ·{' '}
            {lastBody === 'id' ? 'Bahasa Indonesia' : 'English'}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview">
            {preview.text}
          </Text>
          {preview.missing.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('timeline.templates.leftOut', {
                list: preview.missing.map((m) => `{${m}}`).join(', '),
              })}
            </Text>
          )}
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
