/** Record ids are ULIDs: sortable by creation time and unique without coordination. */
import { decodeTime, encodeTime, monotonicFactory, ulid } from 'ulid';

const nextUlid = monotonicFactory();

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

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

/** The creation time (ms) a ULID carries. */
export function ulidTime(id: string): number {
  return decodeTime(id);
}

/**
 * A deterministic ULID for an event whose cause is known (ARCHITECTURE.md "Events and mutable
 * records"; every recipe is in shared/event-ids.ts): the points earned for sale X, the sale
 * imported from invoice "INV-7" — so two devices that make "the same"
 * event make the same id, and a merge counts it once. The time part is `timeMs`; the other 80
 * bits are a hash of `key` (two independent 53-bit hashes, so collisions need ~2^40 keys).
 */
export function derivedId(timeMs: number, key: string): string {
  const a = cyrb53(key, 0x9e3779b9);
  const b = cyrb53(key, 0x85ebca6b);
  let random = '';
  // 16 base32 characters = 80 bits: 40 from each hash.
  for (const h of [a, b]) {
    let v = h % 2 ** 40;
    let part = '';
    for (let i = 0; i < 8; i++) {
      part = CROCKFORD[v % 32]! + part;
      v = Math.floor(v / 32);
    }
    random += part;
  }
  return encodeTime(Math.max(0, Math.floor(timeMs)), 10) + random;
}

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). Not cryptographic. */
function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
