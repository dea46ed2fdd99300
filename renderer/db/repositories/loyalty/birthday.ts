/**
 * Birthday bonuses: granted once a year per member, ids derived from contact and year.
 */
import { calendarDateIn, startOfDayIn } from '../../../../shared/dates';
import { birthdayEventId } from '../../../../shared/event-ids';
import { ruleAt, sortedVersions } from '../../../../shared/loyalty/rules';
import { createEvent } from '../../../../shared/records';
import type { ContactRow } from '../../database';
import type { LoyaltyContext } from './context';
import { DAY_MS, isLive } from './context';

/** A birthday bonus is given up to this long after the birthday (the app may be closed on it). */
/** Contacts read per page when looking for birthdays. */
const CANDIDATE_PAGE = 2000;

const BIRTHDAY_WINDOW_MS = 30 * DAY_MS;

/**
 * This year's and last year's birthday (midnight on the shop's clock, `timeZone`; the device's
 * when unset) that fell in the last 30 days, with its year. 29 Feb in a common year counts on
 * 28 Feb.
 */
function birthdaysInWindow(
  birthday: string,
  today: Date,
  timeZone: string | undefined,
): { year: number; ms: number }[] {
  const [, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const out: { year: number; ms: number }[] = [];
  const thisYear = Number(calendarDateIn(today.getTime(), timeZone).slice(0, 4));
  for (const year of [thisYear, thisYear - 1]) {
    const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const date = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
    const ms = startOfDayIn(date, timeZone);
    if (ms === null) continue;
    const age = today.getTime() - ms;
    if (age >= 0 && age <= BIRTHDAY_WINDOW_MS) out.push({ year, ms });
  }
  return out;
}

export function createBirthdayOperations(ctx: LoyaltyContext) {
  const { db, now, salesOf, getRules, stampCtx } = ctx;
  /**
   * Ids of live contacts whose birthday passes `test`, read in pages of their own short read
   * transactions so a book of 100,000 never holds the contacts table (or the window) for long.
   */
  async function birthdayCandidates(test: (birthday: string) => boolean): Promise<string[]> {
    const ids: string[] = [];
    let last: string | undefined;
    for (;;) {
      const page: ContactRow[] = await (
        last === undefined ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(last)
      )
        .limit(CANDIDATE_PAGE)
        .toArray();
      for (const c of page) if (c.birthday && isLive(c) && test(c.birthday)) ids.push(c.id);
      if (page.length < CANDIDATE_PAGE) return ids;
      last = page[page.length - 1]!.id;
    }
  }
  return {
    /**
     * Birthday bonuses due today: for members (a contact with a purchase) whose birthday was in
     * the last 30 days and who have not had this year's bonus. The id is derived from contact
     * and year, so any number of devices and runs give one bonus per year. Returns how many
     * were given.
     */
    async grantBirthdayBonuses(contactId?: string): Promise<number> {
      const today = now();
      const rules = await db.transaction('r', db.settings, () => getRules());
      // No rule in force over the last month gives a birthday bonus (the default): nothing to
      // read. Otherwise only contacts whose birthday fell in that month are candidates.
      const windowStart = today.getTime() - BIRTHDAY_WINDOW_MS;
      const bonusPossible = sortedVersions(rules).some(
        (v, i, all) =>
          v.enabled &&
          v.birthdayBonus > 0 &&
          Date.parse(v.effectiveFrom) <= today.getTime() &&
          (all[i + 1] === undefined || Date.parse(all[i + 1]!.effectiveFrom) > windowStart),
      );
      if (!bonusPossible && !contactId) return 0;
      const candidateIds = contactId
        ? [contactId]
        : await birthdayCandidates((b) => birthdaysInWindow(b, today, rules.timeZone).length > 0);
      if (candidateIds.length === 0) return 0;
      return db.transaction(
        'rw',
        [db.ledger, db.settings, db.contacts, db.sales, db.meta],
        async () => {
          const rows = await db.contacts.bulkGet(candidateIds);
          let given = 0;
          for (const c of rows) {
            if (!c || !isLive(c) || !c.birthday) continue;
            for (const day of birthdaysInWindow(c.birthday, today, rules.timeZone)) {
              const rule = ruleAt(rules, day.ms);
              if (!rule.enabled || rule.birthdayBonus <= 0) continue;
              const hasPurchase = (await salesOf(c.id)).some((s) => s.kind === 'purchase');
              if (!hasPurchase) continue;
              const year = day.year;
              const [, m, d] = c.birthday.split('-').map(Number) as [number, number, number];
              const id = birthdayEventId(c.id, year, m, d);
              if (await db.ledger.get(id)) continue;
              await db.ledger.add(
                createEvent(
                  {
                    contactId: c.id,
                    kind: 'bonus' as const,
                    at: new Date(day.ms).toISOString(),
                    points: rule.birthdayBonus,
                    reason: 'birthday',
                    ruleId: rule.id,
                  },
                  await stampCtx(today, id),
                ),
              );
              given++;
            }
          }
          return given;
        },
      );
    },
  };
}
