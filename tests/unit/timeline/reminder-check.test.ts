import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { MAX_TIMER_MS, type Reminder } from '../../../shared/timeline/reminders';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createTimelineRepository } from '../../../renderer/db/repositories/timeline';
import {
  runReminderCheck,
  type ReminderStore,
} from '../../../renderer/features/followups/reminder-check';

let repos: Repositories;
let counter = 0;
let timeline: ReturnType<typeof createTimelineRepository>;
const T0 = Date.parse('2026-11-23T03:00:00.000Z');
const SESSION = T0;

beforeEach(async () => {
  repos = await openRepositories(`test-reminder-check-${++counter}-${Date.now()}`);
  timeline = createTimelineRepository(repos.db, repos.clock, () => new Date(T0));
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function followUpDueAt(ms: number): Promise<string> {
  const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Siti Rahayu' });
  if (!c.ok) throw new Error('contact');
  const f = await timeline.addFollowUp({
    contactId: c.value.id,
    title: 'Call back',
    dueAt: new Date(ms).toISOString(),
  });
  if (!f.ok) throw new Error('follow-up');
  return f.value.id;
}

function collector() {
  const shown: Reminder[][] = [];
  return { shown, show: async (due: Reminder[]) => void shown.push(due) };
}

describe('one reminder check', () => {
  it('starts the clock on a new device, then shows a reminder once when its time has come', async () => {
    const id = await followUpDueAt(T0 + 3 * 60_000);
    const { shown, show } = collector();
    // First check on this device: nothing is "missed"; the timer waits (at most a minute).
    expect(await runReminderCheck(timeline, SESSION, show, () => T0)).toBe(MAX_TIMER_MS);
    expect(await runReminderCheck(timeline, SESSION, show, () => T0 + 2.5 * 60_000)).toBe(30_000);
    expect(shown).toEqual([]);
    expect(await runReminderCheck(timeline, SESSION, show, () => T0 + 3 * 60_000)).toBe(
      MAX_TIMER_MS,
    );
    expect(shown.map((d) => d.map((r) => [r.followUpId, r.missed]))).toEqual([[[id, false]]]);
    // A later check does not show it again.
    await runReminderCheck(timeline, SESSION, show, () => T0 + 4 * 60_000);
    expect(shown).toHaveLength(1);
  });

  it('shows a due reminder in this check when another window moved the last check first', async () => {
    const id = await followUpDueAt(T0 + 60_000);
    const { shown, show } = collector();
    await runReminderCheck(timeline, SESSION, show, () => T0);
    // Another window claims (T0, T0 + 30 s] between this check's read and its claim: the
    // reminder (due at T0 + 60 s) is not in the other window's range, so it is still ours.
    let raced = false;
    const contended: ReminderStore = {
      reminderSources: () => timeline.reminderSources(),
      lastReminderCheck: async () => {
        const last = await timeline.lastReminderCheck();
        if (!raced) {
          raced = true;
          expect(await timeline.claimReminderWindow(last, T0 + 30_000)).toBe(true);
        }
        return last;
      },
      claimReminderWindow: (from, to) => timeline.claimReminderWindow(from, to),
    };
    const delay = await runReminderCheck(contended, SESSION, show, () => T0 + 2 * 60_000);
    expect(shown.map((d) => d.map((r) => r.followUpId))).toEqual([[id]]);
    expect(delay).toBe(MAX_TIMER_MS);
    expect(await timeline.lastReminderCheck()).toBe(T0 + 2 * 60_000);
  });

  it('shows nothing, claims nothing and waits while the device clock is behind its last check', async () => {
    await followUpDueAt(T0 + 60_000);
    const { shown, show } = collector();
    await runReminderCheck(timeline, SESSION, show, () => T0 + 2 * 60_000);
    const delay = await runReminderCheck(timeline, SESSION, show, () => T0);
    expect(shown).toEqual([]);
    expect(delay).toBeGreaterThan(0);
    expect(await timeline.lastReminderCheck()).toBe(T0 + 2 * 60_000);
  });
});
