import { useTranslation } from 'react-i18next';
import { memberSummaryText } from '../../../shared/loyalty/member-summary';
import type { ContactLoyalty } from '../../db/repositories/loyalty';
import { useShop } from '../../app/useShop';
import { INTL_LOCALE, type Language } from '../../i18n';

/**
 * The member summary of one customer, in a given language and the shop's currency: the message
 * the WhatsApp dialog shows (to check and edit) before anything is sent.
 */
export function useMemberSummary(
  name: string,
  l: ContactLoyalty | undefined,
): ((lang: Language) => string) | undefined {
  const { i18n } = useTranslation();
  const { currency, timeZone } = useShop();
  if (!l) return undefined;
  const first = l.expiringSoon[0];
  return (lang) => {
    const t = i18n.getFixedT(lang);
    return memberSummaryText(
      {
        name,
        balance: l.balance,
        pointValue: l.rule.pointValue,
        tier: l.tier.tier.name,
        next: l.tier.next ? { tier: l.tier.next.name, toNext: l.tier.toNext } : undefined,
        expiring: first,
      },
      (line, values) => t(`sales.summary.${line}`, values),
      currency,
      INTL_LOCALE[lang],
      timeZone,
    );
  };
}
