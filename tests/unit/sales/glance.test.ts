import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { openRepositories, type Repositories } from '../../../renderer/db';

let repos: Repositories;
let n = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-glance-${++n}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

async function contact(name: string) {
  const r = await repos.contacts.create({
    ...emptyContactInput(),
    name,
    phones: [{ label: 'mobile', raw: `0812${String(++n).padStart(8, '0')}` }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.id;
}

const DAY = 86_400_000;

describe('today at a glance', () => {
  it('counts the day’s sales, revenue, new members and points issued, not other days', async () => {
    const now = Date.now();
    const start = now - 60_000;
    const old = await contact('Lama');
    const fresh = await contact('Baru');
    await repos.loyalty.recordSale({
      contactId: old,
      amount: 300_000,
      at: new Date(now - 10 * DAY).toISOString(),
    });
    await repos.loyalty.recordSale({
      contactId: old,
      amount: 100_000,
      at: new Date(now).toISOString(),
    });
    await repos.loyalty.recordSale({
      contactId: fresh,
      amount: 250_000,
      at: new Date(now).toISOString(),
    });
    const day = await repos.glance.day(start, start + DAY);
    // 10 + 25 points; only "Baru" bought for the first time today.
    expect(day).toEqual({ sales: 2, revenue: 350_000, newMembers: 1, pointsIssued: 35 });
  });

  it('counts overdue follow-ups: open, time passed (snoozed ones wait)', async () => {
    const id = await contact('Rina');
    const now = new Date();
    const add = (dueAt: Date) =>
      repos.timeline.addFollowUp({
        contactId: id,
        title: 'Call',
        dueAt: dueAt.toISOString(),
        repeat: 'none',
      });
    await add(new Date(now.getTime() - 2 * DAY));
    await add(new Date(now.getTime() - DAY));
    await add(new Date(now.getTime() + DAY));
    expect(await repos.glance.overdueFollowUps(now)).toBe(2);
  });
});
