/**
 * Erasure across merges (UU PDP). Contacts linked by `mergedInto`, in either direction, are one
 * person: a duplicate merged into an erased customer on a device that had not heard of the
 * erasure holds her data too, and so does the survivor an erased duplicate was merged into.
 * So the whole group is erased, with the greatest erasure stamp in it (the same on every device
 * once every device has every file). Pure.
 */
import type { HlcStamp } from '../hlc';

/**
 * The contacts to erase (or erase again with a greater stamp): id -> the stamp of their group.
 * `erased` maps erased contact ids to their erasure stamps; `links` are [id, mergedInto] pairs.
 */
export function erasureSpread(
  erased: ReadonlyMap<string, HlcStamp>,
  links: Iterable<readonly [string, string]>,
): Map<string, HlcStamp> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps long merge chains cheap.
    let y = x;
    while (y !== root) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const [id, into] of links) union(id, into);
  const groupStamp = new Map<string, HlcStamp>();
  for (const [id, at] of erased) {
    if (!parent.has(id)) continue;
    const root = find(id);
    const current = groupStamp.get(root);
    if (current === undefined || at > current) groupStamp.set(root, at);
  }
  const out = new Map<string, HlcStamp>();
  if (groupStamp.size === 0) return out;
  for (const id of parent.keys()) {
    const at = groupStamp.get(find(id));
    if (at === undefined) continue;
    const own = erased.get(id);
    if (own === undefined || own < at) out.set(id, at);
  }
  return out;
}
