/** Follow-ups (renderer/db/repositories/timeline/followups.ts). */
import { describe, expect, it } from 'vitest';
import { followUpSchema } from '../../../../../shared/schemas';
import { useTimelineDb } from './setup';

const env = useTimelineDb();

describe('follow-ups', () => {
  const fu = (contactId: string, over: Record<string, unknown> = {}) => ({
    contactId,
    title: 'Send the price list',
    dueAt: '2026-11-23T02:00:00.000Z',
    ...over,
  });

  it('completing a monthly follow-up makes the next one once, with an id both devices agree on', async () => {
    const c = await env.contact();
    const r = await env.timeline.addFollowUp(fu(c, { repeat: 'monthly' }));
    if (!r.ok) throw new Error();
    const { done, next } = await env.timeline.completeFollowUp(r.value.id);
    expect(done.doneAt).toBe(env.now.toISOString());
    expect(next).not.toBeNull();
    expect(followUpSchema.safeParse(next).success).toBe(true);
    expect(Date.parse(next!.dueAt)).toBeGreaterThan(env.now.getTime());
    expect(next!.previousId).toBe(r.value.id);
    // Completing again later (a double click, or another device) does not make a second next one.
    env.now = new Date('2026-11-23T07:00:00.000Z');
    const again = await env.timeline.completeFollowUp(r.value.id);
    expect(again.next!.id).toBe(next!.id);
    expect((await env.timeline.openFollowUps()).map((v) => v.followUp.id)).toEqual([next!.id]);
  });

  it('undo of "done" reopens it and removes the next occurrence it made', async () => {
    const c = await env.contact();
    const r = await env.timeline.addFollowUp(fu(c, { repeat: 'weekly' }));
    if (!r.ok) throw new Error();
    const { next } = await env.timeline.completeFollowUp(r.value.id);
    await env.timeline.reopenFollowUp(r.value.id, next!.id);
    expect((await env.timeline.openFollowUps()).map((v) => v.followUp.id)).toEqual([r.value.id]);
  });

  it('finishing a follow-up leaves a trace on the contact’s timeline; reopening takes it off', async () => {
    const c = await env.contact();
    const r = await env.timeline.addFollowUp(fu(c, { title: 'Call about the wedding order' }));
    if (!r.ok) throw new Error();
    expect((await env.timeline.timeline(c)).filter((i) => i.type === 'followup')).toEqual([]);
    await env.timeline.completeFollowUp(r.value.id);
    const items = await env.timeline.timeline(c);
    const trace = items.find((i) => i.type === 'followup');
    expect(trace).toMatchObject({ at: env.now.toISOString(), id: r.value.id });
    expect(trace?.type === 'followup' && trace.followUp.title).toBe('Call about the wedding order');
    // The filter for follow-ups shows it alone; another filter leaves it out.
    expect((await env.timeline.timeline(c, ['followup'])).map((i) => i.type)).toEqual(['followup']);
    expect(await env.timeline.timeline(c, ['call'])).toEqual([]);
    await env.timeline.reopenFollowUp(r.value.id);
    expect((await env.timeline.timeline(c)).filter((i) => i.type === 'followup')).toEqual([]);
  });

  it('snooze moves the reminder; reschedule clears the snooze; delete and restore', async () => {
    const c = await env.contact();
    const r = await env.timeline.addFollowUp(fu(c));
    if (!r.ok) throw new Error();
    const snoozed = await env.timeline.snoozeFollowUp(
      r.value.id,
      new Date('2026-11-24T02:00:00.000Z'),
    );
    expect(snoozed.snoozedUntil).toBe('2026-11-24T02:00:00.000Z');
    const moved = await env.timeline.updateFollowUp(
      r.value.id,
      fu(c, { dueAt: '2026-11-30T02:00:00.000Z' }),
    );
    expect(moved.ok && moved.value.snoozedUntil).toBeUndefined();
    await env.timeline.removeFollowUp(r.value.id);
    expect(await env.timeline.openFollowUps()).toEqual([]);
    await env.timeline.restoreFollowUp(r.value.id);
    expect(await env.timeline.openFollowUps()).toHaveLength(1);
  });

  it('refuses a follow-up without a title', async () => {
    const c = await env.contact();
    const r = await env.timeline.addFollowUp(fu(c, { title: '' }));
    expect(!r.ok && r.error[0]!.message).toBe('timeline.errors.titleRequired');
    expect(await env.repos.db.followUps.count()).toBe(0);
  });
});
