import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { TableName } from '../../../shared/schemas';
import {
  serializeEnvelope,
  tableCounts,
  visibleTableCounts,
  TABLE_NAMES,
  type ReadFile,
} from '../../../shared/sync/envelope';
import { useHost, useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { writeSafetyBackup } from './auto-backup';
import { APP_NAME, backupFileName, KENAL_FILE_FILTERS } from './file-names';
import { FileProblemAlert } from './FileProblemAlert';
import { PasswordModal } from './PasswordModal';
import { TableCounts } from './TableCounts';
import { WorkingBar } from './WorkingBar';
import { useKenalFile } from './useKenalFile';

interface Preview {
  file: ReadFile;
  current: Record<TableName, number>;
}

/** Pick a backup, see what it holds, then replace everything after a safety backup. */
export function RestoreCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const host = useHost();
  const { sync } = useRepositories();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [restoring, setRestoring] = useState(false);
  const reader = useKenalFile('backup', async (file) => {
    const counts = await sync.counts();
    // What the lists show: merged duplicates and deleted records are not counted.
    const current = Object.fromEntries(TABLE_NAMES.map((n) => [n, counts[n].live])) as Record<
      TableName,
      number
    >;
    setPreview({ file, current });
  });

  function restore(p: Preview) {
    void reader.run(async () => {
      // Safety first: the current data goes to a file before anything is replaced; silently
      // into the backup folder in the desktop app, through a save dialog/download elsewhere.
      const safety =
        (await writeSafetyBackup(host, sync, APP_NAME)) ??
        (await host.saveFile({
          suggestedName: backupFileName(new Date(), true),
          content: serializeEnvelope(await sync.exportBackup(APP_NAME)),
          mimeType: 'application/json',
          filters: KENAL_FILE_FILTERS,
        }));
      if (!safety.saved) {
        setPreview(null);
        notifications.show({ color: 'orange', message: t('backup.safetyNeeded') });
        return;
      }
      setRestoring(true);
      try {
        await sync.restoreBackup(p.file.envelope);
      } finally {
        setRestoring(false);
      }
      setPreview(null);
      const count = Object.values(tableCounts(p.file.envelope.tables)).reduce((a, b) => a + b, 0);
      notifications.show({
        color: 'teal',
        title: t('backup.restored'),
        message: t('backup.restoredBody', { count, location: safety.location ?? '' }),
      });
    });
  }

  const env = preview?.file.envelope;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('backup.restoreTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.restoreHelp')}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconRestore size={16} />}
            onClick={reader.open}
            loading={reader.busy && !preview}
          >
            {t('backup.chooseBackup')}
          </Button>
        </Group>
        <FileProblemAlert
          problem={reader.problem}
          kind="backup"
          onClose={() => reader.setProblem(null)}
        />
      </Stack>
      <PasswordModal request={reader.passwordRequest} />
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={t('backup.previewTitle')}
        size="lg"
        centered
      >
        {preview && env && (
          <Stack>
            <Table variant="vertical" withTableBorder={false} fz="sm">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={160}>{t('backup.fileDate')}</Table.Th>
                  <Table.Td data-testid="file-date">
                    {formatDateTime(env.exportedAt, locale)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.fileDevice')}</Table.Th>
                  <Table.Td ff="monospace">
                    {env.deviceId}{' '}
                    {preview.file.encrypted && (
                      <Badge variant="light">{t('backup.encrypted')}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('backup.fileApp')}</Table.Th>
                  <Table.Td>{env.app}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <TableCounts inFile={visibleTableCounts(env.tables)} onDevice={preview.current} />
            <Alert color="orange">{t('backup.replaceWarning')}</Alert>
            {restoring && <WorkingBar label={t('backup.restoring')} testId="restore-progress" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" onClick={() => restore(preview)} loading={reader.busy}>
                {t('backup.replace')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
