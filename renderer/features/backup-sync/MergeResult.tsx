import { Alert, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TABLE_NAMES } from '../../../shared/sync/envelope';
import { REFUSAL_REASONS, refusalTotal } from '../../../shared/sync/guard';
import type { ImportResult } from '../../db/repositories/sync';
import { useDeviceLabel } from './useHistoryWords';

type Merged = Extract<ImportResult, { status: 'merged' }>;

/**
 * What a merge changed, per table, plus conflicts kept in history, rows of the file that were
 * refused (shared/sync/guard.ts) and a clock warning.
 */
export function MergeResult({ result, fileName }: { result: Merged; fileName: string }) {
  const { t } = useTranslation();
  const device = useDeviceLabel();
  const refused = refusalTotal(result.refused);
  const rows = TABLE_NAMES.filter((n) => {
    const s = result.summary[n];
    return s.added + s.updated + s.deleted > 0;
  });
  return (
    <Stack gap="xs" data-testid="merge-result">
      <Text fw={600}>{t('backup.mergeResult')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('backup.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder fz="sm" maw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backup.tableColumn')}</Table.Th>
              <Table.Th ta="right">{t('backup.added')}</Table.Th>
              <Table.Th ta="right">{t('backup.updated')}</Table.Th>
              <Table.Th ta="right">{t('backup.deleted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((n) => (
              <Table.Tr key={n}>
                <Table.Td>{t(`backup.tables.${n}`)}</Table.Td>
                <Table.Td ta="right">{result.summary[n].added}</Table.Td>
                <Table.Td ta="right">{result.summary[n].updated}</Table.Td>
                <Table.Td ta="right">{result.summary[n].deleted}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.conflicts > 0 && (
        <Text size="sm">{t('backup.conflicts', { count: result.conflicts })}</Text>
      )}
      {refused > 0 && (
        <Alert color="red" title={t('backup.refusedTitle', { file: fileName, count: refused })}>
          <Stack gap={4} data-testid="merge-refused">
            <Text size="sm">{t('backup.refusedBody')}</Text>
            {REFUSAL_REASONS.filter((r) => result.refused[r] > 0).map((r) => (
              <Text size="sm" key={r}>
                {t(`backup.refusedReason.${r}`, { count: result.refused[r] })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {result.overRefunded > 0 && (
        <Alert color="orange" data-testid="merge-over-refunded">
          {t('backup.overRefunded', { count: result.overRefunded })}
        </Alert>
      )}
      {result.drift && (
        <Alert color="orange">
          {t('backup.drift', {
            device: device(result.drift.deviceId),
            days: Math.round(result.drift.aheadMs / 86_400_000),
          })}
        </Alert>
      )}
    </Stack>
  );
}
