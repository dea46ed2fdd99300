import { Affix, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Registers the offline web app's service worker (only mounted where it may run, see
 * service-worker.ts). A new version never swaps in by itself: it waits until the user presses
 * Reload, so a half-filled form is never lost under them.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onOfflineReady: () =>
      notifications.show({ message: t('anywhere.update.offlineReady'), color: 'teal' }),
  });

  if (!needRefresh) return null;
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
            {t('anywhere.update.title')}
          </Text>
          <Text size="sm" id="kenal-update-body">
            {t('anywhere.update.body')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setNeedRefresh(false)}>
              {t('anywhere.update.later')}
            </Button>
            <Button
              leftSection={<IconRefresh size={16} />}
              onClick={() => void updateServiceWorker(true)}
            >
              {t('anywhere.update.reload')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Affix>
  );
}
