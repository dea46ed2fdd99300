/**
 * The facts about one customer (and the shop, and maybe a sale) turned into the text of each
 * template placeholder, in the user's locale. Pure: callers read the facts (repositories) and
 * render with `fillTemplate(body, messageValues(facts, locale))`.
 *
 * A fact that is missing, or that would tell the customer nothing (0 points, a negative balance
 * after two devices redeemed the same points, 0 points expiring), gives no value, so the
 * template line that uses it is left out.
 */
import { calendarDateIn, formatCalendarDate, formatDateTime } from '../dates';
import { formatMoney, IDR, type Currency } from '../money';
import type { Salutation } from '../schemas/contact';
import type { ShopProfile } from '../shop-settings';
import { fillTemplate, type FilledTemplate, type TemplateValues } from './templates';

/** The words of each form of address: the same in both languages (a shop in Indonesia says them). */
export const SALUTATION_WORDS: Record<Salutation, string> = { kak: 'Kak', bu: 'Bu', pak: 'Pak' };

export interface MessageFacts {
  contact: { name: string; firstName?: string; salutation?: Salutation };
  /** The points balance now. */
  points?: number;
  tier?: string;
  /** The next points to expire: how many and when (ISO time or calendar date). */
  expiring?: { points: number; at: string };
  /** When the last purchase was (ISO time). */
  lastPurchaseAt?: string;
  /** A follow-up's due time (ISO). */
  due?: string;
  shop?: Partial<ShopProfile>;
  /** The shop's time zone: the calendar expiry and last-purchase days are on (unset: device's). */
  timeZone?: string;
  /** A sale just recorded: its total in the currency's minor unit and the points it earned. */
  sale?: { amount: number; pointsEarned: number; currency?: Currency };
}

/** The name to greet by: the first name set, else the first word of the name. */
export function firstNameOf(contact: { name: string; firstName?: string }): string {
  const set = contact.firstName?.trim();
  if (set) return set;
  return contact.name.trim().split(/\s+/)[0] ?? '';
}

const positive = (n: number | undefined, locale: string) =>
  n !== undefined && Number.isFinite(n) && n > 0 ? Math.trunc(n).toLocaleString(locale) : '';

const dateOf = (at: string | undefined, locale: string, timeZone?: string) => {
  if (!at) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return formatCalendarDate(at, locale);
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? '' : formatCalendarDate(calendarDateIn(ms, timeZone), locale);
};

export function messageValues(facts: MessageFacts, locale: string): TemplateValues {
  const first = firstNameOf(facts.contact);
  const salutation = facts.contact.salutation ? SALUTATION_WORDS[facts.contact.salutation] : '';
  const shop = facts.shop ?? {};
  const expiring = facts.expiring && facts.expiring.points > 0 ? facts.expiring : undefined;
  const values: TemplateValues = {
    name: facts.contact.name.trim(),
    firstName: first,
    salutation,
    callName: salutation && first ? `${salutation} ${first}` : first,
    points: positive(facts.points, locale),
    tier: facts.tier?.trim() ?? '',
    expiringPoints: positive(expiring?.points, locale),
    expiryDate: dateOf(expiring?.at, locale, facts.timeZone),
    lastPurchase: dateOf(facts.lastPurchaseAt, locale, facts.timeZone),
    due: facts.due ? formatDateTime(facts.due, locale) : '',
    amount:
      facts.sale && facts.sale.amount > 0
        ? formatMoney(facts.sale.amount, facts.sale.currency ?? IDR, locale)
        : '',
    pointsEarned: positive(facts.sale?.pointsEarned, locale),
    shopName: shop.name?.trim() ?? '',
    shopAddress: shop.address?.trim() ?? '',
    shopPhone: shop.phone?.trim() ?? '',
    // Unset, a message is signed with the shop's name.
    signOff: shop.signOff?.trim() || shop.name?.trim() || '',
  };
  return values;
}

/** Fill a template body for one customer: `fillTemplate(body, messageValues(facts, locale))`. */
export function renderMessage(body: string, facts: MessageFacts, locale: string): FilledTemplate {
  return fillTemplate(body, messageValues(facts, locale));
}
