import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../db';

/** The import running (one transaction), with its progress and a cancel that rolls it back. */
export function ImportingStep({
  done,
  total,
  onCancel,
}: {
  done: number;
  total: number;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm">{t('contacts.import.importing', { done, total })}</Text>
      <Progress value={total ? (done / total) * 100 : 0} aria-label={t('contacts.import.title')} />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={onCancel}>
          {t('contacts.import.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The end: what the import did, or that it was cancelled and nothing was written. */
export function FinishedStep({
  summary,
  onClose,
}: {
  /** Undefined: the import was cancelled. */
  summary?: ImportSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      {summary ? (
        <Alert color="teal" title={t('contacts.import.done')} role="status">
          {t('contacts.import.summary', { ...summary })}
        </Alert>
      ) : (
        <Alert color="gray" role="status">
          {t('contacts.import.cancelled')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('contacts.import.close')}</Button>
      </Group>
    </Stack>
  );
}
