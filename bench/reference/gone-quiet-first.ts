/**
 * The first implementation of the Today screen's "gone quiet" list, kept as the reference the
 * kept projection (renderer/db/repositories/timeline/gone-quiet-cache.ts) is measured against (bench) and must
 * agree with (unit tests): one cursor over the [contactId+at] index, each contact resolved
 * through its merges by gets.
 */
import type { KenalDb } from '../../renderer/db/database';
import { goneQuiet, type QuietVerdict } from '../../shared/timeline/gone-quiet';

export interface FirstQuietCustomer {
  id: string;
  name: string;
  verdict: QuietVerdict;
}

/** Every quiet customer (live survivor of merges), in no particular order. */
export async function firstGoneQuiet(db: KenalDb, now: Date): Promise<FirstQuietCustomer[]> {
  const times = new Map<string, string[]>();
  await db.sales.orderBy('[contactId+at]').each((s) => {
    if (s.kind !== 'purchase' || s.deletedAt) return;
    const list = times.get(s.contactId);
    if (list) list.push(s.at);
    else times.set(s.contactId, [s.at]);
  });
  const bySurvivor = new Map<string, { name: string; times: string[] }>();
  for (const [id, list] of times) {
    let row = await db.contacts.get(id);
    const seen = new Set<string>();
    while (row?.mergedInto !== undefined && !seen.has(row.id)) {
      seen.add(row.id);
      row = await db.contacts.get(row.mergedInto);
    }
    if (!row || row.deletedAt !== undefined || row.mergedInto !== undefined) continue;
    const entry = bySurvivor.get(row.id) ?? { name: row.name, times: [] };
    entry.times.push(...list);
    bySurvivor.set(row.id, entry);
  }
  const out: FirstQuietCustomer[] = [];
  for (const [id, { name, times: list }] of bySurvivor) {
    const verdict = goneQuiet(list, now);
    if (verdict?.quiet) out.push({ id, name, verdict });
  }
  return out;
}
