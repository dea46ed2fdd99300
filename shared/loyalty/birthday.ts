/**
 * The birthday bonus rule (ARCHITECTURE.md "Loyalty ledger"): a member (a contact with a
 * purchase) gets the rule's birthday bonus once a year, given up to 30 days after the birthday
 * (the app may be closed on the day), dated at midnight of the birthday on the shop's clock,
 * under the rule in force that day. Its id derives from contact and year (shared/event-ids.ts),
 * so any number of devices and runs give one bonus a year. Pure.
 */
import { calendarDateIn, startOfDayIn } from '../dates';
import { birthdayEventId } from '../event-ids';
import { ruleAt, sortedVersions, type LoyaltyRules } from './rules';

const DAY_MS = 86_400_000;

/** A birthday bonus is given up to this long after the birthday. */
export const BIRTHDAY_WINDOW_MS = 30 * DAY_MS;

export interface BirthdayBonus {
  id: string;
  contactId: string;
  /** Midnight of the birthday on the shop's clock, UTC ISO. */
  at: string;
  points: number;
  ruleId: string;
}

/**
 * This year's and last year's birthday (midnight on the shop's clock, `timeZone`; the device's
 * when unset) that fell in the last 30 days, with its year. 29 Feb in a common year counts on
 * 28 Feb.
 */
export function birthdaysInWindow(
  birthday: string,
  todayMs: number,
  timeZone: string | undefined,
): { year: number; ms: number }[] {
  const [, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const out: { year: number; ms: number }[] = [];
  const thisYear = Number(calendarDateIn(todayMs, timeZone).slice(0, 4));
  for (const year of [thisYear, thisYear - 1]) {
    const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const date = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
    const ms = startOfDayIn(date, timeZone);
    if (ms === null) continue;
    const age = todayMs - ms;
    if (age >= 0 && age <= BIRTHDAY_WINDOW_MS) out.push({ year, ms });
  }
  return out;
}

/**
 * Whether any rule version in force over the last 30 days gives a birthday bonus: when none
 * does (the default), no contact needs reading.
 */
export function birthdayBonusPossible(rules: LoyaltyRules, todayMs: number): boolean {
  const windowStart = todayMs - BIRTHDAY_WINDOW_MS;
  return sortedVersions(rules).some(
    (v, i, all) =>
      v.enabled &&
      v.birthdayBonus > 0 &&
      Date.parse(v.effectiveFrom) <= todayMs &&
      (all[i + 1] === undefined || Date.parse(all[i + 1]!.effectiveFrom) > windowStart),
  );
}

/**
 * The birthday bonuses due to a contact today (before checking which the ledger already holds):
 * none for a contact without a birthday or without a purchase (`isMember`), one per birthday in
 * the window whose rule gives a bonus.
 */
export function birthdayBonusesDue(
  contact: { id: string; birthday?: string },
  isMember: boolean,
  rules: LoyaltyRules,
  todayMs: number,
): BirthdayBonus[] {
  const birthday = contact.birthday;
  if (!birthday || !isMember) return [];
  const [, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const out: BirthdayBonus[] = [];
  for (const day of birthdaysInWindow(birthday, todayMs, rules.timeZone)) {
    const rule = ruleAt(rules, day.ms);
    if (!rule.enabled || rule.birthdayBonus <= 0) continue;
    out.push({
      id: birthdayEventId(contact.id, day.year, m, d),
      contactId: contact.id,
      at: new Date(day.ms).toISOString(),
      points: rule.birthdayBonus,
      ruleId: rule.id,
    });
  }
  return out;
}
