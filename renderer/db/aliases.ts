import { aliasGroup } from '../../shared/contacts/survivor';
import type { KenalDb } from './database';

/**
 * Every contact id that resolves to this one (itself and what was merged into it, following
 * chains): the ids whose notes, sales, ledger entries and feedback count for this person
 * (DESIGN section 4, `mergedInto`).
 */
export async function aliasIdsOf(db: KenalDb, id: string): Promise<string[]> {
  return aliasGroup(id, (ids) => db.contacts.where('mergedInto').anyOf(ids).primaryKeys());
}
