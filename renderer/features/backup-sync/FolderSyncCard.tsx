import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconFolderOff, IconRefresh } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { folderStateSchema } from '../../../shared/sync/folder';
import { useHost, useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { DeviceNameForm } from './DeviceNameForm';
import { APP_NAME } from './file-names';
import { FolderDevices } from './FolderDevices';
import { useDeviceLabel } from './useHistoryWords';
import { runFolderSync, useFolderSyncRunning } from './folder-sync-runner';
import { useOverRefundTitle } from './over-refund-title';

/** Desktop app, or a browser with the File System Access API (Chrome, Edge). */
function useFolderSupported(): boolean | undefined {
  const host = useHost();
  const [supported, setSupported] = useState<boolean>();
  useEffect(() => {
    void host.getInfo().then((info) => {
      const picker = (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
      setSupported(info.kind === 'electron' || typeof picker === 'function');
    });
  }, [host]);
  return supported;
}

/** The sync folder: choose it, sync now, and what was merged from whom or could not be read. */
export function FolderSyncCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const host = useHost();
  const { sync, clock } = useRepositories();
  const supported = useFolderSupported();
  const running = useFolderSyncRunning((s) => s.running);
  const state = useLiveQuery(() => sync.folderState(), [sync]);
  const device = useDeviceLabel();
  const overRefundTitle = useOverRefundTitle();
  const deps = { host, sync, deviceId: clock.deviceId, app: APP_NAME, overRefundTitle };

  const run = (options: { confirm?: string; askPermission?: boolean } = {}) =>
    void runFolderSync(deps, options)
      .then((report) => {
        if (report && report.merged.length > 0) {
          notifications.show({
            color: 'teal',
            message: t('backup.folder.mergedFiles', { count: report.merged.length }),
          });
        }
      })
      .catch((error: unknown) =>
        notifications.show({
          color: 'red',
          message: t('backup.errors.failed', {
            message: error instanceof Error ? error.message : String(error),
          }),
        }),
      );

  async function choose() {
    const picked = await host.chooseFolder({ purpose: 'sync' });
    if (picked.status !== 'chosen') return;
    // A new folder starts fresh: this device writes a snapshot, and reads everyone's files.
    await sync.saveFolderState({
      ...folderStateSchema.parse({}),
      folder: picked.folder,
      label: picked.label,
    });
    run();
  }

  async function stop() {
    await sync.saveFolderState(folderStateSchema.parse({}));
  }

  if (supported === false) {
    return (
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('backup.folderTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('backup.folder.unsupported')}
          </Text>
        </Stack>
      </Card>
    );
  }

  const problems = Object.entries(state?.problems ?? {});
  const drifts = Object.entries(state?.drift ?? {});
  return (
    <Card withBorder padding="lg" data-testid="sync-folder">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('backup.folderTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.folder.help')}
        </Text>
        <Group gap="xs">
          <IconFolder size={18} />
          <Text size="sm" fw={500} data-testid="sync-folder-name">
            {state?.folder ? state.label || state.folder : t('backup.folder.none')}
          </Text>
          {state?.folder && state.lastSyncAt && (
            <Text size="sm" c="dimmed" data-testid="sync-folder-last">
              · {t('backup.folder.lastSync', { date: formatDateTime(state.lastSyncAt, locale) })}
            </Text>
          )}
        </Group>
        <Group>
          <Button
            variant={state?.folder ? 'default' : 'filled'}
            leftSection={<IconFolder size={16} />}
            onClick={() => void choose()}
          >
            {state?.folder ? t('backup.folder.change') : t('backup.folder.choose')}
          </Button>
          {state?.folder && (
            <>
              <Button
                leftSection={<IconRefresh size={16} />}
                onClick={() => run()}
                loading={running}
              >
                {t('backup.folder.syncNow')}
              </Button>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFolderOff size={16} />}
                onClick={() => void stop()}
              >
                {t('backup.folder.stop')}
              </Button>
            </>
          )}
        </Group>

        {state?.folder && state.lastError && (
          <Alert color="orange" title={t(`backup.folder.error.${state.lastError}`)}>
            {state.lastError === 'permission' && (
              <Button size="xs" mt="xs" onClick={() => run({ askPermission: true })}>
                {t('backup.folder.allow')}
              </Button>
            )}
          </Alert>
        )}

        {state?.folder &&
          drifts.map(([deviceId, d]) => (
            <Alert key={deviceId} color="orange" data-testid="sync-folder-drift">
              {t('backup.drift', {
                device: device(deviceId),
                days: Math.max(1, Math.round(d.aheadMs / 86_400_000)),
              })}
            </Alert>
          ))}
        {state?.folder && state.emptiedAt && (
          <Alert
            color="orange"
            title={t('backup.folder.emptiedTitle')}
            data-testid="sync-folder-emptied"
          >
            {t('backup.folder.emptied', { date: formatDateTime(state.emptiedAt, locale) })}
          </Alert>
        )}

        {state?.pending && (
          <Alert color="red" title={t('backup.massTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('backup.folder.pending', {
                  device: device(state.pending.deviceId),
                  removing: state.pending.removing,
                  live: state.pending.live,
                })}
              </Text>
              <Button
                size="xs"
                color="red"
                onClick={() => run({ confirm: state.pending?.name })}
                loading={running}
              >
                {t('backup.massConfirm')}
              </Button>
            </Stack>
          </Alert>
        )}

        {state?.folder && (
          <>
            <DeviceNameForm />
            <Title order={4} size="h5" mt="xs">
              {t('backup.folder.devices')}
            </Title>
            <FolderDevices state={state} />
            {problems.length > 0 && (
              <Stack gap={4} data-testid="sync-folder-problems">
                <Text size="sm" fw={500}>
                  {t('backup.folder.problems')}
                </Text>
                {problems.map(([name, p]) => (
                  <Stack key={name} gap={0}>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={p.code === 'incomplete' ? 'yellow' : 'red'} variant="light">
                        {p.code === 'incomplete'
                          ? t('backup.folder.retry')
                          : t('backup.folder.skipped')}
                      </Badge>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {name}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`backup.folder.problem.${p.code}`)}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
