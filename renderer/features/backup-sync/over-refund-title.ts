/**
 * The title of the follow-up a merge makes for an over-refunded purchase
 * (shared/loyalty/over-refund.ts). Every device that sees the over-refund writes the same row,
 * whatever its language, or two devices would hold different titles after a round: so the title
 * is the same text on every device, English and Indonesian side by side, the amount formatted
 * one way, in the shop's synced currency (the repository has no i18n).
 */
import { useTranslation } from 'react-i18next';
import type { OverRefundTitle } from '../../../shared/loyalty/over-refund';
import { formatMoney } from '../../../shared/money';
import { useShop } from '../../app/useShop';
import { INTL_LOCALE } from '../../i18n';

export type { OverRefundTitle };

export function useOverRefundTitle(): OverRefundTitle {
  const { i18n } = useTranslation();
  const { currency } = useShop();
  return (sale) => {
    const amount = formatMoney(sale.amount, currency, INTL_LOCALE.id);
    const en = i18n.getFixedT('en')('sales.overRefundFollowUp', { amount });
    const id = i18n.getFixedT('id')('sales.overRefundFollowUp', { amount });
    return `${en} / ${id}`;
  };
}
