import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readStorageStatus, type StorageStatus } from '../../app/storage';
import { useLocale } from '../../i18n/useLocale';

function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  const unit = mb >= 1024 ? 'gigabyte' : 'megabyte';
  const value = unit === 'gigabyte' ? mb / 1024 : mb;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** How much space the book takes on this device, and whether the browser may evict it. */
export function StorageCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void readStorageStatus().then(setStatus);
  }, []);

  const share =
    status?.usageBytes != null && status.quotaBytes
      ? (status.usageBytes / status.quotaBytes) * 100
      : null;

  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.storage.title')}</Text>
          {status?.persisted != null && (
            <Badge color={status.persisted ? 'teal' : 'orange'} variant="light" tt="none">
              {t(status.persisted ? 'settings.storage.persisted' : 'settings.storage.notPersisted')}
            </Badge>
          )}
        </Group>
        {status?.usageBytes != null && status.quotaBytes != null ? (
          <>
            <Text size="sm" data-testid="storage-usage">
              {t('settings.storage.usage', {
                used: formatBytes(status.usageBytes, locale),
                available: formatBytes(status.quotaBytes, locale),
              })}
            </Text>
            <Progress
              value={Math.max(share ?? 0, 0.5)}
              size="sm"
              aria-label={t('settings.storage.title')}
            />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.storage.unknown')}
          </Text>
        )}
        {status?.persisted === false && (
          <Text size="sm" c="dimmed">
            {t('settings.storage.notPersistedHelp')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
