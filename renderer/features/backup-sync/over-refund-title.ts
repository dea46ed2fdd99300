/**
 * The title of the follow-up a merge makes for an over-refunded purchase
 * (shared/loyalty/over-refund.ts). Every device that sees the over-refund writes the same row,
 * whatever its language, or two devices would hold different titles after a round: so the title
 * is the same text on every device, English and Indonesian side by side, the amount formatted
 * one way (the repository has no i18n).
 */
import { useTranslation } from 'react-i18next';
import type { OverRefundTitle } from '../../../shared/loyalty/over-refund';
import { formatRupiah } from '../../../shared/money';
import { INTL_LOCALE } from '../../i18n';

export type { OverRefundTitle };

export function useOverRefundTitle(): OverRefundTitle {
  const { i18n } = useTranslation();
  return (sale) => {
    const amount = formatRupiah(sale.amount, INTL_LOCALE.id);
    const en = i18n.getFixedT('en')('sales.overRefundFollowUp', { amount });
    const id = i18n.getFixedT('id')('sales.overRefundFollowUp', { amount });
    return `${en} / ${id}`;
  };
}
