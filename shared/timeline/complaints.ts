/** Complaints move open -> in progress -> resolved; how long that took is what a shop learns from. */
import type { Note } from '../schemas/note';

/**
 * Milliseconds from when the complaint was made (`at`) to when it was resolved, or null while
 * it is not resolved. Never negative (a resolution back-dated before the complaint counts as 0).
 */
export function timeToResolveMs(
  note: Pick<Note, 'at' | 'resolvedAt' | 'complaintStatus'>,
): number | null {
  if (note.complaintStatus !== 'resolved' || !note.resolvedAt) return null;
  const ms = Date.parse(note.resolvedAt) - Date.parse(note.at);
  return Number.isNaN(ms) ? null : Math.max(0, ms);
}

export function isOpenComplaint(
  note: Pick<Note, 'kind' | 'complaintStatus' | 'deletedAt'>,
): boolean {
  return (
    note.kind === 'complaint' && note.deletedAt === undefined && note.complaintStatus !== 'resolved'
  );
}

/** A duration as whole days and hours, for "resolved in 2 d 3 h". */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(ms / 60_000);
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}

/**
 * What moving a complaint to `status` changes: resolving needs resolution text and keeps the
 * first `resolvedAt` (time to resolve = resolvedAt - at); leaving "resolved" clears it and keeps
 * the old resolution unless a new one was typed.
 */
export function complaintStatusPatch(
  current: Pick<Note, 'resolvedAt'>,
  status: NonNullable<Note['complaintStatus']>,
  resolution: string,
  nowIso: string,
): Pick<Partial<Note>, 'complaintStatus' | 'resolution' | 'resolvedAt'> {
  if (status === 'resolved') {
    return { complaintStatus: status, resolution, resolvedAt: current.resolvedAt ?? nowIso };
  }
  return {
    complaintStatus: status,
    resolvedAt: undefined,
    ...(resolution.trim() !== '' && { resolution }),
  };
}

/** An interaction that becomes a complaint (when added or corrected) starts open. */
export function startsOpen(
  kind: Note['kind'],
  current?: Pick<Note, 'complaintStatus'>,
): 'open' | undefined {
  return kind === 'complaint' && current?.complaintStatus === undefined ? 'open' : undefined;
}
