import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TIMER_MS,
  parseReminderTag,
  planReminders,
  reminderTag,
  timerDelay,
  type Reminder,
  type ReminderSource,
} from '../../../shared/timeline/reminders';

const ID = (n: number) => `01JD${String(n).padStart(22, '0')}`;
const C = '01JDCONTACT000000000000000'.replace(/[IOLU]/g, '0');
const T0 = Date.UTC(2026, 10, 23, 1, 0);
const MIN = 60_000;
const fu = (n: number, dueMin: number, extra: Partial<ReminderSource> = {}): ReminderSource => ({
  id: ID(n),
  contactId: C,
  title: `task ${n}`,
  dueAt: new Date(T0 + dueMin * MIN).toISOString(),
  ...extra,
});

describe('reminder plan (fake clock)', () => {
  it('the first run on a device shows nothing and waits for the soonest one', () => {
    const plan = planReminders([fu(1, -30), fu(2, 5), fu(3, 2)], null, T0, T0);
    expect(plan.due).toEqual([]);
    expect(plan.nextAt).toBe(T0 + 2 * MIN);
    expect(plan.delayMs).toBe(MAX_TIMER_MS); // 2 min away: re-check after the cap
  });

  it('a reminder fires once, at its time, and not again after the check moved on', () => {
    const items = [fu(1, 10)];
    expect(planReminders(items, T0, T0 + 9 * MIN, T0).due).toEqual([]);
    const at10 = planReminders(items, T0 + 9 * MIN, T0 + 10 * MIN, T0);
    expect(at10.due.map((r) => r.followUpId)).toEqual([ID(1)]);
    expect(at10.due[0]!.missed).toBe(false);
    expect(planReminders(items, T0 + 10 * MIN, T0 + 11 * MIN, T0).due).toEqual([]);
  });

  it('reminders due while the app was closed are shown when it opens, marked missed', () => {
    const closedAt = T0;
    const openedAt = T0 + 24 * 60 * MIN;
    const plan = planReminders([fu(2, 600), fu(1, 60), fu(3, 2000)], closedAt, openedAt, openedAt);
    expect(plan.due.map((r) => [r.followUpId, r.missed])).toEqual([
      [ID(1), true],
      [ID(2), true],
    ]);
    expect(plan.nextAt).toBe(T0 + 2000 * MIN);
  });

  it('a snoozed follow-up reminds at the end of the snooze, not at its due time', () => {
    const snoozed = fu(1, 0, { snoozedUntil: new Date(T0 + 60 * MIN).toISOString() });
    expect(planReminders([snoozed], T0 - MIN, T0 + 30 * MIN, T0).due).toEqual([]);
    expect(planReminders([snoozed], T0 + 30 * MIN, T0 + 60 * MIN, T0).due).toHaveLength(1);
  });

  it('done and deleted follow-ups never remind', () => {
    const items = [fu(1, 5, { doneAt: new Date(T0).toISOString() }), fu(2, 5, { deletedAt: 'x' })];
    const plan = planReminders(items, T0, T0 + 10 * MIN, T0);
    expect(plan.due).toEqual([]);
    expect(plan.nextAt).toBeNull();
  });

  it('the timer delay is clamped between 0 and the re-check cap', () => {
    expect(timerDelay(T0 + 5_000, T0)).toBe(5_000);
    expect(timerDelay(T0 - 5_000, T0)).toBe(0);
    expect(timerDelay(T0 + 10 * MAX_TIMER_MS, T0)).toBe(MAX_TIMER_MS);
    expect(timerDelay(null, T0)).toBe(MAX_TIMER_MS);
  });

  it('a notification tag leads back to the follow-up and its contact; other tags do not', () => {
    const r = { followUpId: ID(7), contactId: C };
    expect(parseReminderTag(reminderTag(r))).toEqual(r);
    expect(parseReminderTag('backup:done')).toBeNull();
    expect(parseReminderTag(`followup:${ID(7)}:../../x`)).toBeNull();
  });

  it('property: a scheduler loop with a fake clock, closed for a while, fires each reminder exactly once and never early', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (dues, closeAt, closedFor) => {
          const items = dues.map((d, i) => fu(i, d));
          const fired: Reminder[] = [];
          const firedAtClock: number[] = [];
          // Session 1 runs from T0 until closeAt; session 2 starts after the gap, until the end.
          const sessions = [
            { start: T0, end: T0 + closeAt * MIN },
            { start: T0 + (closeAt + closedFor) * MIN, end: T0 + 7000 * MIN },
          ];
          let lastCheck: number | null = T0 - 1;
          for (const s of sessions) {
            let clock = s.start;
            while (clock <= s.end) {
              const plan = planReminders(items, lastCheck, clock, s.start);
              for (const r of plan.due) {
                fired.push(r);
                firedAtClock.push(clock);
              }
              lastCheck = clock;
              clock += Math.max(1, plan.delayMs);
            }
          }
          expect(fired.map((r) => r.followUpId).sort()).toEqual(items.map((f) => f.id).sort());
          fired.forEach((r, i) => {
            expect(Date.parse(r.at)).toBeLessThanOrEqual(firedAtClock[i]!);
            // Missed exactly when it came due while the app was closed.
            const closed =
              Date.parse(r.at) > sessions[0]!.end && Date.parse(r.at) < sessions[1]!.start;
            expect(r.missed).toBe(closed);
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000); // ~5 s of fast-check runs alone; more on a shared, loaded machine
});
