import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contactsToCsv } from '../../../shared/contacts/csv-write';
import { writeVCards } from '../../../shared/contacts/vcard';
import { localCalendarDate } from '../../../shared/dates';
import type { Contact } from '../../../shared/schemas';
import { useHost, useRepositories } from '../../app/services';
import { withShownNames } from '../../../shared/privacy/erase';
import { useRfmColumns } from '../reports/useRfmColumns';

export type ExportFormat = 'csv' | 'vcard';

/** Save contacts as CSV (Excel-safe) or vCard through the host's save dialog / download. */
export function useExportContacts(): (contacts: Contact[], format: ExportFormat) => Promise<void> {
  const { t } = useTranslation();
  const host = useHost();
  const { customFields } = useRepositories();
  const rfmColumns = useRfmColumns();
  return async (all, format) => {
    // An erased customer's placeholder in the user's words, as on screen.
    const contacts = withShownNames(all, t('privacy.erase.erasedName'));
    if (contacts.length === 0) {
      notifications.show({ color: 'yellow', message: t('contacts.export.nothing') });
      return;
    }
    const f = (k: string) => t(`contacts.fields.${k}`);
    // The shop's own fields go out too, under their names (the import keeps them back).
    const defs = await customFields.list();
    const base = `${t('contacts.export.fileName')}-${localCalendarDate(new Date())}`;
    const file =
      format === 'csv'
        ? {
            suggestedName: `${base}.csv`,
            mimeType: 'text/csv;charset=utf-8',
            filters: [{ name: 'CSV', extensions: ['csv'] }],
            content: contactsToCsv(
              contacts,
              {
                name: f('name'),
                nickname: f('nickname'),
                organization: f('organization'),
                jobTitle: f('jobTitle'),
                phone: f('phone'),
                email: f('email'),
                label: f('label'),
                website: f('website'),
                address: f('address'),
                city: f('city'),
                birthday: f('birthday'),
                gender: f('gender'),
                tags: f('tags'),
                source: f('source'),
                channel: f('channel'),
                consent: f('consent'),
                consentAt: f('consentAt'),
                note: f('note'),
              },
              await rfmColumns(),
              defs,
            ),
          }
        : {
            suggestedName: `${base}.vcf`,
            mimeType: 'text/vcard;charset=utf-8',
            filters: [{ name: 'vCard', extensions: ['vcf'] }],
            content: writeVCards(contacts, defs),
          };
    const result = await host.saveFile(file);
    if (result.saved)
      notifications.show({
        message: t('contacts.export.done', { count: contacts.length }),
        autoClose: 3000,
      });
  };
}
