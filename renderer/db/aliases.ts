import type { KenalDb } from './database';

/**
 * Every contact id that resolves to this one (itself and what was merged into it, following
 * chains): the ids whose notes, sales, ledger entries and feedback count for this person
 * (DESIGN section 4, `mergedInto`).
 */
export async function aliasIdsOf(db: KenalDb, id: string): Promise<string[]> {
  const out = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const merged = await db.contacts.where('mergedInto').anyOf(frontier).primaryKeys();
    frontier = merged.filter((m) => !out.has(m));
    frontier.forEach((m) => out.add(m));
  }
  return [...out];
}
