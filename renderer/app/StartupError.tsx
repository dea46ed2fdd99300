import { Alert, Code, Container, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { i18n as I18n } from 'i18next';
import { theme } from './theme';

/** Shown when the database cannot be opened: say so plainly, never a blank window. */
export function StartupError({ i18n, error }: { i18n: I18n; error: unknown }) {
  const t = i18n.t.bind(i18n);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <MantineProvider theme={theme}>
      <Container size="sm" py={64}>
        <Stack>
          <Title order={2}>{t('startup.title')}</Title>
          <Alert color="red" icon={<IconAlertTriangle />} title={t('startup.cannotOpen')}>
            <Text size="sm">{t('startup.help')}</Text>
          </Alert>
          <Code block>{detail}</Code>
        </Stack>
      </Container>
    </MantineProvider>
  );
}
