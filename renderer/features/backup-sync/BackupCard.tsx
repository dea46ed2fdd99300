import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encryptText } from '../../../shared/sync/crypto';
import { serializeEnvelope } from '../../../shared/sync/envelope';
import { useHost, useRepositories } from '../../app/services';
import { APP_NAME, backupFileName, KENAL_FILE_FILTERS } from './file-names';
import { FileProblemAlert } from './FileProblemAlert';
import type { ReadProblem } from './file-problem';

/** Save a full backup where the user chooses, encrypted when a password is given. */
export function BackupCard() {
  const { t } = useTranslation();
  const host = useHost();
  const { sync } = useRepositories();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReadProblem | null>(null);

  async function save() {
    setBusy(true);
    setProblem(null);
    try {
      const text = serializeEnvelope(await sync.exportBackup(APP_NAME));
      const content = password ? JSON.stringify(await encryptText(text, password)) : text;
      const result = await host.saveFile({
        suggestedName: backupFileName(new Date(), false, password !== ''),
        content,
        mimeType: 'application/json',
        filters: KENAL_FILE_FILTERS,
      });
      if (result.saved) {
        setPassword('');
        notifications.show({
          color: 'teal',
          title: t('backup.backupSaved'),
          message: t('backup.savedTo', { location: result.location ?? '' }),
        });
      }
    } catch (error) {
      setProblem({
        code: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('backup.backupTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.backupHelp')}
        </Text>
        <Group align="flex-end">
          <PasswordInput
            label={t('backup.password')}
            description={t('backup.passwordHelp')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            style={{ flex: 1, maxWidth: 420 }}
            autoComplete="new-password"
          />
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => void save()}
            loading={busy}
          >
            {t('backup.saveBackup')}
          </Button>
        </Group>
        <FileProblemAlert problem={problem} kind="backup" onClose={() => setProblem(null)} />
      </Stack>
    </Card>
  );
}
