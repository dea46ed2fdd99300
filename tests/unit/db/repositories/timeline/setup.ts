/**
 * The database the timeline repository tests share: a fresh one per test, the same repository
 * the app uses with a fake "now" (`env.now`, which a test may move), and fixture helpers.
 */
import { afterEach, beforeEach } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { newId } from '../../../../../shared/ids';
import type { Sale } from '../../../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import {
  createTimelineRepository,
  type TimelineRepository,
} from '../../../../../renderer/db/repositories/timeline';

export const START = '2026-11-23T03:00:00.000Z';

export interface TimelineTestEnv {
  repos: Repositories;
  timeline: TimelineRepository;
  now: Date;
  contact(name?: string, birthday?: string): Promise<string>;
  sale(contactId: string, at: string, kind?: Sale['kind'], amount?: number): Promise<Sale>;
}

let counter = 0;

/** Registers the per-test database; read the fields inside tests (they change per test). */
export function useTimelineDb(): TimelineTestEnv {
  const env = {
    now: new Date(START),
    async contact(name = 'Siti Rahayu', birthday = '') {
      const r = await env.repos.contacts.create({ ...emptyContactInput(), name, birthday });
      if (!r.ok) throw new Error('contact');
      return r.value.id;
    },
    async sale(contactId: string, at: string, kind: Sale['kind'] = 'purchase', amount = 150_000) {
      const id = newId(Date.parse(at));
      const row = {
        id,
        createdAt: at,
        updatedAt: `${String(Date.parse(at)).padStart(15, '0')}-00000-${env.repos.clock.deviceId}`,
        contactId,
        kind,
        at,
        amount,
        ...(kind === 'refund' ? { reversesId: id } : {}),
      } as Sale;
      await env.repos.db.sales.add(row);
      return row;
    },
  } as TimelineTestEnv;
  beforeEach(async () => {
    env.repos = await openRepositories(`test-timeline-${++counter}-${Date.now()}`);
    env.now = new Date(START);
    env.timeline = createTimelineRepository(env.repos.db, env.repos.clock, () => env.now);
  });
  afterEach(async () => {
    env.repos.db.close();
    await env.repos.db.delete();
  });
  return env;
}

/** An interaction as the form gives it. */
export const note = (contactId: string, over: Record<string, unknown> = {}) => ({
  contactId,
  kind: 'note' as const,
  at: '2026-11-20T10:00:00+07:00',
  text: 'Asked about the new batik',
  ...over,
});
