/**
 * The title of the follow-up a merge makes for an over-refunded purchase
 * (shared/loyalty/over-refund.ts), in the user's language: the repository has no i18n.
 */
import { useTranslation } from 'react-i18next';
import type { OverRefund } from '../../../shared/loyalty/over-refund';
import { formatRupiah } from '../../../shared/money';
import { useLocale } from '../../i18n/useLocale';

export type OverRefundTitle = (o: OverRefund) => string;

export function useOverRefundTitle(): OverRefundTitle {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (o) =>
    t('sales.overRefundFollowUp', {
      refunded: formatRupiah(o.refunded, locale),
      amount: formatRupiah(o.saleAmount, locale),
    });
}
