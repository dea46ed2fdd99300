/**
 * Small reads for "Today at a glance" and the sidebar's overdue count, by the time indexes
 * only: one day of sales and ledger entries, and the follow-ups due before now. Nothing here
 * scans a whole table.
 */
import Dexie from 'dexie';
import { dayFigures, type DayFigures } from '../../../shared/sales/glance';
import { isOverdue } from '../../../shared/timeline/today';
import { aliasIdsOf, survivorIdOf } from '../identity';
import type { KenalDb } from '../database';

export function createGlanceRepository(db: KenalDb) {
  const resolveId = (id: string) => survivorIdOf(db, id);

  return {
    /** Sales, revenue, new members and points issued in [fromMs, toMs). */
    async day(fromMs: number, toMs: number): Promise<DayFigures> {
      const from = new Date(fromMs).toISOString();
      const to = new Date(toMs).toISOString();
      return db.transaction('r', [db.sales, db.ledger, db.contacts], async () => {
        const [sales, ledger] = await Promise.all([
          db.sales.where('at').between(from, to, true, false).toArray(),
          db.ledger.where('at').between(from, to, true, false).toArray(),
        ]);
        const buyers = new Set<string>();
        for (const s of sales)
          if (s.kind === 'purchase' && s.deletedAt === undefined)
            buyers.add(await resolveId(s.contactId));
        let newMembers = 0;
        for (const id of buyers) {
          const ids = await aliasIdsOf(db, id);
          const earlier = await Promise.all(
            ids.map((a) =>
              db.sales
                .where('[contactId+at]')
                .between([a, Dexie.minKey], [a, from], true, false)
                .filter((s) => s.kind === 'purchase' && s.deletedAt === undefined)
                .count(),
            ),
          );
          if (earlier.every((n) => n === 0)) newMembers++;
        }
        return dayFigures(sales, ledger, newMembers);
      });
    },

    /** Open follow-ups whose time (due, or end of snooze) has passed. */
    async overdueFollowUps(now: Date): Promise<number> {
      // A day of slack: a due time written with an offset sorts by its text, not its moment.
      // One getAll, counted here: a Dexie filter() walks a cursor, a round trip per row.
      const due = await db.followUps
        .where('dueAt')
        .below(new Date(now.getTime() + 86_400_000).toISOString())
        .toArray();
      return due.filter((f) => isOverdue(f, now)).length;
    },
  };
}

export type GlanceRepository = ReturnType<typeof createGlanceRepository>;
