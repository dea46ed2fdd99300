import {
  ActionIcon,
  AppShell,
  Group,
  Kbd,
  NavLink,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconKeyboard, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SyncScheduler } from '../features/backup-sync/SyncScheduler';
import { ReminderScheduler } from '../features/followups/ReminderScheduler';
import { MOD_KEY_LABEL } from './keys';
import { MenuCommands } from './MenuCommands';
import { StartupTasks } from './StartupTasks';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS } from './navigation';
import { useUiStore } from './ui-store';
import { useGlobalShortcuts } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';

export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const requestShortcut = useUiStore((s) => s.requestShortcut);
  const [helpOpen, setHelpOpen] = useState(false);
  useGlobalShortcuts(() => setHelpOpen(true));

  // Every screen but the list itself (a contact's page too) goes to the list's search box.
  const openSearch = () => {
    if (location.pathname !== '/contacts') void navigate('/contacts');
    requestShortcut('search', '/contacts');
  };

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size="md" radius="md" variant="filled" aria-hidden>
              <IconUsersGroup size={18} />
            </ThemeIcon>
            <Title order={1} size="h4">
              Kenal
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UnstyledButton
              onClick={openSearch}
              aria-label={t('shell.search')}
              px="sm"
              py={4}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
            >
              <Group gap={8} wrap="nowrap">
                <IconSearch size={14} color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed">
                  {t('shell.search')}
                </Text>
                <Kbd size="xs">{MOD_KEY_LABEL}+K</Kbd>
              </Group>
            </UnstyledButton>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => setHelpOpen(true)}
              aria-label={t('shortcuts.open')}
              title={t('shortcuts.open')}
            >
              <IconKeyboard size={18} />
            </ActionIcon>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        {NAV_ITEMS.map((item) => {
          const Icon = item.icon;
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.label)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={location.pathname.startsWith(item.path)}
              style={{ borderRadius: 8 }}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        <ReminderScheduler />
        <StartupTasks />
        <MenuCommands />
        <SyncScheduler />
        <Outlet />
        <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      </AppShell.Main>
    </AppShell>
  );
}
