import { Badge, Button } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isErased } from '../../../shared/privacy/erase';
import type { Contact } from '../../../shared/schemas';
import { useRepositories } from '../../app/services';
import { EraseContactModal } from './EraseContactModal';

/** "Erase this customer" on the contact page; an "Erased" badge once it is done. */
export function EraseContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { contacts } = useRepositories();
  const [opened, setOpened] = useState(false);
  const aliases = useLiveQuery(() => contacts.aliasIds(contact.id), [contact.id]);

  if (isErased(contact)) {
    return (
      <Badge color="gray" variant="light" title={t('privacy.erase.alreadyErased')}>
        {t('privacy.erase.erasedBadge')}
      </Badge>
    );
  }
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconEraser size={16} />}
        title={t('privacy.erase.help')}
        onClick={() => setOpened(true)}
      >
        {t('privacy.erase.button')}
      </Button>
      <EraseContactModal
        contact={contact}
        duplicates={Math.max(0, (aliases?.length ?? 1) - 1)}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
