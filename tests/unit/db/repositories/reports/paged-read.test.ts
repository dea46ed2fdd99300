/**
 * The cut points the reports repository (reports/paged-read.ts) splits a table's ids at, to read ranges side by side:
 * whatever the ids, the cuts are ascending and lie between the first and the last id, so the
 * ranges cover every id exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenCuts } from '../../../../../renderer/db/repositories/reports/paged-read';
import { newId } from '../../../../../shared/ids';

const withoutTrailingNul = (s: string) => {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return s.slice(0, end);
};

describe('evenCuts', () => {
  it('splits two ULIDs a year apart into ascending cuts strictly between them', () => {
    const a = newId(Date.parse('2025-01-01T00:00:00Z'));
    const b = newId(Date.parse('2026-01-01T00:00:00Z'));
    const cuts = evenCuts(a, b, 4);
    expect(cuts).toHaveLength(3);
    expect([a, ...cuts, b]).toEqual([a, ...cuts, b].sort());
    expect(new Set([a, ...cuts, b]).size).toBe(5);
  });

  it('never gives a cut outside [first, last] or out of order, for any strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 2, max: 9 }), (x, y, parts) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const cuts = evenCuts(a, b, parts);
        expect(cuts).toHaveLength(parts - 1);
        for (let i = 0; i < cuts.length; i++) {
          // Compared as 16-digit numbers the cuts are between a and b; as strings they may
          // only tie with a bound when a and b agree on their first 16 characters.
          if (a.slice(0, 16) !== b.slice(0, 16)) {
            expect(cuts[i]! >= withoutTrailingNul(a.slice(0, 16))).toBe(true);
            expect(cuts[i]! <= b).toBe(true);
          }
          if (i > 0) expect(cuts[i - 1]! <= cuts[i]!).toBe(true);
        }
      }),
    );
  });
});
