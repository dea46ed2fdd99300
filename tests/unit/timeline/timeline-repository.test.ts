import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { newId } from '../../../shared/ids';
import { followUpSchema, noteSchema, templateSchema, type Sale } from '../../../shared/schemas';
import { DEFAULT_TEMPLATES } from '../../../shared/timeline/default-templates';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createTimelineRepository } from '../../../renderer/db/repositories/timeline';

let repos: Repositories;
let counter = 0;
let now = new Date('2026-11-23T03:00:00.000Z');
let timeline: ReturnType<typeof createTimelineRepository>;

beforeEach(async () => {
  repos = await openRepositories(`test-timeline-${++counter}-${Date.now()}`);
  now = new Date('2026-11-23T03:00:00.000Z');
  // The same repository the app uses, with a fake clock for "now".
  timeline = createTimelineRepository(repos.db, repos.clock, () => now);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name = 'Siti Rahayu', birthday = '') {
  const r = await repos.contacts.create({ ...emptyContactInput(), name, birthday });
  if (!r.ok) throw new Error('contact');
  return r.value.id;
}

async function sale(
  contactId: string,
  at: string,
  kind: Sale['kind'] = 'purchase',
  amount = 150_000,
) {
  const id = newId(Date.parse(at));
  const row = {
    id,
    createdAt: at,
    updatedAt: `${String(Date.parse(at)).padStart(15, '0')}-00000-${repos.clock.deviceId}`,
    contactId,
    kind,
    at,
    amount,
    ...(kind === 'refund' ? { reversesId: id } : {}),
  } as Sale;
  await repos.db.sales.add(row);
  return row;
}

const note = (contactId: string, over: Record<string, unknown> = {}) => ({
  contactId,
  kind: 'note' as const,
  at: '2026-11-20T10:00:00+07:00',
  text: 'Asked about the new batik',
  ...over,
});

describe('interactions and the timeline', () => {
  it('stores a valid synced record; refuses an empty note and writes nothing', async () => {
    const c = await contact();
    const r = await timeline.addInteraction(note(c, { outcome: 'Will come Saturday' }));
    expect(r.ok).toBe(true);
    const stored = await repos.db.notes.toArray();
    expect(stored).toHaveLength(1);
    expect(noteSchema.safeParse(stored[0]).success).toBe(true);
    expect(stored[0]!.stamps.text).toBe(stored[0]!.updatedAt);

    const empty = await timeline.addInteraction(note(c, { text: '  ' }));
    expect(empty).toEqual({
      ok: false,
      errors: [{ path: 'text', message: 'timeline.errors.textRequired' }],
    });
    expect(await repos.db.notes.count()).toBe(1);
  });

  it('keeps very long text whole', async () => {
    const c = await contact();
    const long = 'Pelanggan bercerita panjang. '.repeat(3000);
    await timeline.addInteraction(note(c, { text: long }));
    const [item] = await timeline.timeline(c);
    expect(item?.type === 'note' && item.note.text).toBe(long);
  });

  it('shows notes, sales and points together, newest first, filterable by kind', async () => {
    const c = await contact();
    await timeline.addInteraction(
      note(c, { kind: 'call', at: '2026-11-01T09:00:00+07:00', text: 'call' }),
    );
    await timeline.addInteraction(
      note(c, { kind: 'visit', at: '2026-11-10T09:00:00+07:00', text: 'visit' }),
    );
    const s = await sale(c, '2026-11-05T02:00:00.000Z');
    await repos.db.ledger.add({
      id: newId(),
      createdAt: '2026-11-05T02:00:01.000Z',
      updatedAt: s.updatedAt,
      contactId: c,
      kind: 'earn',
      at: '2026-11-05T02:00:01.000Z',
      points: 15,
      saleId: s.id,
    });
    const all = await timeline.timeline(c);
    expect(all.map((i) => (i.type === 'note' ? i.note.kind : i.type))).toEqual([
      'visit',
      'points',
      'sale',
      'call',
    ]);
    const onlySales = await timeline.timeline(c, ['sale', 'call']);
    expect(onlySales.map((i) => i.type)).toEqual(['sale', 'note']);
  });

  it('a duplicate merged into a contact brings its timeline along; deleted notes are hidden, undo brings them back', async () => {
    const a = await contact('Siti A');
    const b = await contact('Siti B');
    const r = await timeline.addInteraction(note(a, { text: 'from the duplicate' }));
    if (!r.ok) throw new Error();
    const row = (await repos.db.contacts.get(a))!;
    await repos.db.contacts.put({ ...row, mergedInto: b });
    expect((await timeline.timeline(b)).map((i) => i.id)).toEqual([r.value.id]);
    await timeline.removeInteraction(r.value.id);
    expect(await timeline.timeline(b)).toEqual([]);
    await timeline.restoreInteraction(r.value.id);
    expect(await timeline.timeline(b)).toHaveLength(1);
  });
});

describe('complaints', () => {
  it('open -> in progress -> resolved with resolution text and time to resolve; only unresolved are open', async () => {
    const c = await contact();
    const r = await timeline.addInteraction(
      note(c, { kind: 'complaint', at: '2026-11-22T03:00:00.000Z', text: 'Wrong size delivered' }),
    );
    if (!r.ok) throw new Error();
    expect(r.value.complaintStatus).toBe('open');
    expect((await timeline.openComplaints()).map((x) => x.contact.name)).toEqual(['Siti Rahayu']);

    await timeline.setComplaintStatus(r.value.id, { status: 'in_progress' });
    expect((await timeline.openComplaints(c))[0]!.note.complaintStatus).toBe('in_progress');

    const refused = await timeline.setComplaintStatus(r.value.id, {
      status: 'resolved',
      resolution: '',
    });
    expect(refused.ok).toBe(false);

    now = new Date('2026-11-23T05:30:00.000Z');
    const done = await timeline.setComplaintStatus(r.value.id, {
      status: 'resolved',
      resolution: 'Exchanged for size L',
    });
    expect(done.ok && done.value).toMatchObject({
      complaintStatus: 'resolved',
      resolution: 'Exchanged for size L',
      resolvedAt: '2026-11-23T05:30:00.000Z',
    });
    expect(await timeline.openComplaints()).toEqual([]);
  });
});

describe('follow-ups', () => {
  const fu = (contactId: string, over: Record<string, unknown> = {}) => ({
    contactId,
    title: 'Send the price list',
    dueAt: '2026-11-23T02:00:00.000Z',
    ...over,
  });

  it('completing a monthly follow-up makes the next one once, with an id both devices agree on', async () => {
    const c = await contact();
    const r = await timeline.addFollowUp(fu(c, { repeat: 'monthly' }));
    if (!r.ok) throw new Error();
    const { done, next } = await timeline.completeFollowUp(r.value.id);
    expect(done.doneAt).toBe(now.toISOString());
    expect(next).not.toBeNull();
    expect(followUpSchema.safeParse(next).success).toBe(true);
    expect(Date.parse(next!.dueAt)).toBeGreaterThan(now.getTime());
    expect(next!.previousId).toBe(r.value.id);
    // Completing again later (a double click, or another device) does not make a second next one.
    now = new Date('2026-11-23T07:00:00.000Z');
    const again = await timeline.completeFollowUp(r.value.id);
    expect(again.next!.id).toBe(next!.id);
    expect((await timeline.openFollowUps()).map((v) => v.followUp.id)).toEqual([next!.id]);
  });

  it('undo of "done" reopens it and removes the next occurrence it made', async () => {
    const c = await contact();
    const r = await timeline.addFollowUp(fu(c, { repeat: 'weekly' }));
    if (!r.ok) throw new Error();
    const { next } = await timeline.completeFollowUp(r.value.id);
    await timeline.reopenFollowUp(r.value.id, next!.id);
    expect((await timeline.openFollowUps()).map((v) => v.followUp.id)).toEqual([r.value.id]);
  });

  it('finishing a follow-up leaves a trace on the contact’s timeline; reopening takes it off', async () => {
    const c = await contact();
    const r = await timeline.addFollowUp(fu(c, { title: 'Call about the wedding order' }));
    if (!r.ok) throw new Error();
    expect((await timeline.timeline(c)).filter((i) => i.type === 'followup')).toEqual([]);
    await timeline.completeFollowUp(r.value.id);
    const items = await timeline.timeline(c);
    const trace = items.find((i) => i.type === 'followup');
    expect(trace).toMatchObject({ at: now.toISOString(), id: r.value.id });
    expect(trace?.type === 'followup' && trace.followUp.title).toBe('Call about the wedding order');
    // The filter for follow-ups shows it alone; another filter leaves it out.
    expect((await timeline.timeline(c, ['followup'])).map((i) => i.type)).toEqual(['followup']);
    expect(await timeline.timeline(c, ['call'])).toEqual([]);
    await timeline.reopenFollowUp(r.value.id);
    expect((await timeline.timeline(c)).filter((i) => i.type === 'followup')).toEqual([]);
  });

  it('snooze moves the reminder; reschedule clears the snooze; delete and restore', async () => {
    const c = await contact();
    const r = await timeline.addFollowUp(fu(c));
    if (!r.ok) throw new Error();
    const snoozed = await timeline.snoozeFollowUp(r.value.id, new Date('2026-11-24T02:00:00.000Z'));
    expect(snoozed.snoozedUntil).toBe('2026-11-24T02:00:00.000Z');
    const moved = await timeline.updateFollowUp(
      r.value.id,
      fu(c, { dueAt: '2026-11-30T02:00:00.000Z' }),
    );
    expect(moved.ok && moved.value.snoozedUntil).toBeUndefined();
    await timeline.removeFollowUp(r.value.id);
    expect(await timeline.openFollowUps()).toEqual([]);
    await timeline.restoreFollowUp(r.value.id);
    expect(await timeline.openFollowUps()).toHaveLength(1);
  });

  it('refuses a follow-up without a title', async () => {
    const c = await contact();
    const r = await timeline.addFollowUp(fu(c, { title: '' }));
    expect(!r.ok && r.errors[0]!.message).toBe('timeline.errors.titleRequired');
    expect(await repos.db.followUps.count()).toBe(0);
  });
});

describe('templates', () => {
  it('lists the built-ins; an edit stores a synced copy under the same id; delete hides it; undo restores', async () => {
    const list = await timeline.templates();
    expect(list.map((t) => t.id).sort()).toEqual(DEFAULT_TEMPLATES.map((d) => d.id).sort());
    const birthday = list.find((t) => t.purpose === 'birthday')!;
    const r = await timeline.saveTemplate(birthday.id, {
      ...birthday,
      body: { en: 'HBD {name}', id: 'Selamat ultah {name}' },
    });
    expect(r.ok).toBe(true);
    const stored = await repos.db.templates.get(birthday.id);
    expect(templateSchema.safeParse(stored).success).toBe(true);
    expect((await timeline.templates()).find((t) => t.id === birthday.id)!.body.id).toBe(
      'Selamat ultah {name}',
    );
    await timeline.removeTemplate(birthday.id);
    expect((await timeline.templates()).some((t) => t.id === birthday.id)).toBe(false);
    await timeline.restoreTemplate(birthday.id);
    expect((await timeline.templates()).some((t) => t.id === birthday.id)).toBe(true);
    const bad = await timeline.saveTemplate(undefined, {
      name: ' ',
      purpose: 'custom',
      body: { en: '', id: '' },
    });
    expect(!bad.ok && bad.errors[0]!.message).toBe('timeline.errors.templateNameRequired');
  });
});

describe('Today', () => {
  it('gone quiet uses each customer’s own rhythm and counts a merged duplicate’s purchases', async () => {
    const weekly = await contact('Weekly Wati');
    const fresh = await contact('Fresh Fajar');
    const dup = await contact('Weekly Wati (old)');
    await contact('Never Bought');
    // Weekly Wati bought every 7 days, last one 40 days ago -> quiet.
    for (const d of [61, 54, 47])
      await sale(weekly, new Date(now.getTime() - d * 86_400_000).toISOString());
    await sale(dup, new Date(now.getTime() - 40 * 86_400_000).toISOString());
    await sale(dup, new Date(now.getTime() - 30 * 86_400_000).toISOString(), 'refund');
    const dupRow = (await repos.db.contacts.get(dup))!;
    await repos.db.contacts.put({ ...dupRow, mergedInto: weekly });
    // Fresh Fajar bought once, 10 days ago -> not quiet (fallback 60 days).
    await sale(fresh, new Date(now.getTime() - 10 * 86_400_000).toISOString());

    const quiet = await timeline.goneQuiet();
    expect(
      quiet.map((q) => [q.contact.name, q.verdict.daysSince, q.verdict.usualIntervalDays]),
    ).toEqual([['Weekly Wati', 40, 7]]);
  });

  it('birthdays in the next 7 days come from live contacts', async () => {
    await contact('Ulang Tahun', '1990-11-25');
    await contact('Bulan Depan', '1990-12-25');
    expect((await timeline.upcomingBirthdays()).map((b) => [b.contact.name, b.inDays])).toEqual([
      ['Ulang Tahun', 2],
    ]);
  });
});

describe('reminder check per device', () => {
  it('claims a window only from the value it read, so two windows never show the same reminders', async () => {
    expect(await timeline.lastReminderCheck()).toBeNull();
    expect(await timeline.claimReminderWindow(null, 1000)).toBe(true);
    expect(await timeline.lastReminderCheck()).toBe(1000);
    // A second window that also read null loses.
    expect(await timeline.claimReminderWindow(null, 1200)).toBe(false);
    expect(await timeline.claimReminderWindow(1000, 2000)).toBe(true);
    expect(await timeline.claimReminderWindow(1000, 2500)).toBe(false);
    expect(await timeline.lastReminderCheck()).toBe(2000);
  });
});
