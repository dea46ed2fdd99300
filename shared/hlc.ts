/**
 * Hybrid logical clock (ARCHITECTURE.md "Records and metadata").
 *
 * A stamp is `<wallMs:15>-<counter:5>-<deviceId>`: zero-padded decimal wall-clock milliseconds,
 * a zero-padded counter that orders changes made within one millisecond (or while the wall
 * clock stands still or goes back), and the id of the device that made it. Stamps compare as
 * plain strings, so "newer" is `a > b` everywhere (indexes, merges, tests).
 */

declare const hlcBrand: unique symbol;
/** An HLC stamp. Branded so it is never mixed up with an ISO date or another string. */
export type HlcStamp = string & { readonly [hlcBrand]: true };

export const WALL_DIGITS = 15;
export const COUNTER_DIGITS = 5;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** Device ids are 16 characters of Crockford base32 (the random half of a ULID). */
export const DEVICE_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;
const STAMP_PATTERN = /^(\d{15})-(\d{5})-([0-9A-HJKMNP-TV-Z]{16})$/;

/**
 * How far ahead of our own clock a remote stamp may be before we refuse to adopt it. A device
 * whose clock is set years ahead would otherwise drag every other device's clock with it, and
 * its edits would win every later merge. A day tolerates badly set clocks and time zones.
 */
export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export interface HlcParts {
  wall: number;
  counter: number;
  deviceId: string;
}

export class InvalidStampError extends Error {
  constructor(readonly stamp: string) {
    super(`Not an HLC stamp: ${JSON.stringify(stamp.slice(0, 80))}`);
    this.name = 'InvalidStampError';
  }
}

export class ClockDriftError extends Error {
  constructor(
    readonly remoteWall: number,
    readonly localWall: number,
    readonly maxDriftMs: number,
  ) {
    super(
      `Remote clock is ${remoteWall - localWall} ms ahead of this device (limit ${maxDriftMs} ms)`,
    );
    this.name = 'ClockDriftError';
  }
}

export class ClockOverflowError extends Error {
  constructor() {
    super(`More than ${MAX_COUNTER + 1} changes in one millisecond`);
    this.name = 'ClockOverflowError';
  }
}

export function isHlcStamp(value: unknown): value is HlcStamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value);
}

export function formatStamp(parts: HlcParts): HlcStamp {
  if (!Number.isSafeInteger(parts.wall) || parts.wall < 0 || parts.wall >= 10 ** WALL_DIGITS) {
    throw new RangeError(`wall out of range: ${parts.wall}`);
  }
  if (!Number.isInteger(parts.counter) || parts.counter < 0 || parts.counter > MAX_COUNTER) {
    throw new RangeError(`counter out of range: ${parts.counter}`);
  }
  if (!DEVICE_ID_PATTERN.test(parts.deviceId)) {
    throw new RangeError(`invalid device id: ${parts.deviceId}`);
  }
  const wall = String(parts.wall).padStart(WALL_DIGITS, '0');
  const counter = String(parts.counter).padStart(COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${parts.deviceId}` as HlcStamp;
}

export function parseStamp(stamp: string): HlcParts {
  const m = STAMP_PATTERN.exec(stamp);
  if (!m) throw new InvalidStampError(stamp);
  return { wall: Number(m[1]), counter: Number(m[2]), deviceId: m[3] as string };
}

/** The greater of two stamps (either may be missing). */
export function maxStamp<T extends HlcStamp | undefined>(a: T, b: T): T {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

export interface ClockOptions {
  deviceId: string;
  /** Wall clock in ms; injectable so tests can drive time. */
  physicalNow?: () => number;
  maxDriftMs?: number;
}

/** A device's clock. Not thread-safe across tabs: persist `last` and `observe` it (see renderer/db). */
export class HybridLogicalClock {
  readonly deviceId: string;
  private wall = 0;
  private counter = 0;
  private readonly physicalNow: () => number;
  private readonly maxDriftMs: number;

  constructor(options: ClockOptions) {
    if (!DEVICE_ID_PATTERN.test(options.deviceId)) {
      throw new RangeError(`invalid device id: ${options.deviceId}`);
    }
    this.deviceId = options.deviceId;
    this.physicalNow = options.physicalNow ?? Date.now;
    this.maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  }

  /** The last stamp this clock issued or observed (wall 0 before any). */
  get last(): HlcStamp {
    return formatStamp({ wall: this.wall, counter: this.counter, deviceId: this.deviceId });
  }

  /** A new stamp, greater than every stamp this clock has issued or received. */
  now(): HlcStamp {
    const physical = this.physicalNow();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return this.last;
  }

  /**
   * Take in a stamp from another device (or this device's persisted state) and return a new
   * stamp greater than it and than everything seen before. Refuses a stamp whose wall clock is
   * further ahead of ours than the drift bound, leaving the clock unchanged.
   */
  receive(remote: string): HlcStamp {
    const r = parseStamp(remote);
    const physical = this.physicalNow();
    if (r.wall - physical > this.maxDriftMs) {
      throw new ClockDriftError(r.wall, physical, this.maxDriftMs);
    }
    const wall = Math.max(this.wall, r.wall, physical);
    let counter: number;
    if (wall === this.wall && wall === r.wall) counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) counter = this.counter + 1;
    else if (wall === r.wall) counter = r.counter + 1;
    else counter = 0;
    if (counter > MAX_COUNTER) throw new ClockOverflowError();
    this.wall = wall;
    this.counter = counter;
    return this.last;
  }

  /**
   * Move the clock up to a stamp without issuing a new one. Used to restore the persisted state
   * on start-up, where a drift error must not stop the app: a persisted stamp from the future
   * (the clock was set back) is still adopted, because going backwards would break ordering.
   */
  observe(stamp: string): void {
    const r = parseStamp(stamp);
    if (r.wall > this.wall || (r.wall === this.wall && r.counter > this.counter)) {
      this.wall = r.wall;
      this.counter = r.counter;
    }
  }

  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) throw new ClockOverflowError();
    this.counter += 1;
  }
}
