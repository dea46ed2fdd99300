import { useCallback } from 'react';
import { formatMoney } from '../../shared/money';
import { useLocale } from '../i18n/useLocale';
import { useShop } from './useShop';

/**
 * Format an amount (in the shop currency's minor unit) for this screen: the shop's currency
 * in the user's locale ("Rp 1.250.000", "$12.50"). Every screen shows money through this.
 */
export function useMoney(): (minor: number) => string {
  const { currency } = useShop();
  const { locale } = useLocale();
  return useCallback((minor: number) => formatMoney(minor, currency, locale), [currency, locale]);
}
