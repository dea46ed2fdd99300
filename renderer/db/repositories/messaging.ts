/**
 * The send queue (shared/messaging/send-queue.ts) kept on this device in `meta`: it is this
 * device's work in progress, not shop data, so it is never synced or backed up. Starting a
 * queue replaces the previous one. Each send is logged on the customer's timeline (a WhatsApp
 * note) in the same transaction that moves the queue on, so a send is never logged twice or lost.
 */
import { newId } from '../../../shared/ids';
import {
  markSent,
  nextItem,
  planQueue,
  sendQueueSchema,
  type QueueCandidate,
  type QueuePlan,
  type SendQueue,
} from '../../../shared/messaging/send-queue';
import { isErased } from '../../../shared/privacy/erase';
import type { KenalDb } from '../database';
import { survivorIdOf } from '../identity';
import type { TimelineRepository } from './timeline';

export const SEND_QUEUE_KEY = 'messaging.sendQueue';

export interface StartQueueInput {
  contactIds: readonly string[];
  templateId: string;
  lang: 'en' | 'id';
  source: string;
}

export function createMessagingRepository(
  db: KenalDb,
  timeline: TimelineRepository,
  now: () => Date = () => new Date(),
) {
  /** The people behind the ids, in order: a merged duplicate stands for its survivor. */
  async function candidates(ids: readonly string[]): Promise<QueueCandidate[]> {
    return db.transaction('r', db.contacts, async () => {
      const out: QueueCandidate[] = [];
      for (const id of ids) {
        const row = await db.contacts.get(await survivorIdOf(db, id));
        // A survivor still merged is an unrepaired merge cycle: nobody to message.
        if (!row || row.mergedInto !== undefined) continue;
        out.push({
          id: row.id,
          name: row.name,
          phones: row.phones,
          marketingConsent: row.marketingConsent,
          erased: isErased(row) || row.deletedAt !== undefined,
        });
      }
      return out;
    });
  }

  async function read(): Promise<SendQueue | null> {
    const row = await db.meta.get(SEND_QUEUE_KEY);
    if (!row) return null;
    try {
      const parsed = sendQueueSchema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  const write = (q: SendQueue) => db.meta.put({ key: SEND_QUEUE_KEY, value: JSON.stringify(q) });

  return {
    /** The queue on this device, or null (none, or one this version cannot read). */
    current: read,

    /** Who would be messaged and who is left out, before anything is started. */
    async plan(contactIds: readonly string[]): Promise<QueuePlan> {
      return planQueue(await candidates(contactIds));
    },

    async start(input: StartQueueInput): Promise<SendQueue> {
      const plan = planQueue(await candidates(input.contactIds));
      const at = now();
      const queue: SendQueue = {
        version: 1,
        id: newId(at.getTime()),
        createdAt: at.toISOString(),
        templateId: input.templateId,
        lang: input.lang,
        source: input.source.slice(0, 200),
        items: plan.items,
        skipped: plan.skipped,
        position: 0,
      };
      await db.transaction('rw', db.meta, () => write(queue));
      return queue;
    },

    /**
     * The person shown now was sent `text`: log it on their timeline and mark them sent, in
     * one transaction. Returns false when the queue moved on meanwhile (another window).
     */
    async markSent(queueId: string, contactId: string, text: string): Promise<boolean> {
      return db.transaction('rw', db.notes, db.meta, db.contacts, async () => {
        const q = await read();
        if (!q || q.id !== queueId) return false;
        const next = markSent(q, contactId, now().toISOString());
        if (next === q) return false;
        const logged = await timeline.logWhatsApp(contactId, text);
        if (!logged.ok) throw new Error('the WhatsApp message could not be logged');
        await write(next);
        return true;
      });
    },

    /** Move to the next person (one not sent to is passed over). */
    async next(queueId: string): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        const q = await read();
        if (q && q.id === queueId) await write(nextItem(q));
      });
    },

    /** Forget the queue (what was sent stays on the timelines). */
    async discard(): Promise<void> {
      await db.transaction('rw', db.meta, () => db.meta.delete(SEND_QUEUE_KEY));
    },
  };
}

export type MessagingRepository = ReturnType<typeof createMessagingRepository>;
