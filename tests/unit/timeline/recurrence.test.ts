import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDue, occurrence } from '../../../shared/timeline/recurrence';

const local = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min);

describe('repeating follow-ups', () => {
  it('weekly: the next one is seven days later at the same time', () => {
    const due = local(2026, 11, 23, 9, 30);
    expect(nextDue('weekly', due, due)).toEqual(local(2026, 11, 30, 9, 30));
  });

  it('monthly from the 31st lands on the last day of short months and returns to the 31st', () => {
    const anchor = local(2027, 1, 31);
    const feb = nextDue('monthly', anchor, anchor, anchor)!;
    expect(feb).toEqual(local(2027, 2, 28));
    const mar = nextDue('monthly', feb, feb, anchor)!;
    expect(mar).toEqual(local(2027, 3, 31));
    const apr = nextDue('monthly', mar, mar, anchor)!;
    expect(apr).toEqual(local(2027, 4, 30));
    // In a leap year February has 29 days.
    expect(occurrence(local(2028, 1, 31), 'monthly', 1)).toEqual(local(2028, 2, 29));
  });

  it('yearly on 29 February falls on 28 February in common years and back on 29 in leap years', () => {
    const anchor = local(2028, 2, 29);
    expect(occurrence(anchor, 'yearly', 1)).toEqual(local(2029, 2, 28));
    expect(occurrence(anchor, 'yearly', 4)).toEqual(local(2032, 2, 29));
  });

  it('a weekly task done three weeks late gives one task in the future, not overdue ones', () => {
    const due = local(2026, 11, 2, 9);
    const now = local(2026, 11, 23, 15);
    expect(nextDue('weekly', due, now)).toEqual(local(2026, 11, 30, 9));
  });

  it('done early: the next one is still one period after the due date', () => {
    const due = local(2026, 12, 10, 9);
    const now = local(2026, 12, 1, 9);
    expect(nextDue('monthly', due, now)).toEqual(local(2027, 1, 10, 9));
  });

  it('no repeat gives no next one', () => {
    expect(nextDue('none', local(2026, 1, 1), local(2026, 1, 2))).toBeNull();
  });

  it('property: the next due is the FIRST occurrence of the series after both due and now', () => {
    const date = fc.date({
      min: new Date(2000, 0, 1),
      max: new Date(2060, 0, 1),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('weekly' as const, 'monthly' as const, 'yearly' as const),
        date,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: -400, max: 4000 }),
        (rule, anchor, k, nowOffsetDays) => {
          const due = occurrence(anchor, rule, k);
          const now = new Date(due.getTime() + nowOffsetDays * 86_400_000);
          const next = nextDue(rule, due, now, anchor)!;
          const after = Math.max(due.getTime(), now.getTime());
          expect(next.getTime()).toBeGreaterThan(after);
          // It is on the series, and the occurrence before it is not after `after`.
          let n = 0;
          while (occurrence(anchor, rule, n).getTime() < next.getTime()) n++;
          expect(occurrence(anchor, rule, n)).toEqual(next);
          expect(occurrence(anchor, rule, n - 1).getTime()).toBeLessThanOrEqual(after);
          // Same time of day as the anchor.
          expect([next.getHours(), next.getMinutes()]).toEqual([
            anchor.getHours(),
            anchor.getMinutes(),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
