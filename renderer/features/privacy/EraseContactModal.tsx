import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';
import { useContactName } from './useContactName';

interface Props {
  contact: Contact;
  /** Other contacts merged into this one (erased with it). */
  duplicates: number;
  opened: boolean;
  onClose(): void;
}

/**
 * UU PDP right to erasure: says exactly what happens (here, on other devices, in old backups)
 * and asks for a typed word, since nothing can bring the data back.
 */
export function EraseContactModal({ contact, duplicates, opened, onClose }: Props) {
  const { t } = useTranslation();
  const nameOf = useContactName();
  const { privacy } = useRepositories();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const word = t('privacy.erase.word');
  const ready = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();

  const close = () => {
    setTyped('');
    onClose();
  };

  async function erase() {
    setBusy(true);
    try {
      await privacy.eraseContact(contact.id);
      notifications.show({ color: 'teal', message: t('privacy.erase.done') });
      close();
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('privacy.erase.failed', {
          detail: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('privacy.erase.title', { name: nameOf(contact) })}
      centered
      size="lg"
    >
      <Stack gap="sm">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('privacy.erase.intro')}
        </Alert>
        <List size="sm" spacing={6}>
          <List.Item>{t('privacy.erase.whatName')}</List.Item>
          {duplicates > 0 && (
            <List.Item>{t('privacy.erase.whatDuplicates', { count: duplicates })}</List.Item>
          )}
          <List.Item>{t('privacy.erase.whatTimeline')}</List.Item>
          <List.Item>{t('privacy.erase.whatSales')}</List.Item>
          <List.Item>{t('privacy.erase.whatSync')}</List.Item>
          <List.Item>
            <Text size="sm" fw={600} span>
              {t('privacy.erase.whatBackups')}
            </Text>
          </List.Item>
        </List>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ready && !busy) void erase();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('privacy.erase.typeToConfirm', { word })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" disabled={!ready} loading={busy}>
                {t('privacy.erase.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
