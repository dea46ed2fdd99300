import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCycleSurvivors } from '../../../shared/contacts/merge-cycles';
import { resolveSurvivor, survivorIn, survivorResolver } from '../../../shared/contacts/survivor';
import { createContact, openDevice, patchContact } from '../sync/device';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
/** A merge forest as links arrive from devices: each id merged into at most one other. */
const links = fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(...IDS));

/** The same links, arrived in another order (what another device may have seen). */
function shuffled(map: Map<string, string>, seed: number): Map<string, string> {
  const entries = [...map];
  let s = seed;
  for (let i = entries.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return new Map(entries);
}

describe('contact identity: who an id stands for', () => {
  it('every id resolves to the same survivor whatever order the links came in, and the same after the cycle repair', async () => {
    await fc.assert(
      fc.asyncProperty(links, fc.nat(), async (dict, seed) => {
        const map = new Map(Object.entries(dict));
        const other = shuffled(map, seed);
        const repaired = new Map(map);
        for (const s of mergeCycleSurvivors(map)) repaired.delete(s);
        const resolve = survivorResolver(other);
        for (const id of IDS) {
          const survivor = survivorIn(id, map);
          expect(resolve(id)).toBe(survivor);
          expect(await resolveSurvivor(id, async (c) => other.get(c))).toBe(survivor);
          // Repairing a cycle un-merges exactly the contact every reader already took for it.
          expect(survivorIn(id, repaired)).toBe(survivor);
          expect(repaired.has(survivor)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a chain into a cycle ends at the smallest id of the cycle, not of the path', () => {
    // a -> c -> b -> c: the cycle is {b, c}; a itself is merged and can never survive.
    const map = new Map([
      ['a', 'c'],
      ['c', 'b'],
      ['b', 'c'],
    ]);
    expect(survivorIn('a', map)).toBe('b');
    expect(survivorIn('c', map)).toBe('b');
    expect(survivorIn('z', map)).toBe('z');
    expect(survivorIn('x', new Map([['x', 'x']]))).toBe('x');
  });

  it('a restored backup that holds a merge cycle keeps the customer visible', async () => {
    const a = await openDevice('cyc-a');
    const x = await createContact(a, 'Siti Rahayu');
    const y = await createContact(a, 'Siti R.');
    // Two devices merged the pair in opposite directions and this backup kept both links.
    await patchContact(a, x, { mergedInto: y });
    await patchContact(a, y, { mergedInto: x });
    const b = await openDevice('cyc-b');
    await b.sync.restoreBackup(await a.sync.exportBackup('kenal@test'));
    const survivor = x < y ? x : y;
    expect((await b.db.contacts.get(survivor))?.mergedInto).toBeUndefined();
    expect(await b.contacts.resolveId(x)).toBe(survivor);
    expect(await b.contacts.resolveId(y)).toBe(survivor);
    expect((await b.contacts.list('')).map((c) => c.id)).toEqual([survivor]);
  });
});
