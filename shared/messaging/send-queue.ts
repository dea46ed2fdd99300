/**
 * A send queue: one template sent to a group on WhatsApp, person by person, with click-to-chat
 * (wa.me). Pure: who can be messaged, the order, the progress and each step; the repository
 * (renderer/db/repositories/messaging.ts) keeps the queue on this device and logs each send.
 *
 * Who is left out, with the reason shown to the user:
 * - marketing consent declined, or never recorded (UU PDP: promotional messages need consent);
 * - no number WhatsApp can open (none, or an Indonesian landline: mobiles there are +628...);
 * - erased, deleted or merged away (a merged duplicate counts as the contact it went into).
 */
import { z } from 'zod';
import type { PhoneEntry } from '../schemas/contact';

export const SKIP_REASONS = ['no-consent', 'consent-unknown', 'no-whatsapp', 'erased'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface QueueCandidate {
  id: string;
  name: string;
  phones: readonly PhoneEntry[];
  marketingConsent?: boolean;
  /** Erased (UU PDP) or deleted: never messaged. */
  erased?: boolean;
}

const LABEL_RANK: Record<PhoneEntry['label'], number> = {
  whatsapp: 0,
  mobile: 1,
  other: 2,
  work: 3,
  home: 4,
};

/** Whether WhatsApp can open a chat on this number: Indonesian numbers must be mobiles. */
export function isWhatsAppable(e164: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return false;
  return e164.startsWith('+62') ? e164.startsWith('+628') : true;
}

/**
 * The numbers a message can go to, best first: only those WhatsApp can open (an Indonesian
 * landline never is), one labelled WhatsApp first, then mobile, then the others.
 */
export function whatsAppPhones<P extends PhoneEntry>(phones: readonly P[]): P[] {
  return phones
    .filter((p) => isWhatsAppable(p.e164))
    .sort((a, b) => LABEL_RANK[a.label] - LABEL_RANK[b.label]);
}

/** The number to message: the first of `whatsAppPhones`. */
export function whatsAppNumber(phones: readonly PhoneEntry[]): string | undefined {
  return whatsAppPhones(phones)[0]?.e164;
}

export const queueItemSchema = z.object({
  contactId: z.string().min(1).max(64),
  name: z.string().max(200),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  status: z.enum(['pending', 'sent', 'passed']),
  sentAt: z.string().max(40).optional(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const skippedSchema = z.object({
  contactId: z.string().min(1).max(64),
  name: z.string().max(200),
  reason: z.enum(SKIP_REASONS),
});
export type SkippedPerson = z.infer<typeof skippedSchema>;

export const sendQueueSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1).max(64),
  createdAt: z.string().max(40),
  templateId: z.string().min(1).max(64),
  lang: z.enum(['en', 'id']),
  /** Where the list came from, in the user's words ("Birthdays this week"). */
  source: z.string().max(200),
  items: z.array(queueItemSchema).max(100_000),
  skipped: z.array(skippedSchema).max(100_000),
  /** The person shown now; items.length when the queue is done. */
  position: z.number().int().min(0),
});
export type SendQueue = z.infer<typeof sendQueueSchema>;

export interface QueuePlan {
  items: QueueItem[];
  skipped: SkippedPerson[];
}

/**
 * Who will be messaged, in the order given, and who is left out and why. A person listed twice
 * is messaged once; two people sharing one number both get their own message.
 */
export function planQueue(candidates: readonly QueueCandidate[]): QueuePlan {
  const items: QueueItem[] = [];
  const skipped: SkippedPerson[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const base = { contactId: c.id, name: c.name };
    const phone = whatsAppNumber(c.phones);
    if (c.erased) skipped.push({ ...base, reason: 'erased' });
    else if (c.marketingConsent === false) skipped.push({ ...base, reason: 'no-consent' });
    else if (c.marketingConsent !== true) skipped.push({ ...base, reason: 'consent-unknown' });
    else if (!phone) skipped.push({ ...base, reason: 'no-whatsapp' });
    else items.push({ ...base, phone, status: 'pending' });
  }
  return { items, skipped };
}

export function currentItem(q: SendQueue): QueueItem | undefined {
  return q.items[q.position];
}

export function queueProgress(q: SendQueue): { sent: number; total: number; done: boolean } {
  return {
    sent: q.items.filter((i) => i.status === 'sent').length,
    total: q.items.length,
    done: q.position >= q.items.length,
  };
}

/**
 * The person shown now was sent the message (at `at`, ISO); the queue stays on them. Anyone else,
 * or a second send, returns the same queue (a stale window or a double click logs nothing).
 */
export function markSent(q: SendQueue, contactId: string, at: string): SendQueue {
  const item = currentItem(q);
  if (!item || item.contactId !== contactId || item.status === 'sent') return q;
  const items = q.items.slice();
  items[q.position] = { ...item, status: 'sent', sentAt: at };
  return { ...q, items };
}

/** Move to the next person; one not sent to is marked passed over. */
export function nextItem(q: SendQueue): SendQueue {
  const item = currentItem(q);
  if (!item) return q;
  const items = q.items.slice();
  if (item.status === 'pending') items[q.position] = { ...item, status: 'passed' };
  return { ...q, items, position: q.position + 1 };
}
