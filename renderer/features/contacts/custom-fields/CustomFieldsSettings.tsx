import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDef,
  type CustomFieldType,
} from '../../../../shared/contacts/custom-fields';
import { useRepositories } from '../../../app/services';
import { useCustomFields } from './useCustomFields';

interface Draft {
  id?: string;
  name: string;
  type: CustomFieldType;
  options: string;
}

/** Settings: the shop defines its own contact fields (#18.8). */
export function CustomFieldsSettings() {
  const { t } = useTranslation();
  const { customFields: repo } = useRepositories();
  const fields = useCustomFields();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = (d: Draft) => {
    setError(null);
    setDraft(d);
  };
  const save = async () => {
    if (!draft) return;
    const value = {
      name: draft.name,
      type: draft.type,
      ...(draft.type === 'choice' && {
        options: draft.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
      }),
    };
    const result = draft.id ? await repo.update(draft.id, value) : await repo.create(value);
    if (!result.ok) return setError(t(result.error));
    setDraft(null);
    notifications.show({ message: t('customFields.saved'), autoClose: 2500 });
  };
  const remove = async (f: CustomFieldDef) => {
    await repo.remove(f.id);
    notifications.show({ message: t('customFields.removed', { name: f.name }), autoClose: 4000 });
  };

  return (
    <Card withBorder padding="lg" data-testid="custom-fields-settings">
      <Stack gap="xs">
        <Text fw={600}>{t('customFields.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('customFields.description')}
        </Text>
        {fields.length === 0 ? (
          <Text size="sm">{t('customFields.none')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>
                    {t(`customFields.types.${f.type}`)}
                    {f.options ? `: ${f.options.join(', ')}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={`${t('customFields.edit')} ${f.name}`}
                        onClick={() =>
                          open({
                            id: f.id,
                            name: f.name,
                            type: f.type,
                            options: (f.options ?? []).join('\n'),
                          })
                        }
                      >
                        {t('customFields.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('customFields.remove')} ${f.name}`}
                        onClick={() => void remove(f)}
                      >
                        {t('customFields.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Button
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => open({ name: '', type: 'text', options: '' })}
        >
          {t('customFields.add')}
        </Button>
      </Stack>
      <Modal
        opened={draft !== null}
        onClose={() => setDraft(null)}
        title={draft?.id ? t('customFields.edit') : t('customFields.add')}
      >
        {draft && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('customFields.name')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                error={error}
                data-autofocus
              />
              <Select
                label={t('customFields.type')}
                allowDeselect={false}
                data={CUSTOM_FIELD_TYPES.map((v) => ({
                  value: v,
                  label: t(`customFields.types.${v}`),
                }))}
                value={draft.type}
                onChange={(v) => v && setDraft({ ...draft, type: v as CustomFieldType })}
              />
              {draft.type === 'choice' && (
                <Textarea
                  label={t('customFields.options')}
                  description={t('customFields.optionsHelp')}
                  autosize
                  minRows={3}
                  value={draft.options}
                  onChange={(e) => setDraft({ ...draft, options: e.currentTarget.value })}
                />
              )}
              <Group justify="flex-end">
                <Button type="submit">{t('common.save')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Card>
  );
}
