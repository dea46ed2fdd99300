/**
 * Moving this device's clock past the stamps of an imported file (ARCHITECTURE.md "Sync files and merge rules"), so every
 * later local change sorts after everything the device has seen.
 *
 * A file from a device whose clock runs far ahead (more than DEFAULT_MAX_DRIFT_MS, a day) must
 * not poison ours: adopting its wall time would make every later change on every device carry
 * that future time. Decision: the file's records are still merged by their stamps (refusing
 * them would lose data), but our clock is not advanced past the drift bound and the user is
 * warned which device's clock is wrong. Until the real time catches up, that device's
 * future-stamped edits win over newer edits here; fixing its clock limits the damage.
 */
import {
  ClockDriftError,
  ClockOverflowError,
  DEFAULT_MAX_DRIFT_MS,
  formatStamp,
  HybridLogicalClock,
  parseStamp,
  type HlcStamp,
} from '../hlc';
import type { MutableMeta, RecordMeta } from '../schemas/common';

/**
 * The stamps of a file to move the clock past: the greatest one within the drift bound, and
 * the greatest one beyond it (to warn about). One far-future record must not stop the clock
 * from moving past the file's other, sane stamps.
 */
export function fileClockTargets(
  records: Iterable<RecordMeta>,
  now: number = Date.now(),
): { within?: HlcStamp; beyond?: HlcStamp } {
  let within: HlcStamp | undefined;
  let beyond: HlcStamp | undefined;
  const see = (s: HlcStamp) => {
    if (parseStamp(s).wall - now > DEFAULT_MAX_DRIFT_MS) {
      if (beyond === undefined || s > beyond) beyond = s;
    } else if (within === undefined || s > within) within = s;
  };
  for (const r of records) {
    see(r.updatedAt);
    const stamps = (r as Partial<MutableMeta>).stamps;
    if (stamps) for (const s of Object.values(stamps)) see(s);
    if (r.deletedAt !== undefined) see(r.deletedAt);
  }
  return { within, beyond };
}

export interface ClockAdvance {
  /** The new persisted clock state, or undefined when it must not change. */
  next: HlcStamp | undefined;
  /** Set when the file's newest stamp is too far in the future to adopt. */
  drift?: { aheadMs: number; deviceId: string };
}

export function advanceClockPast(
  deviceId: string,
  persisted: string | undefined,
  remoteMax: HlcStamp | undefined,
  physicalNow: () => number = Date.now,
): ClockAdvance {
  if (remoteMax === undefined) return { next: undefined };
  const clock = new HybridLogicalClock({ deviceId, physicalNow });
  if (persisted !== undefined) clock.observe(persisted);
  try {
    return { next: clock.receive(remoteMax) };
  } catch (error) {
    // A remote counter at its maximum: step one millisecond past it instead (still greater).
    if (error instanceof ClockOverflowError) {
      return { next: formatStamp({ wall: parseStamp(remoteMax).wall + 1, counter: 0, deviceId }) };
    }
    if (error instanceof ClockDriftError) {
      return {
        next: undefined,
        drift: { aheadMs: error.remoteWall - error.localWall, deviceId: remoteMax.slice(-16) },
      };
    }
    throw error;
  }
}
