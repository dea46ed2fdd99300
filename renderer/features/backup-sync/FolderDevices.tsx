import { Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { FolderState } from '../../../shared/sync/folder';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

/** Other devices in the sync folder, by the name each gave itself, and when each was seen. */
export function FolderDevices({ state }: { state: FolderState }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { devices: repo } = useRepositories();
  const names = useLiveQuery(() => repo.names(), [repo]) ?? {};
  const devices = Object.entries(state.devices)
    .filter(([, d]) => d.lastFile || d.seenAt)
    .sort(([a], [b]) => (names[a] ?? a).localeCompare(names[b] ?? b));
  if (devices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('backup.folder.noDevices')}
      </Text>
    );
  }
  return (
    <Table fz="sm" data-testid="sync-folder-devices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.fileDevice')}</Table.Th>
          <Table.Th>{t('backup.folder.lastSeen')}</Table.Th>
          <Table.Th>{t('backup.folder.mergedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {devices.map(([id, d]) => (
          <Table.Tr key={id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {names[id] ?? t('backup.folder.unnamed')}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {id}
              </Text>
            </Table.Td>
            <Table.Td>{d.seenAt ? formatDateTime(d.seenAt, locale) : ''}</Table.Td>
            <Table.Td>
              {d.lastAt ? formatDateTime(d.lastAt, locale) : ''}
              {d.lastFile && (
                <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {d.lastFile}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
