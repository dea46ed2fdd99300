import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { DEVICE_ID_PATTERN, HybridLogicalClock } from '../../../shared/hlc';
import { isUlid, newDeviceId, newId, ULID_PATTERN } from '../../../shared/ids';

describe('newId', () => {
  it('is a ULID that encodes the time it was made', () => {
    const before = Date.now();
    const id = newId();
    expect(id).toMatch(ULID_PATTERN);
    expect(id).toHaveLength(26);
    expect(isUlid(id)).toBe(true);
    expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
    expect(decodeTime(id)).toBeLessThanOrEqual(Date.now());
    // A later time than any id made so far (the factory is monotonic, so it never goes back).
    expect(decodeTime(newId(3_000_000_000_000))).toBe(3_000_000_000_000);
  });

  it('sorts ids made in the same millisecond in creation order, without duplicates', () => {
    const t = 3_100_000_000_000;
    const ids = Array.from({ length: 2000 }, () => newId(t));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by creation time across milliseconds', () => {
    const a = newId(3_200_000_000_000);
    const b = newId(3_200_000_000_001);
    const c = newId(3_200_000_086_400);
    expect(a < b && b < c).toBe(true);
    expect(decodeTime(b) - decodeTime(a)).toBe(1);
    expect(decodeTime(c)).toBe(3_200_000_086_400);
  });

  it('still sorts in creation order when the wall clock steps back', () => {
    const a = newId(3_300_000_000_000);
    const b = newId(3_299_999_999_000);
    expect(b > a).toBe(true);
  });
});

describe('newDeviceId', () => {
  it('matches the device id pattern HLC stamps use and can drive a clock', () => {
    for (let i = 0; i < 200; i++) {
      const d = newDeviceId();
      expect(d).toMatch(DEVICE_ID_PATTERN);
      expect(() => new HybridLogicalClock({ deviceId: d })).not.toThrow();
    }
  });

  it('is random: no two devices get the same id', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newDeviceId()));
    expect(ids.size).toBe(1000);
  });
});

describe('isUlid', () => {
  it('refuses strings that are not ULIDs', () => {
    const id = newId();
    for (const bad of [
      id.toLowerCase(),
      id.slice(1),
      `${id}0`,
      'I'.repeat(26),
      'L'.repeat(26),
      'O'.repeat(26),
      'U'.repeat(26),
      '',
      `${id.slice(0, 25)}-`,
      '550e8400-e29b-41d4-a716-446655440000',
    ]) {
      expect(isUlid(bad), bad).toBe(false);
    }
    for (const v of [undefined, null, 42, {}, [id]]) expect(isUlid(v)).toBe(false);
  });
});
