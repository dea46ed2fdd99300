/**
 * The member summary a shop sends a customer over WhatsApp: balance, tier, what the points are
 * worth and what expires soon. The words come from the caller (i18n), the numbers from here.
 */
import { waNumber } from '../phone';

export interface MemberSummaryTexts {
  greeting: string;
  balance: string;
  worth?: string;
  tier: string;
  next?: string;
  expiring?: string;
  closing: string;
}

/** Lines joined for a chat message (WhatsApp keeps the line breaks). */
export function memberSummaryText(texts: MemberSummaryTexts): string {
  return [
    texts.greeting,
    '',
    texts.balance,
    texts.worth,
    texts.tier,
    texts.next,
    texts.expiring,
    '',
    texts.closing,
  ]
    .filter((l): l is string => l !== undefined)
    .join('\n');
}

/** A wa.me link that opens a chat with the text filled in. */
export function whatsAppLink(e164: string, text: string): string {
  return `https://wa.me/${waNumber(e164)}?text=${encodeURIComponent(text)}`;
}
