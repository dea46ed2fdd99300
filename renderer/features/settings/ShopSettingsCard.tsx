import { Card, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMMON_CURRENCIES, currencyOf } from '../../../shared/money';
import { COMMON_TIME_ZONES } from '../../../shared/shop-settings';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';

/** The shop's currency and time zone: synced settings that decide how amounts and times read. */
export function ShopSettingsCard() {
  const { t } = useTranslation();
  const { shop: repo } = useRepositories();
  const shop = useShop();
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = [...new Set<string>([...COMMON_TIME_ZONES, deviceZone, shop.timeZone ?? 'UTC'])];

  const done = (r: { ok: true } | { ok: false; error: string }) =>
    notifications.show({
      color: r.ok ? 'teal' : 'red',
      message: r.ok ? t('shop.saved') : t(r.error),
      autoClose: 3000,
    });

  return (
    <Card withBorder padding="lg" data-testid="shop-settings">
      <Stack gap="xs">
        <Text fw={600}>{t('shop.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('shop.description')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('shop.currency')}
            description={t('shop.currencyHelp', { decimals: shop.currency.decimals })}
            data={[...new Set<string>([...COMMON_CURRENCIES, shop.currency.code])]}
            value={shop.currency.code}
            searchable
            allowDeselect={false}
            onChange={(code) => {
              const c = code ? currencyOf(code) : null;
              if (c && c.code !== shop.currency.code) void repo.setCurrency(c).then(done);
            }}
          />
          <Select
            label={t('shop.timeZone')}
            description={t('shop.timeZoneHelp')}
            placeholder={t('shop.timeZoneUnset', { zone: deviceZone })}
            data={zones}
            value={shop.timeZone ?? null}
            searchable
            allowDeselect={false}
            onChange={(zone) => {
              if (zone && zone !== shop.timeZone) void repo.setTimeZone(zone).then(done);
            }}
          />
        </SimpleGrid>
        {!shop.timeZone && (
          <Text size="xs" c="dimmed" data-testid="time-zone-unset">
            {t('shop.timeZoneUnset', { zone: deviceZone })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
