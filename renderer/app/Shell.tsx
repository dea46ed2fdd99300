import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  Kbd,
  NavLink,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconKeyboard, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { SyncScheduler } from '../features/backup-sync/SyncScheduler';
import { ReminderScheduler } from '../features/followups/ReminderScheduler';
import { MOD_KEY_LABEL } from './keys';
import { MenuCommands } from './MenuCommands';
import { StartupTasks } from './StartupTasks';
import { FiguresKeeper } from '../features/settings/FiguresKeeper';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS, PHONE_BAR_ITEMS } from './navigation';
import { OverdueBadge } from '../features/today/OverdueBadge';
import { useUiStore } from './ui-store';
import { usePhone } from './usePhone';
import { useGlobalShortcuts } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';

/**
 * Below Mantine's `sm` breakpoint (768 px: phones, small tablets) the sidebar becomes a drawer
 * under the header and the day's screens sit in a bottom bar within thumb reach; the bar's
 * height is --kenal-bottom-bar (app.css), which full-screen dialogs and the update prompt keep
 * clear of.
 */
export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const requestShortcut = useUiStore((s) => s.requestShortcut);
  const [helpOpen, setHelpOpen] = useState(false);
  useGlobalShortcuts(() => setHelpOpen(true));
  const [menuOpen, menu] = useDisclosure(false);
  const phone = usePhone();

  // Any navigation (a link in the drawer, the bottom bar, Back) closes the phone menu.
  useEffect(() => {
    menu.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- close on route change only
  }, [location.pathname]);

  // Every screen but the list itself (a contact's page too) goes to the list's search box.
  const openSearch = () => {
    if (location.pathname !== '/contacts') void navigate('/contacts');
    requestShortcut('search', '/contacts');
  };

  const isActive = (path: string) => location.pathname.startsWith(path);
  const inPhoneBar = PHONE_BAR_ITEMS.some((item) => isActive(item.path));

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }}
      footer={{ height: { base: 'var(--kenal-bottom-bar)', sm: 0 } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
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
              visibleFrom="sm"
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
              visibleFrom="sm"
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => setHelpOpen(true)}
              aria-label={t('shortcuts.open')}
              title={t('shortcuts.open')}
            >
              <IconKeyboard size={18} />
            </ActionIcon>
            <ActionIcon
              hiddenFrom="sm"
              variant="subtle"
              color="gray"
              size={44}
              onClick={openSearch}
              aria-label={t('shell.search')}
            >
              <IconSearch size={22} />
            </ActionIcon>
            <LanguageSwitch />
            <Burger
              hiddenFrom="sm"
              opened={menuOpen}
              onClick={menu.toggle}
              size="sm"
              className="kenal-touch"
              aria-label={t('anywhere.phone.openMenu')}
              aria-expanded={menuOpen}
              aria-controls="kenal-navbar"
            />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="kenal-navbar"
        p="xs"
        aria-label={t('shell.navigation')}
        // Closed on a phone it is only moved off-screen: hide it from touch, Tab and screen readers.
        style={phone && !menuOpen ? { visibility: 'hidden' } : undefined}
      >
        {NAV_ITEMS.map((item) => {
          const Icon = item.icon;
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.label)}
              leftSection={<Icon size={18} stroke={1.6} />}
              rightSection={item.path === '/followups' ? <OverdueBadge /> : undefined}
              active={isActive(item.path)}
              className="kenal-nav-link"
              style={{ borderRadius: 8 }}
            />
          );
        })}
      </AppShell.Navbar>

      <AppShell.Main>
        <ReminderScheduler />
        <StartupTasks />
        <FiguresKeeper />
        <MenuCommands />
        <SyncScheduler />
        <Outlet />
        <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      </AppShell.Main>

      <AppShell.Footer hiddenFrom="sm" component="nav" aria-label={t('anywhere.phone.bottomBar')}>
        <div className="kenal-bottom-bar">
          {PHONE_BAR_ITEMS.map((item) => {
            const Icon = item.icon;
            const active = isActive(item.path);
            return (
              <UnstyledButton
                key={item.path}
                component={Link}
                to={item.path}
                className="kenal-bottom-item"
                data-active={active || undefined}
                aria-current={active ? 'page' : undefined}
              >
                <Icon size={22} stroke={1.7} aria-hidden />
                <span>{t(item.shortLabel ?? item.label)}</span>
              </UnstyledButton>
            );
          })}
          <UnstyledButton
            className="kenal-bottom-item"
            data-active={menuOpen || !inPhoneBar || undefined}
            onClick={menu.toggle}
            aria-expanded={menuOpen}
            aria-controls="kenal-navbar"
          >
            <IconDots size={22} stroke={1.7} aria-hidden />
            <span>{t('anywhere.phone.more')}</span>
          </UnstyledButton>
        </div>
      </AppShell.Footer>
    </AppShell>
  );
}
