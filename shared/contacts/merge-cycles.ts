/**
 * Merge cycles: device 1 merges A into B while device 2, offline, merges B into A. After sync
 * both rows carry `mergedInto` and, left alone, the customer would vanish from every list.
 * The repair is deterministic: in each cycle the smallest id stops being merged. Every device
 * that sees the cycle writes the same value (no `mergedInto`), so the repair itself converges
 * whatever its stamps.
 */

/** The id in each `mergedInto` cycle that should survive (the smallest of the cycle). */
export function mergeCycleSurvivors(mergedInto: ReadonlyMap<string, string>): string[] {
  const survivors = new Set<string>();
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
      const cycle = path.slice(onPath.get(current));
      survivors.add([...cycle].sort()[0]!);
    }
    path.forEach((id) => done.add(id));
  }
  return [...survivors].sort();
}
