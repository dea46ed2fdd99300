import { Affix, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { watchForUpdates } from './service-worker';

/**
 * Registers the offline web app's service worker (only mounted where it may run, see
 * service-worker.ts). A new version never swaps in by itself: it waits until the user presses
 * Reload, so a half-filled form is never lost under them. When the user presses Reload in
 * another window, the new version takes over every window; this one then says so and waits
 * for its own Reload instead of reloading under what is being typed here.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  /** The user pressed Reload in this window: the switch to the new version may reload it. */
  const reloadAsked = useRef(false);
  const registrationRef = useRef<ServiceWorkerRegistration | undefined>(undefined);
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    // One id: workbox can report "installed" more than once for one install (its own worker
    // and the same worker seen as external); the user needs to hear it once.
    onOfflineReady: () =>
      notifications.show({
        id: 'kenal-offline-ready',
        message: t('anywhere.update.offlineReady'),
        color: 'teal',
      }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      registrationRef.current = registration;
      watchForUpdates({ update: () => registration.update(), doc: document });
    },
    onNeedReload: () => {
      if (reloadAsked.current) window.location.reload();
      else setUpdatedElsewhere(true);
    },
  });

  if (!needRefresh && !updatedElsewhere) return null;
  const reload = () => {
    if (updatedElsewhere) {
      window.location.reload();
      return;
    }
    reloadAsked.current = true;
    // A page opened before any version was installed is not controlled by the worker, so it
    // hears no "controlling" (and the new version may already be active, as no page used the
    // old one): reload it once the new version is active.
    if (!navigator.serviceWorker.controller) {
      const waiting = registrationRef.current?.waiting;
      if (!waiting) {
        window.location.reload();
        return;
      }
      waiting.addEventListener('statechange', () => {
        if (waiting.state === 'activated') window.location.reload();
      });
    }
    void updateServiceWorker(true);
  };
  return (
    <Affix
      position={{ bottom: 'calc(var(--kenal-bottom-bar, 0px) + 16px)', left: 16 }}
      zIndex={300}
    >
      <Paper
        role="alertdialog"
        aria-labelledby="kenal-update-title"
        aria-describedby="kenal-update-body"
        shadow="lg"
        withBorder
        p="md"
        maw="min(420px, calc(100vw - 32px))"
        data-testid="update-prompt"
      >
        <Stack gap="xs">
          <Text fw={600} id="kenal-update-title">
            {t(updatedElsewhere ? 'anywhere.update.elsewhereTitle' : 'anywhere.update.title')}
          </Text>
          <Text size="sm" id="kenal-update-body">
            {t(updatedElsewhere ? 'anywhere.update.elsewhereBody' : 'anywhere.update.body')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              onClick={() => {
                setNeedRefresh(false);
                setUpdatedElsewhere(false);
              }}
            >
              {t('anywhere.update.later')}
            </Button>
            <Button leftSection={<IconRefresh size={16} />} onClick={reload}>
              {t('anywhere.update.reload')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Affix>
  );
}
