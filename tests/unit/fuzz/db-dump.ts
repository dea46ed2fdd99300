/** Every row of every table, for "the database is exactly as before" comparisons. */
import type { KenalDb } from '../../../renderer/db';

export async function dumpDb(db: KenalDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const rows = await table.toArray();
      // Primary key order is stable; sort anyway so an index scan order cannot matter.
      out[table.name] = rows
        .map((r) => JSON.stringify(r))
        .sort()
        .map((r) => JSON.parse(r) as unknown);
    }
  });
  return out;
}
