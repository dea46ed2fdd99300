import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byMostOverdue,
  DEFAULT_GONE_QUIET,
  goneQuiet,
  median,
} from '../../../shared/timeline/gone-quiet';

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 23, 5, 0)); // 12:00 in Jakarta
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY).toISOString();

describe('gone quiet', () => {
  it('a contact who never bought is not "gone" quiet', () => {
    expect(goneQuiet([], NOW)).toBeNull();
  });

  it('a weekly customer is quiet after clearly more than a week (7 + 14 slack days)', () => {
    const history = [70, 63, 56, 49, 42, 35, 28].map((d) => d);
    const at = (since: number) =>
      goneQuiet(
        history.map((d) => daysAgo(d - 28 + since)),
        NOW,
      )!;
    expect(at(21).usualIntervalDays).toBe(7);
    expect(at(21).thresholdDays).toBe(21);
    expect(at(21).quiet).toBe(false);
    expect(at(22).quiet).toBe(true);
  });

  it('a monthly customer is quiet after twice their interval, not after 60 days flat', () => {
    const history = (since: number) => [since + 90, since + 60, since + 30, since].map(daysAgo);
    expect(goneQuiet(history(45), NOW)!.quiet).toBe(false);
    expect(goneQuiet(history(60), NOW)!.quiet).toBe(false);
    expect(goneQuiet(history(61), NOW)).toMatchObject({ quiet: true, usualIntervalDays: 30 });
  });

  it('a customer who comes every 6 months is not flagged after 2 months', () => {
    const history = [540, 360, 180, 60].map(daysAgo);
    const v = goneQuiet(history, NOW)!;
    expect(v.usualIntervalDays).toBe(180);
    expect(v.quiet).toBe(false);
  });

  it('without a pattern (fewer than 3 visits) the fallback of N days applies', () => {
    expect(goneQuiet([daysAgo(59)], NOW)!.quiet).toBe(false);
    expect(goneQuiet([daysAgo(61)], NOW)).toMatchObject({ quiet: true, usualIntervalDays: null });
    expect(goneQuiet([daysAgo(200), daysAgo(61)], NOW)!.quiet).toBe(true);
    expect(goneQuiet([daysAgo(40)], NOW, { ...DEFAULT_GONE_QUIET, fallbackDays: 30 })!.quiet).toBe(
      true,
    );
  });

  it('two receipts on one visit are one visit; one long gap does not move the usual interval', () => {
    const sameDay = [daysAgo(30), daysAgo(30.01), daysAgo(20), daysAgo(10)];
    expect(goneQuiet(sameDay, NOW)!.usualIntervalDays).toBe(10);
    const holiday = [daysAgo(400), daysAgo(40), daysAgo(30), daysAgo(20), daysAgo(10)];
    expect(goneQuiet(holiday, NOW)!.usualIntervalDays).toBe(10);
  });

  it('median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('property: a purchase today means not quiet; order of purchases does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 30 }), (ago) => {
        const times = ago.map(daysAgo);
        expect(goneQuiet([...times, NOW.toISOString()], NOW)!.quiet).toBe(false);
        const v = goneQuiet(times, NOW);
        expect(goneQuiet([...times].reverse(), NOW)).toEqual(v);
        if (v) expect(v.daysSince).toBe(Math.min(...ago));
      }),
    );
  });
});

describe('most overdue first', () => {
  it('orders by days since over the threshold, then by id', () => {
    const q = (id: string, daysSince: number, thresholdDays: number) => ({
      id,
      verdict: { daysSince, thresholdDays },
    });
    const list = [q('b', 30, 30), q('c', 90, 30), q('a', 60, 60), q('d', 20, 10)];
    expect(list.sort(byMostOverdue).map((x) => x.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});
