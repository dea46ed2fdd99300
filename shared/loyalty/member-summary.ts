/**
 * The member summary a shop sends a customer over WhatsApp: balance, tier, what the points are
 * worth and what expires soon. Pure: the words come from the caller (i18n, as `words`), which
 * lines apply and how numbers, money and dates read come from here. The text is shown in the
 * WhatsApp dialog (renderer/features/timeline/WhatsAppDialog.tsx) to be checked and edited
 * before anything is sent; the wa.me link is shared/timeline/templates.ts's `whatsAppLink`.
 */
import { calendarDateIn, formatCalendarDate } from '../dates';
import { formatMoney, type Currency } from '../money';

export interface MemberSummaryFacts {
  name: string;
  /** Points now; 0 or less (an overdraft after two devices redeemed the same points) is left out. */
  balance: number;
  /** What one point is worth, in the currency's minor unit; 0 when points are not money. */
  pointValue: number;
  tier: string;
  /** The next tier and how much is still to spend (minor unit) to reach it. */
  next?: { tier: string; toNext: number };
  /** The next points to expire. */
  expiring?: { points: number; expiresAtMs: number };
}

/** The lines of the summary, each an i18n message under `sales.summary.*`. */
export type MemberSummaryLine =
  'greeting' | 'balance' | 'worth' | 'tier' | 'next' | 'expiring' | 'closing';

/** One line's words with its values filled in, e.g. `(k, v) => t(\`sales.summary.${k}\`, v)`. */
export type MemberSummaryWords = (
  line: MemberSummaryLine,
  values: Record<string, string>,
) => string;

/** The summary, lines joined for a chat message (WhatsApp keeps the line breaks). */
export function memberSummaryText(
  facts: MemberSummaryFacts,
  words: MemberSummaryWords,
  currency: Currency,
  locale: string,
  /** The shop's time zone, whose calendar the expiry day is on (the device's when unset). */
  timeZone?: string,
): string {
  const count = (n: number) => Math.trunc(n).toLocaleString(locale);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const hasPoints = Number.isFinite(facts.balance) && facts.balance > 0;
  const tier = facts.tier.trim();
  const next = facts.next && facts.next.toNext > 0 ? facts.next : undefined;
  const expiring = facts.expiring && facts.expiring.points > 0 ? facts.expiring : undefined;
  const lines = [
    words('greeting', { name: facts.name.trim() }),
    '',
    hasPoints ? words('balance', { points: count(facts.balance) }) : undefined,
    hasPoints && facts.pointValue > 0
      ? words('worth', { amount: money(facts.balance * facts.pointValue) })
      : undefined,
    tier ? words('tier', { tier }) : undefined,
    next ? words('next', { amount: money(next.toNext), tier: next.tier }) : undefined,
    expiring
      ? words('expiring', {
          points: count(expiring.points),
          date: formatCalendarDate(calendarDateIn(expiring.expiresAtMs, timeZone), locale),
        })
      : undefined,
    '',
    words('closing', {}),
  ];
  return lines.filter((l): l is string => l !== undefined).join('\n');
}
