import { Drawer, Loader, Center, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  contactToInput,
  emptyContactInput,
  type ContactInput,
} from '../../../shared/contact-input';
import { useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';
import { ContactForm } from './ContactForm';
import { useContact } from './useContactSearch';
import { useDeleteContact } from './useDeleteContact';
import { DuplicateWarning, useDuplicateCheck } from './DuplicateWarning';
import { useContactName } from '../privacy/useContactName';
import { useNavigate } from 'react-router';

/** New contact (id undefined) or edit one, in a side drawer over the list. */
export function ContactDrawer({
  id,
  opened,
  onClose,
  onDeleted,
}: {
  id?: string;
  opened: boolean;
  onClose: () => void;
  /** Where to go once the contact is deleted (its page no longer exists). */
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { contacts } = useRepositories();
  const existing = useContact(id);
  const deleteContact = useDeleteContact();
  const isNew = id === undefined;
  const nameOf = useContactName();

  const navigate = useNavigate();
  const duplicates = useDuplicateCheck(id);

  const save = async (values: ContactInput, opened: ContactInput) => {
    // Same phone or e-mail as a contact already in the book: ask first (DuplicateWarning).
    if (!(await duplicates.check(values, opened))) return;
    return store(values, opened);
  };
  const store = async (values: ContactInput, opened: ContactInput) => {
    const result = isNew
      ? await contacts.create(values)
      : await contacts.update(id, values, opened);
    if (!result.ok) return result.error.fields;
    notifications.show({
      message: t(isNew ? 'contacts.created' : 'contacts.updated', { name: nameOf(result.value) }),
      autoClose: 3000,
    });
    onClose();
  };

  let body;
  if (isNew) {
    body = <ContactForm initial={emptyContactInput()} onSubmit={save} onCancel={onClose} />;
  } else if (existing === undefined) {
    body = (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (existing === null) {
    body = <Text c="dimmed">{t('contacts.notFound')}</Text>;
  } else {
    body = (
      <ContactForm
        key={existing.id}
        contactId={existing.id}
        initial={contactToInput(existing)}
        onSubmit={save}
        onCancel={onClose}
        consentAt={existing.marketingConsentAt}
        locale={locale}
        onDelete={async () => {
          (onDeleted ?? onClose)();
          await deleteContact(existing.id);
        }}
      />
    );
  }

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={650}>{t(isNew ? 'contacts.new' : 'contacts.edit')}</Text>}
    >
      {body}
      <DuplicateWarning
        pending={duplicates.pending}
        onBack={duplicates.dismiss}
        onOpen={(other) => {
          duplicates.dismiss();
          onClose();
          void navigate(`/contacts/${other}`);
        }}
        onMerge={async (survivor, values, opened) => {
          const result = await contacts.saveInto(
            survivor.id,
            values,
            isNew ? undefined : { id, base: opened },
          );
          duplicates.dismiss();
          if (!result.ok) return;
          notifications.show({
            message: t('duplicates.merged', { name: nameOf(result.value) }),
            autoClose: 3000,
          });
          onClose();
          void navigate(`/contacts/${survivor.id}`);
        }}
        onSaveAnyway={async (values, opened) => {
          duplicates.dismiss();
          await store(values, opened);
        }}
      />
    </Drawer>
  );
}
