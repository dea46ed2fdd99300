import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useHistoryWords } from './useHistoryWords';

/**
 * On a contact's page: values of this contact (its fields, notes and follow-ups) that lost a
 * merge with another device, so a concurrent edit is seen where it happened, not only in the
 * sync screen. Nothing shows while there is none.
 */
export function ContactMergeHistory({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const { sync } = useRepositories();
  const rows = useLiveQuery(() => sync.contactHistory(contactId), [sync, contactId]);
  const words = useHistoryWords();
  if (!rows || rows.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="contact-merge-history">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('backup.contactHistoryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.contactHistoryHelp')}
        </Text>
        <List size="sm">
          {rows.map((h) => (
            <List.Item key={h.seq} style={{ overflowWrap: 'anywhere' }}>
              {t('backup.contactHistoryLine', words(h))}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
