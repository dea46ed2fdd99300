/**
 * Contact identity: which contact an id stands for now (ARCHITECTURE.md "Merged contacts",
 * `mergedInto`), over any storage. The repositories read through Dexie, the derived-figures
 * upkeep through Dexie's DBCore inside a write, the reports and Today from one bulk read of the
 * links. One rule, so every reader agrees on who a sale, a note or a message counts for.
 *
 * The cycle rule: two devices merging A into B and B into A leave a cycle; it ends at the
 * smallest id of the cycle itself (not of the path into it), which is also the contact the
 * repair after a sync import or a restore un-merges (merge-cycles.ts). So an id resolves to the
 * same survivor before and after the repair, on every device, whatever order the links came in.
 */

type Maybe<T> = T | Promise<T>;

/** Where a walk that has visited `path` and is about to step to `next` ends, or null to go on. */
function endOfWalk(path: readonly string[], next: string | undefined): string | null {
  if (next === undefined) return path[path.length - 1]!;
  const at = path.indexOf(next);
  if (at === -1) return null;
  return path.slice(at).reduce((a, b) => (b < a ? b : a));
}

/** The survivor of `id`, following `mergedIntoOf` (a storage read, possibly async). */
export async function resolveSurvivor(
  id: string,
  mergedIntoOf: (id: string) => Maybe<string | undefined>,
): Promise<string> {
  const path = [id];
  for (;;) {
    const next = await mergedIntoOf(path[path.length - 1]!);
    const end = endOfWalk(path, next);
    if (end !== null) return end;
    path.push(next!);
  }
}

/** The survivor of `id` from links already in memory (bulk readers). */
export function survivorIn(id: string, mergedInto: ReadonlyMap<string, string>): string {
  const path = [id];
  for (;;) {
    const next = mergedInto.get(path[path.length - 1]!);
    const end = endOfWalk(path, next);
    if (end !== null) return end;
    path.push(next!);
  }
}

/** A memoised `survivorIn` over one set of links, for resolving many ids. */
export function survivorResolver(mergedInto: ReadonlyMap<string, string>): (id: string) => string {
  const memo = new Map<string, string>();
  return (id) => {
    if (mergedInto.size === 0) return id;
    let s = memo.get(id);
    if (s === undefined) memo.set(id, (s = survivorIn(id, mergedInto)));
    return s;
  };
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
