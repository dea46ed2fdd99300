import { Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import type { ContactSummary, QuietCustomer } from '../../db/repositories/timeline';
import { ContactLink } from './ContactLink';

/**
 * The gone-quiet rows Today shows. Their contacts are read here, for the shown rows only (one
 * read): a book where thousands have gone quiet opens Today without reading all of them.
 */
export function QuietRows({
  rows,
  onMessage,
}: {
  rows: QuietCustomer[];
  onMessage: (contact: ContactSummary) => void;
}) {
  const { t } = useTranslation();
  const { timeline } = useRepositories();
  const ids = rows.map((q) => q.contactId).join(',');
  const contacts = useLiveQuery(
    () => timeline.contactSummaries(ids === '' ? [] : ids.split(',')),
    [timeline, ids],
  );
  return rows.map((q, i) => {
    const contact = contacts?.[i];
    if (!contact) return null;
    return (
      <Group key={q.contactId} justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <ContactLink contact={contact} />
          <Text size="sm" c="dimmed">
            {t('today.lastBought', { days: q.verdict.daysSince })} ·{' '}
            {q.verdict.usualIntervalDays !== null
              ? t('today.usually', { days: Math.round(q.verdict.usualIntervalDays) })
              : t('today.noPattern')}
          </Text>
        </Stack>
        <Button size="compact-sm" variant="light" color="green" onClick={() => onMessage(contact)}>
          {t('today.message')}
        </Button>
      </Group>
    );
  });
}
