/**
 * Moving this device's clock past the stamps of an imported file (DESIGN section 6), so every
 * later local change sorts after everything the device has seen.
 *
 * A file from a device whose clock runs far ahead (more than DEFAULT_MAX_DRIFT_MS, a day) must
 * not poison ours: adopting its wall time would make every later change on every device carry
 * that future time. Decision: the file's records are still merged by their stamps (refusing
 * them would lose data), but our clock is not advanced past the drift bound and the user is
 * warned which device's clock is wrong. Until the real time catches up, that device's
 * future-stamped edits win over newer edits here; fixing its clock limits the damage.
 */
import { ClockDriftError, HybridLogicalClock, type HlcStamp } from '../hlc';

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
    if (error instanceof ClockDriftError) {
      return {
        next: undefined,
        drift: { aheadMs: error.remoteWall - error.localWall, deviceId: remoteMax.slice(-16) },
      };
    }
    throw error;
  }
}
