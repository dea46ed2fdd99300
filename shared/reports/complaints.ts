/**
 * Complaints in a period [start, end):
 * - opened: complaints made in the period;
 * - resolved: complaints resolved in the period;
 * - openAtEnd: complaints made before the end and not resolved before it;
 * - mean time to resolve = mean of (resolvedAt - at) over the complaints resolved in the period,
 *   in hours; null when none was resolved.
 */
import type { ComplaintColumns } from './dataset';

export interface ComplaintSummary {
  opened: number;
  resolved: number;
  openAtEnd: number;
  meanHoursToResolve: number | null;
}

export function complaintSummary(c: ComplaintColumns, from: number, to: number): ComplaintSummary {
  let opened = 0;
  let resolved = 0;
  let openAtEnd = 0;
  let totalMs = 0;
  for (let i = 0; i < c.at.length; i++) {
    const at = c.at[i]!;
    const done = c.resolvedAt[i]!;
    if (at >= from && at < to) opened++;
    if (done >= from && done < to) {
      resolved++;
      totalMs += Math.max(0, done - at);
    }
    if (at < to && !(done < to)) openAtEnd++;
  }
  return {
    opened,
    resolved,
    openAtEnd,
    meanHoursToResolve: resolved ? totalMs / resolved / 3_600_000 : null,
  };
}
