import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { useDeviceLabel, useHistoryWords } from './useHistoryWords';

/** The last merge from each device, and field values that lost a merge (kept, not gone). */
export function SyncStatus() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { sync } = useRepositories();
  const log = useLiveQuery(() => sync.importLog(), [sync]);
  const history = useLiveQuery(() => sync.historyView(50), [sync]);
  const device = useDeviceLabel();
  const words = useHistoryWords();

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('backup.lastMerges')}
        </Title>
        {log && log.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('backup.neverMerged')}
          </Text>
        )}
        <List size="sm" data-testid="merge-log">
          {log?.map((entry) => (
            <List.Item key={entry.deviceId}>
              {t('backup.mergeLine', {
                count: entry.changes,
                device: device(entry.deviceId),
                date: formatDateTime(entry.mergedAt, locale),
              })}
            </List.Item>
          ))}
        </List>
        <Title order={4} size="h5" mt="xs">
          {t('backup.historyTitle')}
        </Title>
        {history && history.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('backup.historyEmpty')}
          </Text>
        )}
        <List size="sm" data-testid="merge-history">
          {history?.map((h) => {
            const w = words(h);
            return (
              <List.Item key={h.seq}>
                {t('backup.historyLine', w)}{' '}
                <Text span size="xs" c="dimmed">
                  {w.date}
                </Text>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Card>
  );
}
