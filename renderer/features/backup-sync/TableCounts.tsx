import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TableName } from '../../../shared/schemas';
import { TABLE_NAMES } from '../../../shared/sync/envelope';

/** Records per table: in a file, and optionally what this device holds now. */
export function TableCounts({
  inFile,
  onDevice,
}: {
  inFile: Record<TableName, number>;
  onDevice?: Record<TableName, number>;
}) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder fz="sm" data-testid="file-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.tableColumn')}</Table.Th>
          <Table.Th ta="right">{t('backup.inFile')}</Table.Th>
          {onDevice && <Table.Th ta="right">{t('backup.onDevice')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TABLE_NAMES.map((name) => (
          <Table.Tr key={name}>
            <Table.Td>{t(`backup.tables.${name}`)}</Table.Td>
            <Table.Td ta="right">{inFile[name]}</Table.Td>
            {onDevice && <Table.Td ta="right">{onDevice[name]}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
