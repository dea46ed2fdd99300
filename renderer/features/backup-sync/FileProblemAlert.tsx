import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileKind } from '../../../shared/sync/envelope';
import { problemMessage, type ReadProblem } from './file-problem';

/** Why a file was refused; always says that nothing was changed. */
export function FileProblemAlert({
  problem,
  kind,
  onClose,
}: {
  problem: ReadProblem | null;
  kind: FileKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('backup.errors.title')}
      withCloseButton
      onClose={onClose}
      role="alert"
      data-testid={`${kind}-problem`}
    >
      {problemMessage(t, problem, kind)}
    </Alert>
  );
}
