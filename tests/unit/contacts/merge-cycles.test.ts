import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCycleRepairStamp, mergeCycleSurvivors } from '../../../shared/contacts/merge-cycles';
import { formatStamp, MAX_COUNTER } from '../../../shared/hlc';

describe('merge cycles', () => {
  it('finds the smallest id of each cycle, and nothing in plain chains', () => {
    expect(
      mergeCycleSurvivors(
        new Map([
          ['B', 'A'],
          ['A', 'B'],
        ]),
      ),
    ).toEqual(['A']);
    expect(
      mergeCycleSurvivors(
        new Map([
          ['C', 'A'],
          ['A', 'B'],
          ['B', 'A'],
        ]),
      ),
    ).toEqual(['A']);
    expect(
      mergeCycleSurvivors(
        new Map([
          ['A', 'B'],
          ['B', 'C'],
        ]),
      ),
    ).toEqual([]);
    expect(mergeCycleSurvivors(new Map([['X', 'X']]))).toEqual(['X']);
    expect(
      mergeCycleSurvivors(
        new Map([
          ['D', 'E'],
          ['E', 'F'],
          ['F', 'D'],
          ['A', 'B'],
          ['B', 'A'],
        ]),
      ),
    ).toEqual(['A', 'D']);
  });

  it('after clearing the survivors every chain ends (no cycle is left)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
          fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        ),
        (dict) => {
          const map = new Map(Object.entries(dict));
          for (const s of mergeCycleSurvivors(map)) map.delete(s);
          for (const start of map.keys()) {
            let current: string | undefined = start;
            for (let i = 0; i <= map.size && current !== undefined; i++) current = map.get(current);
            expect(current).toBeUndefined();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the stamp of a cycle repair', () => {
  const dev = 'ZTQN17N4GPEB15NE';
  it('comes right after the latest link, whatever order the links are listed in', () => {
    const links = [
      formatStamp({ wall: 5, counter: 2, deviceId: dev }),
      formatStamp({ wall: 9, counter: 0, deviceId: '3P630FP93SEVSCTB' }),
    ];
    const repair = mergeCycleRepairStamp(links);
    expect(repair).toBe(formatStamp({ wall: 9, counter: 1, deviceId: '3P630FP93SEVSCTB' }));
    expect(mergeCycleRepairStamp([...links].reverse())).toBe(repair);
    for (const l of links) expect(repair > l).toBe(true);
  });
  it('moves to the next millisecond when the counter is full', () => {
    expect(
      mergeCycleRepairStamp([formatStamp({ wall: 9, counter: MAX_COUNTER, deviceId: dev })]),
    ).toBe(formatStamp({ wall: 10, counter: 0, deviceId: dev }));
  });
});
