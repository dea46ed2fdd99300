import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { historyFieldKey, historyValue } from '../../../shared/sync/history-view';
import { useRepositories } from '../../app/services';
import type { HistoryView } from '../../db/repositories/sync';
import { useLocale } from '../../i18n/useLocale';
import { useContactName } from '../privacy/useContactName';

/**
 * A device as the user named it (shared/sync/device-names.ts), or "an unnamed device" with the
 * end of its id, so two unnamed devices can still be told apart.
 */
export function useDeviceLabel(): (deviceId: string | undefined) => string {
  const { t } = useTranslation();
  const { devices } = useRepositories();
  const names = useLiveQuery(() => devices.names(), [devices]);
  return useCallback(
    (deviceId) => {
      if (deviceId === undefined) return t('backup.deviceUnnamed', { id: '?' });
      return names?.[deviceId] ?? t('backup.deviceUnnamed', { id: deviceId.slice(-4) });
    },
    [names, t],
  );
}

/** The words of a value that lost a merge: whose, which field, what, from which device. */
export function useHistoryWords() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const nameOf = useContactName();
  const device = useDeviceLabel();
  return useCallback(
    (h: HistoryView) => {
      const v = historyValue(h.value);
      const value =
        v.kind === 'empty'
          ? t('backup.historyEmptyValue')
          : v.kind === 'yes-no'
            ? t(v.value ? 'backup.historyYes' : 'backup.historyNo')
            : v.kind === 'date'
              ? formatDateTime(v.iso, locale)
              : v.text;
      const record = h.contact
        ? nameOf(h.contact)
        : h.table === 'contacts' || h.contactId !== undefined
          ? t('backup.historyNoContact')
          : t(`backup.tables.${h.table}`, { defaultValue: h.table });
      return {
        record,
        field: t(historyFieldKey(h.table, h.field)),
        value,
        device: device(h.deviceId),
        date: formatDateTime(h.at, locale),
      };
    },
    [device, locale, nameOf, t],
  );
}
