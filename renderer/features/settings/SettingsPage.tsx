import { Card, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostInfo } from '../../../shared/host-api';
import { calendarDateIn, formatCalendarDate } from '../../../shared/dates';
import { useHost, useRepositories } from '../../app/services';
import type { Language } from '../../i18n';
import { useMoney } from '../../app/useMoney';
import { useShop } from '../../app/useShop';
import { useLocale } from '../../i18n/useLocale';
import { BackupSettings } from '../backup-sync/BackupSettings';
import { PhoneCountrySetting } from '../contacts/PhoneCountrySetting';
import { CustomFieldsSettings } from '../contacts/custom-fields/CustomFieldsSettings';
import { LoyaltySettings } from '../loyalty/LoyaltySettings';
import { TemplateSettings } from '../timeline/TemplateSettings';
import { DemoDataCard } from './DemoDataCard';
import { ShopProfileCard } from './ShopProfileCard';
import { ShopSettingsCard } from './ShopSettingsCard';
import { FiguresRepairCard } from './FiguresKeeper';
import { StorageCard } from './StorageCard';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { language, locale } = useLocale();
  const money = useMoney();
  const shop = useShop();
  const host = useHost();
  const { clock } = useRepositories();
  const [info, setInfo] = useState<HostInfo | null>(null);
  useEffect(() => {
    void host.getInfo().then(setInfo);
  }, [host]);

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Text fw={600}>{t('settings.language')}</Text>
          <Text size="sm" c="dimmed">
            {t('settings.languageHelp')}
          </Text>
          <SegmentedControl
            aria-label={t('settings.language')}
            value={language}
            onChange={(v) => void i18n.changeLanguage(v as Language)}
            data={[
              { value: 'en', label: 'English' },
              { value: 'id', label: 'Bahasa Indonesia' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Group gap="lg" mt="xs">
            <Text size="sm">
              {t('settings.moneyExample')}:{' '}
              <b data-testid="money-example">{money(1_250_000 * 10 ** shop.currency.decimals)}</b>
            </Text>
            <Text size="sm">
              {t('settings.dateExample')}:{' '}
              <b>
                {formatCalendarDate(calendarDateIn(new Date().getTime(), shop.timeZone), locale)}
              </b>
            </Text>
          </Group>
        </Stack>
      </Card>
      <PhoneCountrySetting />
      <CustomFieldsSettings />
      <StorageCard />
      <FiguresRepairCard />
      <DemoDataCard />
      <ShopSettingsCard />
      <LoyaltySettings />
      <ShopProfileCard />
      <TemplateSettings />
      <BackupSettings />
      <Card withBorder padding="lg">
        <Text fw={600} mb="xs">
          {t('settings.about')}
        </Text>
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('settings.version')}</Table.Th>
              <Table.Td>{info?.appVersion ?? '…'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.runningIn')}</Table.Th>
              <Table.Td>{info ? t(`settings.host.${info.kind}`) : '…'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.deviceId')}</Table.Th>
              <Table.Td ff="monospace">{clock.deviceId}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
