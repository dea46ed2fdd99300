import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
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
  const read = useLiveQuery(
    async () => ({
      ids,
      contacts: await timeline.contactSummaries(ids === '' ? [] : ids.split(',')),
    }),
    [timeline, ids],
  );
  // The answer for these rows (after "+N more", the last answer is for fewer rows for a moment).
  const contacts = read?.ids === ids ? read.contacts : undefined;
  const usually = (days: number | null) => {
    if (days === null) return t('today.noPattern');
    const n = Math.round(days);
    return n <= 1 ? t('today.usuallyDaily') : t('today.usually', { days: n });
  };
  return rows.map((q, i) => {
    // A placeholder while the names are read (a moment): the card keeps its rows and height.
    if (contacts === undefined) return <Skeleton key={q.contactId} height={44} radius="sm" />;
    const contact = contacts[i];
    if (!contact) return null;
    return (
      <Group key={q.contactId} justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <ContactLink contact={contact} />
          <Text size="sm" c="dimmed">
            {t('today.lastBought', { days: q.verdict.daysSince })} ·{' '}
            {usually(q.verdict.usualIntervalDays)}
          </Text>
        </Stack>
        <Button size="compact-sm" variant="light" color="green" onClick={() => onMessage(contact)}>
          {t('today.message')}
        </Button>
      </Group>
    );
  });
}
