import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/id';
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import type { HostApi } from '../../shared/host-api';
import type { Repositories } from '../db';
import { useLocale } from '../i18n/useLocale';
import { GlobalErrors } from './GlobalErrors';
import { OfflineApp } from './pwa/OfflineApp';
import { createRouter } from './routes';
import { ServicesProvider } from './services';
import { createKenalTheme, cssVariablesResolver } from './theme';

function LocalizedApp() {
  const { language } = useLocale();
  useTranslation(); // re-render on language change
  const router = useMemo(() => createRouter(), []);
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

export function App({ i18n, repos, host }: { i18n: I18n; repos: Repositories; host: HostApi }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedApp repos={repos} host={host} />
    </I18nextProvider>
  );
}

function ThemedApp({ repos, host }: { repos: Repositories; host: HostApi }) {
  const { t } = useTranslation();
  const closeLabel = t('anywhere.close');
  // Rebuilt when the language changes, so dialogs' close buttons are named in that language.
  const theme = useMemo(() => createKenalTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      {/* Top centre: at the bottom right a notice covered the drawer's Save button. */}
      <Notifications position="top-center" limit={4} />
      <GlobalErrors />
      <OfflineApp />
      <ServicesProvider value={{ repos, host }}>
        <LocalizedApp />
      </ServicesProvider>
    </MantineProvider>
  );
}
