/**
 * The contact page reads its timeline through a live query of `timelinePage`: every write that
 * changes the page (a follow-up done, a note, a sale) must re-run it without a reload.
 */
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { openRepositories, type Repositories } from '../../../../../renderer/db';

let repos: Repositories;
beforeEach(async () => {
  repos = await openRepositories(`test-page-live-${Date.now()}-${Math.random()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

/** Subscribe to a live query; `next(pred)` resolves with the first value that passes `pred`. */
function watch<T>(query: () => Promise<T>) {
  let last: T | undefined;
  const waiters: { pred: (v: T) => boolean; resolve: (v: T) => void }[] = [];
  const sub = liveQuery(query).subscribe({
    next: (v) => {
      last = v;
      for (const w of waiters.splice(0)) {
        if (w.pred(v)) w.resolve(v);
        else waiters.push(w);
      }
    },
  });
  return {
    next: (pred: (v: T) => boolean) =>
      new Promise<T>((resolve, reject) => {
        if (last !== undefined && pred(last)) return resolve(last);
        waiters.push({ pred, resolve });
        setTimeout(
          () => reject(new Error(`live query did not update: ${JSON.stringify(last)}`)),
          2000,
        );
      }),
    stop: () => sub.unsubscribe(),
  };
}

describe('timelinePage as a live query', () => {
  it('shows a follow-up once it is marked done, and a note once it is added', async () => {
    const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Rina Wati' });
    if (!c.ok) throw new Error('contact');
    const id = c.value.id;
    const f = await repos.timeline.addFollowUp({
      contactId: id,
      title: 'Send the price list',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    if (!f.ok) throw new Error('follow-up');
    const w = watch(() => repos.timeline.timelinePage(id, [], 50));
    await w.next((p) => p.items.length === 0);
    await repos.timeline.completeFollowUp(f.value.id);
    const done = await w.next((p) => p.items.length === 1);
    expect(done.items[0]?.type).toBe('followup');
    await repos.timeline.addInteraction({
      contactId: id,
      kind: 'note',
      at: new Date().toISOString(),
      text: 'Asked for the catalogue',
    });
    const both = await w.next((p) => p.items.length === 2);
    expect(both.items.map((i) => i.type).sort()).toEqual(['followup', 'note']);
    w.stop();
  });
});
