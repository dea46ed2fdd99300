/**
 * Contact identity over the database: the one place a repository asks "who is this id now" and
 * "which ids are this person" (the rule itself: shared/contacts/survivor.ts).
 */
import { aliasGroup, resolveSurvivor } from '../../shared/contacts/survivor';
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
