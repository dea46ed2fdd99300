import { Button, Stack, Title } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NavItem } from '../../app/navigation';
import { EmptyState } from './EmptyState';

/**
 * An area of the app that is not built yet: says what it will do and sends the user somewhere
 * useful meanwhile. `area` is the i18n namespace under `comingSoon`.
 */
export function ComingSoonPage({ item, area }: { item: NavItem; area: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t(item.label)}</Title>
      <EmptyState
        icon={item.icon}
        title={t(`comingSoon.${area}.title`)}
        description={t(`comingSoon.${area}.description`)}
        action={
          <Button
            component={Link}
            to="/contacts"
            variant="light"
            leftSection={<IconAddressBook size={16} />}
          >
            {t('comingSoon.goToContacts')}
          </Button>
        }
      />
    </Stack>
  );
}
