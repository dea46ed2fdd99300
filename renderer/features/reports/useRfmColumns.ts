/** The RFM columns of the contacts export: segment and R, F, M scores as of now. */
import { useTranslation } from 'react-i18next';
import type { ExtraCsvColumns } from '../../../shared/contacts/csv-write';
import { useRfmLookup } from './useCustomerRfm';

export function useRfmColumns(): () => Promise<ExtraCsvColumns | undefined> {
  const { t } = useTranslation();
  const lookup = useRfmLookup();
  return async () => {
    let find;
    try {
      find = await lookup();
    } catch {
      // The export still holds every contact without the scores.
      return undefined;
    }
    return {
      headers: [
        t('reports.contactRfm.csvSegment'),
        t('reports.contactRfm.csvR'),
        t('reports.contactRfm.csvF'),
        t('reports.contactRfm.csvM'),
      ],
      cells: (c) => {
        const s = find(c.id);
        return s
          ? [t(`reports.rfm.segments.${s.segment}`), String(s.r), String(s.f), String(s.m)]
          : ['', '', '', ''];
      },
    };
  };
}
