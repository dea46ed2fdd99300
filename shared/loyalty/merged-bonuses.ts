/**
 * A person gets one welcome bonus, and one birthday bonus a year. Duplicates that were merged
 * (DESIGN section 4, `mergedInto`) may each have earned theirs before the merge, on one device
 * or two; once their ledgers are read together, only one of each counts. The entries stay in
 * the database (events are never edited or dropped); the lowest id is the one that counts, so
 * every device keeps the same one.
 */
import type { LedgerLike } from './ledger';

function bonusKey(e: LedgerLike & { reason?: string }): string | null {
  if (e.kind !== 'bonus') return null;
  if (e.reason === 'welcome') return 'welcome';
  if (e.reason === 'birthday') return `birthday:${e.at.slice(0, 4)}`;
  return null;
}

export function withoutMergedDuplicateBonuses<E extends LedgerLike & { reason?: string }>(
  entries: readonly E[],
): E[] {
  const keep = new Map<string, E>();
  for (const e of entries) {
    const key = bonusKey(e);
    if (key === null) continue;
    const current = keep.get(key);
    if (!current || e.id < current.id) keep.set(key, e);
  }
  return entries.filter((e) => {
    const key = bonusKey(e);
    return key === null || keep.get(key) === e;
  });
}
