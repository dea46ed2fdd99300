/** Record ids are ULIDs: sortable by creation time and unique without coordination. */
import { monotonicFactory, ulid } from 'ulid';

const nextUlid = monotonicFactory();

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new ULID; monotonic within this process so ids made in one millisecond still sort. */
export function newId(now: number = Date.now()): string {
  return nextUlid(now);
}

/** A new device id: the 16 random characters of a ULID. */
export function newDeviceId(): string {
  return ulid().slice(10);
}

export function isUlid(value: unknown): value is string {
  return typeof value === 'string' && ULID_PATTERN.test(value);
}
