/**
 * A person gets one welcome bonus, one birthday bonus a year, and a referrer one referral bonus
 * per person they referred. Duplicates that were merged (ARCHITECTURE.md "Merged contacts",
 * `mergedInto`) may each have earned theirs before the merge, on one device or two; once their
 * ledgers are read together, only one of each counts. The entries stay in the database (events are never edited
 * or dropped); the lowest id is the one that counts, so every device keeps the same one.
 *
 * A referral bonus counts once per referred person: `resolve` maps the referred contact to the
 * one it was merged into (identity when not given), so two duplicates of one new customer who
 * each brought the referrer a bonus count once.
 */
import type { LedgerLike } from './ledger';
import { REFERRAL_REASON } from './referral';

type BonusEntry = LedgerLike & { reason?: string; referredId?: string };

function bonusKey(e: BonusEntry, resolve: (id: string) => string): string | null {
  if (e.kind !== 'bonus') return null;
  if (e.reason === 'welcome') return 'welcome';
  if (e.reason === 'birthday') return `birthday:${e.at.slice(0, 4)}`;
  if (e.reason === REFERRAL_REASON && e.referredId !== undefined)
    return `referral:${resolve(e.referredId)}`;
  return null;
}

export function withoutMergedDuplicateBonuses<E extends BonusEntry>(
  entries: readonly E[],
  resolve: (id: string) => string = (id) => id,
): E[] {
  const keep = new Map<string, E>();
  for (const e of entries) {
    const key = bonusKey(e, resolve);
    if (key === null) continue;
    const current = keep.get(key);
    if (!current || e.id < current.id) keep.set(key, e);
  }
  return entries.filter((e) => {
    const key = bonusKey(e, resolve);
    return key === null || keep.get(key) === e;
  });
}
