import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { useTodayGlance } from './useTodayGlance';

/** Today's sales, revenue, new members and points issued, above Today's lists. */
export function TodayGlance() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shop = useShop();
  const day = useTodayGlance();
  if (!day) return null;
  const figures = [
    { id: 'sales', label: t('checkout.glance.sales'), value: day.sales.toLocaleString(locale) },
    {
      id: 'revenue',
      label: t('checkout.glance.revenue'),
      value: formatMoney(day.revenue, shop.currency, locale),
    },
    {
      id: 'new-members',
      label: t('checkout.glance.newMembers'),
      value: day.newMembers.toLocaleString(locale),
    },
    {
      id: 'points',
      label: t('checkout.glance.pointsIssued'),
      value: day.pointsIssued.toLocaleString(locale),
    },
  ];
  return (
    <section aria-label={t('checkout.glance.title')} data-testid="today-glance">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {figures.map((f) => (
          <Paper key={f.id} withBorder p="sm" data-testid={`glance-${f.id}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {f.label}
            </Text>
            <Text fw={700} size="xl">
              {f.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
