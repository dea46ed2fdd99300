import { useTranslation } from 'react-i18next';
import { formatCalendarDate, localCalendarDate } from '../../../shared/dates';
import { memberSummaryText, whatsAppLink } from '../../../shared/loyalty/member-summary';
import { formatRupiah } from '../../../shared/money';
import type { Contact } from '../../../shared/schemas';
import type { ContactLoyalty } from '../../db/repositories/loyalty';
import { useHost, useRepositories } from '../../app/services';
import { useLocale } from '../../i18n/useLocale';

/** Opens WhatsApp with the member summary filled in, in the current language. */
export function useMemberSummary() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const host = useHost();
  const { timeline } = useRepositories();
  return (contact: Contact, l: ContactLoyalty) => {
    const phone = contact.phones.find((p) => p.label === 'whatsapp') ?? contact.phones[0];
    if (!phone) return false;
    const first = l.expiringSoon[0];
    const text = memberSummaryText({
      greeting: t('sales.summary.greeting', { name: contact.name }),
      balance: t('sales.summary.balance', { points: l.balance.toLocaleString(locale) }),
      worth:
        l.rule.pointValue > 0 && l.balance > 0
          ? t('sales.summary.worth', {
              amount: formatRupiah(l.balance * l.rule.pointValue, locale),
            })
          : undefined,
      tier: t('sales.summary.tier', { tier: l.tier.tier.name }),
      next: l.tier.next
        ? t('sales.summary.next', {
            amount: formatRupiah(l.tier.toNext, locale),
            tier: l.tier.next.name,
          })
        : undefined,
      expiring: first
        ? t('sales.summary.expiring', {
            points: first.points.toLocaleString(locale),
            date: formatCalendarDate(localCalendarDate(new Date(first.expiresAtMs)), locale),
          })
        : undefined,
      closing: t('sales.summary.closing'),
    });
    void host.openExternal({ url: whatsAppLink(phone.e164, text) });
    // What was sent goes on the timeline like every other WhatsApp message.
    void timeline.logWhatsApp(contact.id, text);
    return true;
  };
}
