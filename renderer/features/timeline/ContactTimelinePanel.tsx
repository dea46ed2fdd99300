import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The contact's timeline: notes, interactions, sales and points events (the timeline issue). */
export function ContactTimelinePanel(_props: { contactId: string }) {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('comingSoon.followups.description')}</Text>;
}
