import { Button, Card, Stack, Text } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AutoBackupSettings } from './AutoBackupSettings';

/** The Settings screen's pointer to backups and sync. */
export function BackupSettings() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{t('backup.settingsTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('backup.settingsHelp')}
        </Text>
        <Button
          variant="light"
          leftSection={<IconDatabaseExport size={16} />}
          onClick={() => navigate('/backup')}
        >
          {t('backup.settingsOpen')}
        </Button>
        <AutoBackupSettings />
      </Stack>
    </Card>
  );
}
