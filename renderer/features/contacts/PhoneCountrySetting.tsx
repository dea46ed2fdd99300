import { Card, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { usePhoneRegion } from './usePhoneRegion';

/** Countries a shop in Indonesia most often trades with, Indonesia first; the rest by name. */
const REGIONS = [
  'ID', 'MY', 'SG', 'BN', 'TL', 'PH', 'TH', 'VN', 'KH', 'MM', 'LA', 'CN', 'HK', 'TW', 'JP', 'KR',
  'IN', 'SA', 'AE', 'QA', 'AU', 'NZ', 'NL', 'DE', 'GB', 'FR', 'US', 'CA',
]; // prettier-ignore

/** Settings: which country a phone number typed without "+" belongs to (#18). */
export function PhoneCountrySetting() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { contacts } = useRepositories();
  const region = usePhoneRegion();
  const data = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const [first, ...rest] = REGIONS.map((r) => ({ value: r, label: names.of(r) ?? r }));
    return [first!, ...rest.sort((a, b) => a.label.localeCompare(b.label, locale))];
  }, [locale]);

  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Text fw={600}>{t('settings.phoneCountry')}</Text>
        <Select
          label={t('settings.phoneCountryLabel')}
          description={t('settings.phoneCountryHelp')}
          allowDeselect={false}
          searchable
          w={320}
          data={data}
          value={region}
          onChange={(v) => {
            if (!v || v === region) return;
            void contacts
              .setPhoneRegion(v)
              .then(() =>
                notifications.show({ message: t('settings.phoneCountrySaved'), autoClose: 2500 }),
              );
          }}
        />
      </Stack>
    </Card>
  );
}
