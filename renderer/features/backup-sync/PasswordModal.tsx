import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordRequest } from './useKenalFile';

/** Asks for the password of an encrypted file; says so when the last one was wrong. */
export function PasswordModal({ request }: { request: PasswordRequest | null }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const close = () => {
    setPassword('');
    request?.cancel();
  };
  return (
    <Modal opened={request !== null} onClose={close} title={t('backup.passwordPrompt')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const pw = password;
          setPassword('');
          request?.submit(pw);
        }}
      >
        <Stack>
          <Text size="sm">{t('backup.passwordPromptHelp')}</Text>
          <PasswordInput
            label={t('backup.passwordLabel')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={request?.wrong ? t('backup.errors.wrongPassword') : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={password === ''}>
              {t('backup.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
