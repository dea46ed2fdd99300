import { Alert, Button, Code, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown in place of a screen that failed to render; the rest of the app keeps working. */
export function ScreenErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Stack maw={640} p="md">
      <Alert color="red" icon={<IconAlertTriangle />} title={t('errors.screenTitle')}>
        {t('errors.screenBody')}
      </Alert>
      <Code block>{error instanceof Error ? error.message : String(error)}</Code>
      <Button
        variant="light"
        onClick={() => window.location.reload()}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('errors.reload')}
      </Button>
    </Stack>
  );
}
