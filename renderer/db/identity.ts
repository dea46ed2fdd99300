/**
 * Contact identity over the database: the one place a repository asks "who is this id now" and
 * "which ids are this person" (the rule itself: shared/contacts/survivor.ts).
 */
import Dexie from 'dexie';
import { aliasGroup, resolveSurvivor } from '../../shared/contacts/survivor';
import type { Feedback, LedgerEntry, Note, Sale } from '../../shared/schemas';
import type { KenalDb } from './database';

/**
 * Every contact id that resolves to this one (itself and what was merged into it, following
 * chains): the ids whose notes, sales, ledger entries and feedback count for this person.
 */
export function aliasIdsOf(db: KenalDb, id: string): Promise<string[]> {
  // Not `async`: a wrapper's extra native promise hops lose Dexie's transaction zone (the
  // contact's history read then committed its transaction too early: PrematureCommitError).
  return aliasGroup(id, (ids) => db.contacts.where('mergedInto').anyOf(ids).primaryKeys());
}

/** The contact an id stands for now (a merged duplicate stands for its survivor). */
export function survivorIdOf(db: KenalDb, id: string): Promise<string> {
  return resolveSurvivor(id, (c) => db.contacts.get(c).then((row) => row?.mergedInto));
}

/** Every `mergedInto` link, read once from its index (for resolving many ids in memory). */
export async function mergeLinks(db: KenalDb): Promise<Map<string, string>> {
  const rows = await db.contacts.where('mergedInto').above('').toArray();
  return new Map(rows.map((c) => [c.id, c.mergedInto!]));
}

/** The event tables kept per contact in time order (their `[contactId+at]` index). */
interface ContactEventRows {
  notes: Note;
  sales: Sale;
  ledger: LedgerEntry;
  feedback: Feedback;
}
type ContactEventTable = keyof ContactEventRows;
type EventRow<T extends ContactEventTable> = ContactEventRows[T];

const isLiveEvent = (e: { deletedAt?: string }) => e.deletedAt === undefined;

/**
 * A person's live events in one table: theirs and those of every duplicate merged into them,
 * read by index. `from` (an ISO time) reads only events at or after it; `newest` only the newest
 * N of each id's range, newest first (a page). Unordered across ids otherwise.
 */
export async function contactEvents<T extends ContactEventTable>(
  db: KenalDb,
  table: T,
  contactId: string,
  options: { from?: string; newest?: number } = {},
): Promise<EventRow<T>[]> {
  const ids = await aliasIdsOf(db, contactId);
  const t = db[table] as unknown as Dexie.Table<EventRow<T>, string>;
  const lists = await Promise.all(
    ids.map((id) => {
      const c = t
        .where('[contactId+at]')
        .between([id, options.from ?? Dexie.minKey], [id, Dexie.maxKey], true, true);
      // A page needs the cursor (reverse, and the limit counts live rows only). The whole range
      // is one getAll, filtered here: a Dexie filter() would walk a cursor, one round trip per
      // row (3,337 tier-window sales of a regular: 1.3 s against tens of ms).
      if (options.newest === undefined) return c.toArray().then((rows) => rows.filter(isLiveEvent));
      return c.reverse().filter(isLiveEvent).limit(options.newest).toArray();
    }),
  );
  return lists.flat();
}
