import { Alert, Button, Divider, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useHost, useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { runAutoBackup } from './auto-backup';
import { APP_NAME } from './file-names';

/** Daily automatic backups (desktop app only): on/off, folder, how many to keep, back up now. */
export function AutoBackupSettings() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const host = useHost();
  const { sync } = useRepositories();
  const state = useLiveQuery(() => sync.autoBackupState(), [sync]);
  const [appFolder, setAppFolder] = useState<string | null>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void host.appDataFolder().then((r) => setAppFolder(r.status === 'ok' ? r.folder : null));
  }, [host]);

  if (appFolder === null || appFolder === undefined || !state) return null;

  async function chooseFolder() {
    const picked = await host.chooseFolder({ purpose: 'backups' });
    if (picked.status === 'chosen') {
      await sync.saveAutoBackupState({ folder: picked.folder, label: picked.label });
    }
  }

  async function backupNow() {
    setBusy(true);
    try {
      const name = await runAutoBackup({ host, sync, app: APP_NAME }, { force: true });
      if (name) notifications.show({ color: 'teal', message: t('backup.auto.done', { name }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="auto-backup" w="100%">
      <Divider my="xs" />
      <Text fw={600}>{t('backup.auto.title')}</Text>
      <Switch
        checked={state.enabled}
        onChange={(e) => void sync.saveAutoBackupState({ enabled: e.currentTarget.checked })}
        label={t('backup.auto.enabled')}
      />
      <Group gap="xs" wrap="nowrap">
        <IconFolder size={16} />
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {state.folder ? state.label || state.folder : appFolder}
        </Text>
      </Group>
      <Group align="flex-end">
        <NumberInput
          label={t('backup.auto.keep')}
          min={1}
          max={365}
          w={200}
          value={state.keep}
          onChange={(v) => {
            if (typeof v === 'number' && v >= 1 && v <= 365) {
              void sync.saveAutoBackupState({ keep: Math.floor(v) });
            }
          }}
        />
        <Button variant="default" onClick={() => void chooseFolder()}>
          {t('backup.auto.changeFolder')}
        </Button>
        {state.folder && (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => void sync.saveAutoBackupState({ folder: null, label: '' })}
          >
            {t('backup.auto.defaultFolder')}
          </Button>
        )}
        <Button variant="light" onClick={() => void backupNow()} loading={busy}>
          {t('backup.auto.now')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {state.lastAt
          ? t('backup.auto.last', { date: formatDateTime(state.lastAt, locale) })
          : t('backup.auto.never')}
      </Text>
      {state.lastError && (
        <Alert color="orange">{t('backup.auto.failed', { message: state.lastError })}</Alert>
      )}
    </Stack>
  );
}
