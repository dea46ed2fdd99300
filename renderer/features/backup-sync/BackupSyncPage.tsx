import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupCard } from './BackupCard';
import { FolderSyncCard } from './FolderSyncCard';
import { RestoreCard } from './RestoreCard';
import { SyncCard } from './SyncCard';
import { SyncStatus } from './SyncStatus';

/** Backups the user owns, restore with a preview, and device sync by file (DESIGN 5 and 6). */
export function BackupSyncPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={860}>
      <Title order={2}>{t('backup.title')}</Title>
      <Text c="dimmed">{t('backup.intro')}</Text>
      <BackupCard />
      <RestoreCard />
      <SyncCard />
      <FolderSyncCard />
      <SyncStatus />
    </Stack>
  );
}
