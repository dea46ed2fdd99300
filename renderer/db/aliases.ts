import { aliasGroup } from '../../shared/contacts/survivor';
import type { KenalDb } from './database';

/**
 * Every contact id that resolves to this one (itself and what was merged into it, following
 * chains): the ids whose notes, sales, ledger entries and feedback count for this person
 * (DESIGN section 4, `mergedInto`).
 */
export function aliasIdsOf(db: KenalDb, id: string): Promise<string[]> {
  // Not `async`: a wrapper's extra native promise hops lose Dexie's transaction zone (the
  // contact's history read then committed its transaction too early: PrematureCommitError).
  return aliasGroup(id, (ids) => db.contacts.where('mergedInto').anyOf(ids).primaryKeys());
}
