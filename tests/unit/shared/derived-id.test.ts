import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedId, isUlid, ulidTime } from '../../../shared/ids';

describe('derivedId', () => {
  it('is a valid ULID carrying the given time', () => {
    const id = derivedId(Date.UTC(2026, 10, 23), 'earn:01KAB');
    expect(isUlid(id)).toBe(true);
    expect(ulidTime(id)).toBe(Date.UTC(2026, 10, 23));
  });

  it('is the same for the same cause on any device, different for different causes', () => {
    expect(derivedId(1000, 'sale:INV-7')).toBe(derivedId(1000, 'sale:INV-7'));
    expect(derivedId(1000, 'sale:INV-7')).not.toBe(derivedId(1000, 'sale:INV-8'));
    expect(derivedId(1000, 'sale:INV-7')).not.toBe(derivedId(2000, 'sale:INV-7'));
  });

  it('does not collide over many distinct keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 30 }), { minLength: 2, maxLength: 300 }),
        (keys) => {
          const ids = new Set(keys.map((k) => derivedId(0, k)));
          expect(ids.size).toBe(keys.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
