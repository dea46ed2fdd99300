/** The per-device reminder check (renderer/db/repositories/timeline/reminders.ts). */
import { describe, expect, it } from 'vitest';
import { useTimelineDb } from './setup';

const env = useTimelineDb();

describe('reminder check per device', () => {
  it('claims a window only from the value it read, so two windows never show the same reminders', async () => {
    expect(await env.timeline.lastReminderCheck()).toBeNull();
    expect(await env.timeline.claimReminderWindow(null, 1000)).toBe(true);
    expect(await env.timeline.lastReminderCheck()).toBe(1000);
    // A second window that also read null loses.
    expect(await env.timeline.claimReminderWindow(null, 1200)).toBe(false);
    expect(await env.timeline.claimReminderWindow(1000, 2000)).toBe(true);
    expect(await env.timeline.claimReminderWindow(1000, 2500)).toBe(false);
    expect(await env.timeline.lastReminderCheck()).toBe(2000);
  });
});
