/** Interactions, complaints and a contact's timeline (renderer/db/repositories/timeline/notes.ts). */
import { describe, expect, it } from 'vitest';
import type { HlcStamp } from '../../../../../shared/hlc';
import { noteSchema, type LedgerEntry, type Sale } from '../../../../../shared/schemas';
import { newId } from '../../../../../shared/ids';
import { useTimelineDb, note } from './setup';

const env = useTimelineDb();

describe('interactions and the timeline', () => {
  it('stores a valid synced record; refuses an empty note and writes nothing', async () => {
    const c = await env.contact();
    const r = await env.timeline.addInteraction(note(c, { outcome: 'Will come Saturday' }));
    expect(r.ok).toBe(true);
    const stored = await env.repos.db.notes.toArray();
    expect(stored).toHaveLength(1);
    expect(noteSchema.safeParse(stored[0]).success).toBe(true);
    expect(stored[0]!.stamps.text).toBe(stored[0]!.updatedAt);

    const empty = await env.timeline.addInteraction(note(c, { text: '  ' }));
    expect(empty).toEqual({
      ok: false,
      error: [{ path: 'text', message: 'timeline.errors.textRequired' }],
    });
    expect(await env.repos.db.notes.count()).toBe(1);
  });

  it('keeps very long text whole', async () => {
    const c = await env.contact();
    const long = 'Pelanggan bercerita panjang. '.repeat(3000);
    await env.timeline.addInteraction(note(c, { text: long }));
    const [item] = await env.timeline.timeline(c);
    expect(item?.type === 'note' && item.note.text).toBe(long);
  });

  it('shows notes, sales and points together, newest first, filterable by kind', async () => {
    const c = await env.contact();
    await env.timeline.addInteraction(
      note(c, { kind: 'call', at: '2026-11-01T09:00:00+07:00', text: 'call' }),
    );
    await env.timeline.addInteraction(
      note(c, { kind: 'visit', at: '2026-11-10T09:00:00+07:00', text: 'visit' }),
    );
    const s = await env.sale(c, '2026-11-05T02:00:00.000Z');
    await env.repos.db.ledger.add({
      id: newId(),
      createdAt: '2026-11-05T02:00:01.000Z',
      updatedAt: s.updatedAt,
      contactId: c,
      kind: 'earn',
      at: '2026-11-05T02:00:01.000Z',
      points: 15,
      saleId: s.id,
    });
    const all = await env.timeline.timeline(c);
    expect(all.map((i) => (i.type === 'note' ? i.note.kind : i.type))).toEqual([
      'visit',
      'points',
      'sale',
      'call',
    ]);
    const onlySales = await env.timeline.timeline(c, ['sale', 'call']);
    expect(onlySales.map((i) => i.type)).toEqual(['sale', 'note']);
  });

  it('a duplicate merged into a contact brings its timeline along; deleted notes are hidden, undo brings them back', async () => {
    const a = await env.contact('Siti A');
    const b = await env.contact('Siti B');
    const r = await env.timeline.addInteraction(note(a, { text: 'from the duplicate' }));
    if (!r.ok) throw new Error();
    const row = (await env.repos.db.contacts.get(a))!;
    await env.repos.db.contacts.put({ ...row, mergedInto: b });
    expect((await env.timeline.timeline(b)).map((i) => i.id)).toEqual([r.value.id]);
    await env.timeline.removeInteraction(r.value.id);
    expect(await env.timeline.timeline(b)).toEqual([]);
    await env.timeline.restoreInteraction(r.value.id);
    expect(await env.timeline.timeline(b)).toHaveLength(1);
  });
});

describe('complaints', () => {
  it('open -> in progress -> resolved with resolution text and time to resolve; only unresolved are open', async () => {
    const c = await env.contact();
    const r = await env.timeline.addInteraction(
      note(c, { kind: 'complaint', at: '2026-11-22T03:00:00.000Z', text: 'Wrong size delivered' }),
    );
    if (!r.ok) throw new Error();
    expect(r.value.complaintStatus).toBe('open');
    expect((await env.timeline.openComplaints()).map((x) => x.contact.name)).toEqual([
      'Siti Rahayu',
    ]);

    await env.timeline.setComplaintStatus(r.value.id, { status: 'in_progress' });
    expect((await env.timeline.openComplaints(c))[0]!.note.complaintStatus).toBe('in_progress');

    const refused = await env.timeline.setComplaintStatus(r.value.id, {
      status: 'resolved',
      resolution: '',
    });
    expect(refused.ok).toBe(false);

    env.now = new Date('2026-11-23T05:30:00.000Z');
    const done = await env.timeline.setComplaintStatus(r.value.id, {
      status: 'resolved',
      resolution: 'Exchanged for size L',
    });
    expect(done.ok && done.value).toMatchObject({
      complaintStatus: 'resolved',
      resolution: 'Exchanged for size L',
      resolvedAt: '2026-11-23T05:30:00.000Z',
    });
    expect(await env.timeline.openComplaints()).toEqual([]);
  });
});

describe('a regular with 5,000 events: the timeline in pages', () => {
  it('the first page is the newest N in order and the next page continues it', async () => {
    const c = await env.contact();
    const dupe = await env.contact('Siti (duplicate)');
    const t0 = Date.parse('2020-01-01T00:00:00.000Z');
    const hour = 3_600_000;
    const sales: Sale[] = [];
    const ledger: LedgerEntry[] = [];
    for (let i = 0; i < 2500; i++) {
      const at = new Date(t0 + i * 7 * hour).toISOString();
      const stamp = `${String(t0 + i).padStart(15, '0')}-00000-dev1` as HlcStamp;
      // Every tenth sale was recorded on the duplicate merged into the customer below.
      const contactId = i % 10 === 0 ? dupe : c;
      const id = newId(Date.parse(at));
      sales.push({
        id,
        createdAt: at,
        updatedAt: stamp,
        contactId,
        kind: 'purchase',
        at,
        amount: 1,
      });
      const pointsAt = new Date(t0 + i * 7 * hour + 60_000).toISOString();
      ledger.push({
        id: newId(Date.parse(pointsAt)),
        createdAt: pointsAt,
        updatedAt: stamp,
        contactId,
        kind: 'earn',
        at: pointsAt,
        points: 1,
        saleId: id,
      });
    }
    await env.repos.db.sales.bulkAdd(sales);
    await env.repos.db.ledger.bulkAdd(ledger);
    await env.repos.contacts.merge(dupe, c);
    const all = await env.timeline.timeline(c);
    expect(all).toHaveLength(5000);

    const first = await env.timeline.timelinePage(c, [], 40);
    expect(first.more).toBe(true);
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 40).map((i) => i.id));
    const next = await env.timeline.timelinePage(c, [], 90);
    expect(next.items.map((i) => i.id)).toEqual(all.slice(0, 90).map((i) => i.id));
    const sales40 = await env.timeline.timelinePage(c, ['sale'], 40);
    expect(sales40.items.map((i) => i.id)).toEqual(
      all
        .filter((i) => i.type === 'sale')
        .slice(0, 40)
        .map((i) => i.id),
    );
    const whole = await env.timeline.timelinePage(c, [], 6000);
    expect(whole.more).toBe(false);
    expect(whole.items).toHaveLength(5000);
    // Seeding 5,000 rows into fake-indexeddb takes seconds on a loaded machine.
  }, 60_000);
});
