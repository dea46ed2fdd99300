import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import { useReasonText } from './useContactImport';

/** Rows listed on screen; the rest are counted (the refused ones can be downloaded whole). */
const SHOWN = 50;

type Kept = Extract<PreparedRow, { ok: true }>;
type Refused = Extract<PreparedRow, { ok: false }>;

/** Rows imported with a value set aside (to the note), and why. */
export function WarningRows({ kept }: { kept: readonly Kept[] }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('contacts.import.warningsTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('contacts.import.warningsHelp')}
      </Text>
      <Table.ScrollContainer minWidth={400} maxHeight={200}>
        <Table withTableBorder data-testid="import-warnings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('contacts.import.line')}</Table.Th>
              <Table.Th>{t('contacts.fields.name')}</Table.Th>
              <Table.Th>{t('contacts.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kept.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.fields.name}</Table.Td>
                <Table.Td>{reasonText(r.warnings)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {kept.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('contacts.import.moreWarnings', { count: kept.length - SHOWN })}
        </Text>
      )}
    </Stack>
  );
}

/** Rows the import refuses (nothing names the person), why, and a download of them all. */
export function RejectedRows({
  rejected,
  onDownload,
}: {
  rejected: readonly Refused[];
  onDownload: () => void;
}) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('contacts.import.rejectedTitle')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconDownload size={14} />}
          onClick={onDownload}
        >
          {t('contacts.import.downloadRejected')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={400} maxHeight={220}>
        <Table withTableBorder data-testid="rejected-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('contacts.import.line')}</Table.Th>
              <Table.Th>{t('contacts.import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{reasonText(r.problems)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rejected.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('contacts.import.moreRejected', { count: rejected.length - SHOWN })}
        </Text>
      )}
    </Stack>
  );
}
