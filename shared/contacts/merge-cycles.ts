/**
 * Merge cycles: device 1 merges A into B while device 2, offline, merges B into A. After sync
 * both rows carry `mergedInto` and, left alone, the customer would vanish from every list.
 * The repair is deterministic: in each cycle the smallest id stops being merged, and the clearing
 * is stamped just after the cycle's latest link (mergeCycleRepairStamp). Every device that sees
 * the cycle writes the same value with the same stamp, so devices that repaired it each on their
 * own still hold identical records (with their own clocks' stamps they would not, and a later
 * link stamped between the two would win on one device and lose on the other).
 */
import { parseStamp, formatStamp, maxStamp, MAX_COUNTER, type HlcStamp } from '../hlc';
import { applyPatch } from '../records';
import type { MutableMeta } from '../schemas/common';

/** The id in each `mergedInto` cycle that should survive (the smallest of the cycle). */
export function mergeCycleSurvivors(mergedInto: ReadonlyMap<string, string>): string[] {
  return mergeCycles(mergedInto).map((c) => c.survivor);
}

/** Each `mergedInto` cycle: its members and the one that survives (the smallest id). */
export function mergeCycles(
  mergedInto: ReadonlyMap<string, string>,
): { survivor: string; members: string[] }[] {
  const cycles: { survivor: string; members: string[] }[] = [];
  const done = new Set<string>();
  for (const start of mergedInto.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !done.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = mergedInto.get(current);
    }
    if (current !== undefined && onPath.has(current)) {
      const members = path.slice(onPath.get(current)).sort();
      cycles.push({ survivor: members[0]!, members });
    }
    path.forEach((id) => done.add(id));
  }
  return cycles.sort((a, b) => (a.survivor < b.survivor ? -1 : a.survivor > b.survivor ? 1 : 0));
}

/**
 * The stamp of a cycle's repair: the next stamp after the latest `mergedInto` stamp of the
 * cycle's links, on that stamp's device. It beats every link of the cycle and is the same on
 * every device that repairs the cycle.
 */
export function mergeCycleRepairStamp(linkStamps: readonly HlcStamp[]): HlcStamp {
  const latest = [...linkStamps].sort().at(-1);
  if (latest === undefined) throw new RangeError('a merge cycle has at least one link');
  const { wall, counter, deviceId } = parseStamp(latest);
  return counter < MAX_COUNTER
    ? formatStamp({ wall, counter: counter + 1, deviceId })
    : formatStamp({ wall: wall + 1, counter: 0, deviceId });
}

/**
 * The contacts of a book with every merge cycle repaired: each cycle's survivor un-merged at
 * the cycle's repair stamp (the same record on every device). Only the changed contacts are
 * returned; the sync import and the backup restore both write these.
 */
export function repairedCycleSurvivors<C extends MutableMeta & { id: string; mergedInto?: string }>(
  merged: readonly C[],
): C[] {
  const byId = new Map(merged.map((c) => [c.id, c]));
  const links = new Map<string, string>();
  for (const c of merged) if (c.mergedInto !== undefined) links.set(c.id, c.mergedInto);
  return mergeCycles(links).map(({ survivor, members }) => {
    const record = byId.get(survivor)!;
    const stamp = mergeCycleRepairStamp(
      members.map((id) => {
        const link = byId.get(id)!;
        return link.stamps.mergedInto ?? link.updatedAt;
      }),
    );
    const { record: patched } = applyPatch(record, { mergedInto: undefined } as Partial<C>, stamp);
    return { ...patched, updatedAt: maxStamp(record.updatedAt, stamp) };
  });
}
