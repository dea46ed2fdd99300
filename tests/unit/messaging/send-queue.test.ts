import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput, type ContactInput } from '../../../shared/contact-input';
import {
  currentItem,
  isWhatsAppable,
  markSent,
  nextItem,
  planQueue,
  queueProgress,
  sendQueueSchema,
  whatsAppNumber,
  whatsAppPhones,
  type QueueCandidate,
  type SendQueue,
} from '../../../shared/messaging/send-queue';
import type { PhoneEntry } from '../../../shared/schemas/contact';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { SEND_QUEUE_KEY } from '../../../renderer/db/repositories/messaging';

const mobile = (e164: string, label: PhoneEntry['label'] = 'mobile'): PhoneEntry => ({
  label,
  raw: e164,
  e164,
});

describe('the numbers a WhatsApp message can go to', () => {
  it('are only the WhatsApp-able ones (never a landline), labelled WhatsApp first, then mobile', () => {
    const phones = [
      mobile('+62215551234', 'whatsapp'), // a Jakarta landline, mislabelled: WhatsApp cannot open it
      mobile('+62225559876', 'home'),
      mobile('+6281300000001', 'work'),
      mobile('+6281300000002', 'mobile'),
      mobile('+6281300000003', 'whatsapp'),
      mobile('+6591234567', 'other'),
    ];
    expect(whatsAppPhones(phones).map((p) => p.e164)).toEqual([
      '+6281300000003',
      '+6281300000002',
      '+6591234567',
      '+6281300000001',
    ]);
    expect(whatsAppNumber(phones)).toBe('+6281300000003');
    expect(whatsAppPhones([mobile('+62215551234', 'whatsapp')])).toEqual([]);
    expect(whatsAppNumber([mobile('+62215551234', 'whatsapp')])).toBeUndefined();
  });
});

describe('planning a send queue', () => {
  it('leaves out, with the reason, people without consent or a WhatsApp number and the erased', () => {
    const plan = planQueue([
      { id: 'a', name: 'Ani', phones: [mobile('+6281234567890')], marketingConsent: true },
      { id: 'b', name: 'Budi', phones: [mobile('+6281234567891')], marketingConsent: false },
      { id: 'c', name: 'Citra', phones: [mobile('+6281234567892')] },
      // A Jakarta landline cannot take WhatsApp; no number at all either.
      { id: 'd', name: 'Dodi', phones: [mobile('+62215551234', 'home')], marketingConsent: true },
      { id: 'e', name: 'Eka', phones: [], marketingConsent: true },
      {
        id: 'f',
        name: 'Fajar',
        phones: [mobile('+6281234567893')],
        marketingConsent: true,
        erased: true,
      },
      // Listed twice: messaged once.
      { id: 'a', name: 'Ani', phones: [mobile('+6281234567890')], marketingConsent: true },
    ]);
    expect(plan.items.map((i) => [i.contactId, i.phone])).toEqual([['a', '+6281234567890']]);
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ['Budi', 'no-consent'],
      ['Citra', 'consent-unknown'],
      ['Dodi', 'no-whatsapp'],
      ['Eka', 'no-whatsapp'],
      ['Fajar', 'erased'],
    ]);
  });

  it('messages the WhatsApp-labelled number first, else a mobile', () => {
    const plan = planQueue([
      {
        id: 'a',
        name: 'Ani',
        marketingConsent: true,
        phones: [
          mobile('+62215551234', 'work'),
          mobile('+6281111111111'),
          mobile('+6282222222222', 'whatsapp'),
        ],
      },
    ]);
    expect(plan.items[0]!.phone).toBe('+6282222222222');
    expect(isWhatsAppable('+6591234567')).toBe(true);
    expect(isWhatsAppable('+62215551234')).toBe(false);
  });

  it('property: everyone listed is either queued or skipped, once, in the order given', () => {
    const candidate = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      name: fc.string({ maxLength: 10 }),
      phones: fc.array(
        fc.record({
          label: fc.constantFrom('mobile', 'whatsapp', 'home', 'work', 'other') as fc.Arbitrary<
            PhoneEntry['label']
          >,
          raw: fc.constant('x'),
          e164: fc.constantFrom('+6281234567890', '+62215551234', '+6591234567'),
        }),
        { maxLength: 3 },
      ),
      marketingConsent: fc.option(fc.boolean(), { nil: undefined }),
      erased: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 20 }), (list: QueueCandidate[]) => {
        const plan = planQueue(list);
        const firstIds = [...new Set(list.map((c) => c.id))];
        const planned = [
          ...plan.items.map((i) => i.contactId),
          ...plan.skipped.map((s) => s.contactId),
        ];
        expect(planned.sort()).toEqual([...firstIds].sort());
        for (const item of plan.items) {
          const c = list.find((x) => x.id === item.contactId)!;
          expect(c.marketingConsent).toBe(true);
          expect(c.erased).toBe(false);
          expect(isWhatsAppable(item.phone)).toBe(true);
        }
      }),
    );
  });
});

describe('moving through a queue', () => {
  const queue = (): SendQueue => ({
    version: 1,
    id: 'q',
    createdAt: '2026-11-23T03:00:00.000Z',
    templateId: 't',
    lang: 'id',
    source: 'Today',
    skipped: [],
    position: 0,
    items: ['a', 'b', 'c'].map((id) => ({
      contactId: id,
      name: id,
      phone: '+6281234567890',
      status: 'pending' as const,
    })),
  });

  it('counts sends, passes over the ones moved past, and ends', () => {
    let q = queue();
    q = markSent(q, 'a', '2026-11-23T03:01:00.000Z');
    expect(queueProgress(q)).toEqual({ sent: 1, total: 3, done: false });
    // Sending the wrong person (a stale window) changes nothing.
    expect(markSent(q, 'c', 'x')).toBe(q);
    q = nextItem(q);
    expect(currentItem(q)!.contactId).toBe('b');
    q = nextItem(q);
    q = markSent(q, 'c', '2026-11-23T03:02:00.000Z');
    q = nextItem(q);
    expect(q.items.map((i) => i.status)).toEqual(['sent', 'passed', 'sent']);
    expect(queueProgress(q)).toEqual({ sent: 2, total: 3, done: true });
    expect(nextItem(q)).toBe(q);
    expect(sendQueueSchema.safeParse(q).success).toBe(true);
  });
});

describe('the send queue on this device', () => {
  let repos: Repositories;
  let counter = 0;
  beforeEach(async () => {
    repos = await openRepositories(`test-queue-${++counter}-${Date.now()}`);
  });
  afterEach(async () => {
    repos.db.close();
    await repos.db.delete();
  });

  async function person(name: string, phone: string, extra: Partial<ContactInput> = {}) {
    const r = await repos.contacts.create({
      ...emptyContactInput(),
      name,
      phones: [{ label: 'mobile', raw: phone }],
      ...extra,
    });
    if (!r.ok) throw new Error('contact');
    return r.value.id;
  }

  it('is kept across a reopen, logs each send on the timeline and skips who may not be messaged', async () => {
    const a = await person('Ani', '0812-1111-1111', { marketingConsent: true });
    const b = await person('Budi', '0812-2222-2222', { marketingConsent: true });
    const c = await person('Citra', '0812-3333-3333', { marketingConsent: false });
    const q = await repos.messaging.start({
      contactIds: [a, b, c],
      templateId: 'tpl',
      lang: 'id',
      source: 'Today',
    });
    expect(q.items.map((i) => i.name)).toEqual(['Ani', 'Budi']);
    expect(q.skipped).toEqual([{ contactId: c, name: 'Citra', reason: 'no-consent' }]);

    expect(await repos.messaging.markSent(q.id, a, 'Halo Ani')).toBe(true);
    // Twice (a double click) logs once.
    expect(await repos.messaging.markSent(q.id, a, 'Halo Ani')).toBe(false);
    await repos.messaging.next(q.id);

    // Left and opened again: the same place.
    const name = repos.db.name;
    repos.db.close();
    repos = await openRepositories(name);
    const resumed = (await repos.messaging.current())!;
    expect(resumed.position).toBe(1);
    expect(queueProgress(resumed)).toEqual({ sent: 1, total: 2, done: false });

    const entries = await repos.timeline.timeline(a);
    const notes = entries.filter((e) => e.type === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.type === 'note' && notes[0]!.note.kind).toBe('whatsapp');
    expect(notes[0]!.type === 'note' && notes[0]!.note.text).toBe('Halo Ani');
  });

  it('a stored queue that does not validate reads as none', async () => {
    await repos.db.meta.put({ key: SEND_QUEUE_KEY, value: '{"version":1,"items":"nope"}' });
    expect(await repos.messaging.current()).toBeNull();
    await repos.db.meta.put({ key: SEND_QUEUE_KEY, value: '{not json' });
    expect(await repos.messaging.current()).toBeNull();
  });
});
