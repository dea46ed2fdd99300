/**
 * Birthday bonuses: the rule is shared/loyalty/birthday.ts; this grants what it says is due.
 * Called from one place only, the app's start-up task (renderer/app/StartupTasks.tsx): reading
 * a contact never grants.
 */
import {
  birthdayBonusesDue,
  birthdayBonusPossible,
  birthdaysInWindow,
} from '../../../../shared/loyalty/birthday';
import { createEvent } from '../../../../shared/records';
import type { ContactRow } from '../../database';
import type { LoyaltyContext } from './context';
import { isLive } from './context';

/** Contacts read per page when looking for birthdays. */
const CANDIDATE_PAGE = 2000;

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
     * Birthday bonuses due today (shared/loyalty/birthday.ts) that the ledger does not hold
     * yet: any number of devices and runs give one bonus per year. Returns how many were given.
     */
    async grantBirthdayBonuses(): Promise<number> {
      const today = now();
      const todayMs = today.getTime();
      const rules = await db.transaction('r', db.settings, () => getRules());
      // Only contacts whose birthday fell in the last month are candidates.
      if (!birthdayBonusPossible(rules, todayMs)) return 0;
      const candidateIds = await birthdayCandidates(
        (b) => birthdaysInWindow(b, todayMs, rules.timeZone).length > 0,
      );
      if (candidateIds.length === 0) return 0;
      return db.transaction(
        'rw',
        [db.ledger, db.settings, db.contacts, db.sales, db.meta],
        async () => {
          const rows = await db.contacts.bulkGet(candidateIds);
          let given = 0;
          for (const c of rows) {
            if (!c || !isLive(c) || !c.birthday) continue;
            const isMember = (await salesOf(c.id)).some((s) => s.kind === 'purchase');
            for (const bonus of birthdayBonusesDue(c, isMember, rules, todayMs)) {
              if (await db.ledger.get(bonus.id)) continue;
              await db.ledger.add(
                createEvent(
                  {
                    contactId: bonus.contactId,
                    kind: 'bonus' as const,
                    at: bonus.at,
                    points: bonus.points,
                    reason: 'birthday',
                    ruleId: bonus.ruleId,
                  },
                  await stampCtx(today, bonus.id),
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
