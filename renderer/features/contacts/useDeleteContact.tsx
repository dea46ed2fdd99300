import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../app/services';
import { useContactName } from '../privacy/useContactName';

const UNDO_MS = 10_000;

/** Delete a contact (a tombstone) and offer Undo for a few seconds. */
export function useDeleteContact(): (id: string) => Promise<void> {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const nameOf = useContactName();

  return async (id: string) => {
    const removed = await contacts.remove(id);
    const notificationId = `deleted-${id}`;
    notifications.show({
      id: notificationId,
      autoClose: UNDO_MS,
      color: 'gray',
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{t('contacts.deleted', { name: nameOf(removed) })}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={async () => {
              notifications.hide(notificationId);
              await contacts.restore(id);
              notifications.show({
                message: t('contacts.restored', { name: nameOf(removed) }),
                autoClose: 3000,
              });
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
  };
}
