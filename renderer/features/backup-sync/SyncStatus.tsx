import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The last merge from each device, and field values that lost a merge (kept, not gone). */
export function SyncStatus() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { sync } = useRepositories();
  const log = useLiveQuery(() => sync.importLog(), [sync]);
  const history = useLiveQuery(() => sync.history(50), [sync]);

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
                device: entry.deviceId,
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
          {history?.map((h) => (
            <List.Item key={h.seq}>
              {t('backup.historyLine', {
                table: t(`backup.tables.${h.table}`, { defaultValue: h.table }),
                field: h.field,
                value: shortValue(h.value),
              })}{' '}
              <Text span size="xs" c="dimmed">
                {formatDateTime(h.at, locale)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
