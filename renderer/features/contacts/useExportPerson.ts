import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { localCalendarDate } from '../../../shared/dates';
import type { Contact } from '../../../shared/schemas';
import { foldText } from '../../../shared/text';
import { useHost, useRepositories } from '../../app/services';
import { useContactName } from '../privacy/useContactName';

/** Save everything Kenal holds about one customer as a JSON file (UU PDP right of access). */
export function useExportPerson(): (contact: Contact) => Promise<void> {
  const { t } = useTranslation();
  const { privacy } = useRepositories();
  const host = useHost();
  const nameOf = useContactName();
  return async (contact) => {
    const data = await privacy.exportPerson(contact.id);
    const slug =
      foldText(contact.name)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'contact';
    const result = await host.saveFile({
      suggestedName: `kenal-data-${slug}-${localCalendarDate(new Date())}.json`,
      content: JSON.stringify(data, null, 2),
      mimeType: 'application/json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (result.saved) {
      notifications.show({
        message: t('contacts.privacy.exported', { name: nameOf(contact) }),
        autoClose: 4000,
      });
    }
  };
}
