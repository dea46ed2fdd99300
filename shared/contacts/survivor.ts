/**
 * Which contact an id stands for now (DESIGN section 4, `mergedInto`), over any storage: the
 * repositories read through Dexie, the derived-figures upkeep through Dexie's DBCore inside a
 * write. One rule, so every reader agrees on who a sale counts for.
 */

type Maybe<T> = T | Promise<T>;

/**
 * Follow `mergedInto` to the survivor. A cycle (two devices merging A into B and B into A)
 * ends at the smallest id of the cycle itself (not of the path into it), as the repair after a
 * sync import (merge-cycles.ts) decides.
 */
export async function resolveSurvivor(
  id: string,
  mergedIntoOf: (id: string) => Maybe<string | undefined>,
): Promise<string> {
  const seen: string[] = [];
  let current = id;
  for (;;) {
    seen.push(current);
    const next = await mergedIntoOf(current);
    if (next === undefined) return current;
    if (seen.includes(next)) return seen.slice(seen.indexOf(next)).sort()[0]!;
    current = next;
  }
}

/**
 * Every id that resolves to this one: itself and what was merged into it, following chains
 * (`mergedFrom(ids)`: the contacts whose mergedInto is one of ids).
 */
export async function aliasGroup(
  id: string,
  mergedFrom: (ids: string[]) => Maybe<readonly string[]>,
): Promise<string[]> {
  const out = new Set([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const merged = await mergedFrom(frontier);
    frontier = merged.filter((m) => !out.has(m));
    frontier.forEach((m) => out.add(m));
  }
  return [...out];
}
