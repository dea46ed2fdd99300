import { Button, Card, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconShare } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KenalEnvelope } from '../../../shared/sync/envelope';
import { serializeEnvelope, tableCounts } from '../../../shared/sync/envelope';
import { useHost, useRepositories } from '../../app/services';
import type { ImportResult } from '../../db/repositories/sync';
import { APP_NAME, KENAL_FILE_FILTERS, syncFileName } from './file-names';
import { FileProblemAlert } from './FileProblemAlert';
import { MergeResult } from './MergeResult';
import { useOverRefundTitle } from './over-refund-title';
import { WorkingBar } from './WorkingBar';
import { PasswordModal } from './PasswordModal';
import { useKenalFile } from './useKenalFile';

type Merged = Extract<ImportResult, { status: 'merged' }>;
interface Confirm {
  envelope: KenalEnvelope;
  fileName: string;
  removing: number;
  live: number;
}

/**
 * Export this device's changes to a file; merge a file from another device. On a phone (no sync
 * folder) this is how devices sync: the file goes to the share sheet where the browser can share
 * files (WhatsApp, Drive, Bluetooth), to a download otherwise, and a received file is opened here
 * and merged through the same checks as the folder sync (readKenalFile, then importSync's guard).
 */
export function SyncCard({ phone = false }: { phone?: boolean }) {
  const { t } = useTranslation();
  const host = useHost();
  const { sync, clock } = useRepositories();
  const [scope, setScope] = useState<'since' | 'all'>('since');
  const [result, setResult] = useState<{ merged: Merged; fileName: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  const [merging, setMerging] = useState(false);
  const overRefundTitle = useOverRefundTitle();
  const [sharesFiles, setSharesFiles] = useState(false);
  useEffect(() => {
    let live = true;
    void host.getInfo().then((info) => live && setSharesFiles(info.sharesFiles === true));
    return () => {
      live = false;
    };
  }, [host]);

  const merge = async (envelope: KenalEnvelope, fileName: string, confirmMassDelete = false) => {
    setMerging(true);
    let r: ImportResult;
    try {
      r = await sync.importSync(envelope, { confirmMassDelete, overRefundTitle });
    } finally {
      setMerging(false);
    }
    if (r.status === 'needs-confirmation') {
      setConfirm({ envelope, fileName, removing: r.removing, live: r.liveContacts });
      return;
    }
    setConfirm(null);
    setResult({ merged: r, fileName });
    notifications.show({ color: 'teal', message: t('backup.merged') });
  };
  const reader = useKenalFile('sync', (file, name) => {
    setResult(null);
    return merge(file.envelope, name);
  });

  function exportFile() {
    reader.setProblem(null);
    void reader.run(async () => {
      const { envelope, exportStamp } = await sync.exportSync(APP_NAME, { full: scope === 'all' });
      const saved = await host.saveFile({
        suggestedName: syncFileName(new Date(), clock.deviceId),
        content: serializeEnvelope(envelope),
        mimeType: 'application/json',
        filters: KENAL_FILE_FILTERS,
        share: true,
      });
      if (!saved.saved) return;
      await sync.markExported(exportStamp);
      const count = Object.values(tableCounts(envelope.tables)).reduce((a, b) => a + b, 0);
      notifications.show(
        saved.shared
          ? {
              color: 'teal',
              title: t('backup.syncShared'),
              message: t('backup.syncSharedBody', { count }),
            }
          : {
              color: 'teal',
              title: t('backup.syncSaved'),
              message: t('backup.syncSavedBody', { count, location: saved.location ?? '' }),
            },
      );
    });
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t(phone ? 'anywhere.phone.syncFiles' : 'backup.syncTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(phone ? 'anywhere.phone.syncFilesHelp' : 'backup.syncHelp')}
        </Text>
        <Group>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'since')}
            data={[
              { value: 'since', label: t('backup.sinceLast') },
              { value: 'all', label: t('backup.everything') },
            ]}
          />
          <Button
            fullWidth={phone}
            leftSection={sharesFiles ? <IconShare size={16} /> : <IconDownload size={16} />}
            onClick={exportFile}
            loading={reader.busy}
          >
            {t(sharesFiles ? 'backup.shareSync' : 'backup.saveSync')}
          </Button>
          <Button
            fullWidth={phone}
            variant="light"
            leftSection={<IconFileImport size={16} />}
            onClick={reader.open}
            disabled={reader.busy}
          >
            {t(phone ? 'backup.openSync' : 'backup.mergeSync')}
          </Button>
        </Group>
        <FileProblemAlert
          problem={reader.problem}
          kind="sync"
          onClose={() => reader.setProblem(null)}
        />
        {merging && <WorkingBar label={t('backup.merging')} testId="merge-progress" />}
        {result && <MergeResult result={result.merged} fileName={result.fileName} />}
      </Stack>
      <PasswordModal request={reader.passwordRequest} />
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('backup.massTitle')}
        centered
      >
        {confirm && (
          <Stack>
            <Text>{t('backup.massBody', { removing: confirm.removing, live: confirm.live })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                onClick={() =>
                  void reader.run(() => merge(confirm.envelope, confirm.fileName, true))
                }
                loading={reader.busy}
              >
                {t('backup.massConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
