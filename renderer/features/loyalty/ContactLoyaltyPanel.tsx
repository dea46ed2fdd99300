import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The contact's purchases, points balance, tier and ledger (the sales and loyalty issue). */
export function ContactLoyaltyPanel(_props: { contactId: string }) {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('comingSoon.sales.description')}</Text>;
}
