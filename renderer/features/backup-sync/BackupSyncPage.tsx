import { Stack, Text, Title } from '@mantine/core';
import { usePhone } from '../../app/usePhone';
import { useTranslation } from 'react-i18next';
import { BackupCard } from './BackupCard';
import { FolderSyncCard } from './FolderSyncCard';
import { RestoreCard } from './RestoreCard';
import { SyncCard } from './SyncCard';
import { SyncStatus } from './SyncStatus';

/** Backups the user owns, restore with a preview, and device sync by file (ARCHITECTURE.md "Sync files and merge rules"). */
export function BackupSyncPage() {
  const { t } = useTranslation();
  // A phone has no sync folder, so sync by file comes first.
  const phone = usePhone();
  return (
    <Stack gap="md" maw={860}>
      <Title order={2}>{t('backup.title')}</Title>
      <Text c="dimmed">{t('backup.intro')}</Text>
      {phone && (
        <div data-testid="sync-card">
          <SyncCard phone />
        </div>
      )}
      <BackupCard />
      <RestoreCard />
      {!phone && (
        <div data-testid="sync-card">
          <SyncCard />
        </div>
      )}
      {!phone && <FolderSyncCard />}
      <SyncStatus />
    </Stack>
  );
}
