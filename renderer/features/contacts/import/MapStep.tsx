import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  hasNameColumn,
  IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../../shared/contacts/import-mapping';
import type { TextEncodingName } from '../../../../shared/text-encoding';
import { EncodingSelect } from './EncodingSelect';
import type { MapState } from './useContactImport';

/** The name a column kept as a field gets: the one chosen, else its header. */
const customNameOf = (m: ColumnMapping | undefined, header: string): string =>
  m?.customName ?? (header.trim().slice(0, 60) || '?');

/** A CSV's columns, an example value of each, and what each is imported as. */
export function MapStep({
  state,
  onMapping,
  onEncoding,
  onBack,
  onNext,
}: {
  state: MapState;
  onMapping: (mapping: ColumnMapping[]) => void;
  onEncoding: (encoding: TextEncodingName) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { headers, sample, mapping, encoding } = state;
  const named = hasNameColumn(mapping);
  const choose = (i: number, header: string, v: string | null) => {
    const next = [...mapping];
    const field = (v ?? 'ignore') as ImportField;
    next[i] =
      field === 'custom'
        ? { field, customName: customNameOf(mapping[i], header) }
        : { ...next[i], field };
    onMapping(next);
  };
  return (
    <Stack>
      <Text fw={600}>{t('contacts.import.mapTitle')}</Text>
      <Text size="sm" c="dimmed">
        {t('contacts.import.mapHelp')}
      </Text>
      <EncodingSelect value={encoding} onChange={onEncoding} />
      {!named && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} role="alert">
          {t('contacts.import.noNameColumn')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={500} maxHeight={380}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.import.column')}</Table.Th>
              <Table.Th>{t('contacts.import.example')}</Table.Th>
              <Table.Th>{t('contacts.import.importAs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headers.map((h, i) => (
              <Table.Tr key={i}>
                <Table.Td>{h}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {sample.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${t('contacts.import.importAs')}: ${h}`}
                    allowDeselect={false}
                    data={[
                      ...(['ignore', ...IMPORT_FIELDS] as ImportField[]).map((f) => ({
                        value: f,
                        label: t(`contacts.import.fieldsMap.${f}`),
                      })),
                      // No column has to be thrown away: keep it as the shop's own field.
                      {
                        value: 'custom',
                        label: t('customFields.keepAs', { name: customNameOf(mapping[i], h) }),
                      },
                    ]}
                    value={mapping[i]?.field ?? 'ignore'}
                    onChange={(v) => choose(i, h, v)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {t('contacts.import.back')}
        </Button>
        <Button disabled={!named} onClick={onNext}>
          {t('contacts.import.next')}
        </Button>
      </Group>
    </Stack>
  );
}
