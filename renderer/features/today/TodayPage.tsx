import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconHome, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate, localCalendarDate } from '../../../shared/dates';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../placeholder/EmptyState';

/** Home. Follow-ups, birthdays and quiet customers arrive with the timeline issue. */
export function TodayPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { contacts } = useRepositories();
  const count = useLiveQuery(() => contacts.count(), [contacts]);
  const today = localCalendarDate(new Date());

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('today.title')}</Title>
          <Text c="dimmed" size="sm">
            {formatCalendarDate(today, locale)}
          </Text>
        </div>
      </Group>
      {count === 0 ? (
        <EmptyState
          icon={IconHome}
          title={t('today.emptyTitle')}
          description={t('today.emptyDescription')}
          action={
            <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={16} />}>
              {t('contacts.new')}
            </Button>
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Card withBorder padding="lg">
            <Text size="sm" c="dimmed">
              {t('today.contactsInBook')}
            </Text>
            <Text size="xl" fw={700} data-testid="today-contact-count">
              {count === undefined ? '…' : count.toLocaleString(locale)}
            </Text>
            <Button
              component={Link}
              to="/contacts"
              variant="subtle"
              px={0}
              leftSection={<IconAddressBook size={16} />}
            >
              {t('today.openContacts')}
            </Button>
          </Card>
          <Card withBorder padding="lg" style={{ gridColumn: 'span 2' }}>
            <Text fw={600}>{t('today.soonTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('today.soonDescription')}
            </Text>
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}
