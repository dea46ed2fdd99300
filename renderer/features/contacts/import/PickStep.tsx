import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The first step: what the import reads, and the last error (a file refused, an import failed). */
export function PickStep({ error, onPick }: { error?: string; onPick: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm">{t('contacts.import.intro')}</Text>
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button leftSection={<IconFileImport size={16} />} onClick={onPick}>
          {t('contacts.import.choose')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Reading the file, or checking its rows (with how many are done). */
export function BusyStep({
  label,
  done,
  total,
}: {
  label: 'reading' | 'checking';
  done?: number;
  total?: number;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm">
        {label === 'reading'
          ? t('contacts.import.reading')
          : t('contacts.import.checking', { done: done ?? 0, total: total ?? '…' })}
      </Text>
      <Progress value={total ? ((done ?? 0) / total) * 100 : 100} animated={!total} />
    </Stack>
  );
}
