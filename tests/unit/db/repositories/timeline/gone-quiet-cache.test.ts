/**
 * The Today screen's "gone quiet" list read from the database: its answers pinned on a fixture,
 * and the kept projection (reused, extended with new sales, rebuilt after a tombstone or a
 * merge) always answering what a repository reading everything afresh answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { newId } from '../../../../../shared/ids';
import type { Sale } from '../../../../../shared/schemas';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import { createTimelineRepository } from '../../../../../renderer/db/repositories/timeline';
import { firstGoneQuiet } from '../../../../../bench/reference/gone-quiet-first';

const DAY = 86_400_000;
const NOW = new Date('2026-11-23T03:00:00.000Z');
let repos: Repositories;
let counter = 0;
let stampCounter = 0;

beforeEach(async () => {
  repos = await openRepositories(`test-gone-quiet-${++counter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

const timelineAt = (now: Date) => createTimelineRepository(repos.db, repos.clock, () => now);

async function contact(name: string) {
  const r = await repos.contacts.create({ ...emptyContactInput(), name });
  if (!r.ok) throw new Error('contact');
  return r.value.id;
}

/** A sale row as a device writes it, `daysAgo` days before NOW; stamps increase. */
async function sale(contactId: string, daysAgo: number, kind: Sale['kind'] = 'purchase') {
  const at = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  const id = newId(Date.parse(at));
  stampCounter += 1;
  const row = {
    id,
    createdAt: at,
    updatedAt: `${String(NOW.getTime() + stampCounter).padStart(15, '0')}-00000-${repos.clock.deviceId}`,
    contactId,
    kind,
    at,
    amount: 100_000,
    ...(kind === 'refund' ? { reversesId: id } : {}),
  } as Sale;
  await repos.db.sales.add(row);
  return row;
}

/**
 * The answer as the first implementation computed it (one cursor over the sales, each contact
 * resolved through its merges): the kept projection must never change it.
 */
async function reference(now: Date) {
  const out = await firstGoneQuiet(repos.db, now);
  return out
    .sort(
      (a, b) =>
        b.verdict.daysSince / b.verdict.thresholdDays -
        a.verdict.daysSince / a.verdict.thresholdDays,
    )
    .map((q) => [
      q.name,
      q.verdict.daysSince,
      q.verdict.usualIntervalDays,
      q.verdict.thresholdDays,
    ]);
}

/** The list as names and verdicts (the screen reads the names of the rows it shows). */
const view = async (list: Awaited<ReturnType<ReturnType<typeof timelineAt>['goneQuiet']>>) => {
  const rows = await repos.db.contacts.bulkGet(list.map((q) => q.contactId));
  return list.map((q, i) => [
    rows[i]!.name,
    q.verdict.daysSince,
    q.verdict.usualIntervalDays,
    q.verdict.thresholdDays,
  ]);
};

/** The fixture: rhythms, a refund, a tombstoned sale, a merged duplicate, a deleted contact. */
async function fixture() {
  const weekly = await contact('Weekly Wati');
  for (const d of [61, 54, 47, 40]) await sale(weekly, d);
  const monthly = await contact('Monthly Made');
  for (const d of [150, 120, 90]) await sale(monthly, d);
  const monthlyOk = await contact('Monthly Mira');
  for (const d of [100, 70, 40]) await sale(monthlyOk, d);
  const once = await contact('Once Oka');
  await sale(once, 75);
  const recent = await contact('Recent Rina');
  await sale(recent, 5);
  const refunded = await contact('Refund Rudi');
  await sale(refunded, 80);
  await sale(refunded, 10, 'refund'); // a refund is no visit
  const tomb = await contact('Tombstone Tono');
  await sale(tomb, 90);
  const undone = await sale(tomb, 3);
  await repos.db.sales.put({ ...undone, deletedAt: undone.updatedAt });
  const dup = await contact('Monthly Mira (old)');
  await sale(dup, 130); // merged into Mira: widens her days, her last visit stays 40 days ago
  await repos.db.contacts.put({ ...(await repos.db.contacts.get(dup))!, mergedInto: monthlyOk });
  const gone = await contact('Deleted Dedi');
  await sale(gone, 200);
  await repos.contacts.remove(gone);
  await contact('Never Bought');
  return { weekly, monthly, monthlyOk, once, recent, tomb };
}

describe('gone quiet from the database', () => {
  it('answers the fixture as pinned', async () => {
    await fixture();
    const answer = await view(await timelineAt(NOW).goneQuiet());
    expect(answer).toEqual([
      ['Weekly Wati', 40, 7, 21],
      ['Monthly Made', 90, 30, 60],
      ['Tombstone Tono', 90, null, 60],
      ['Refund Rudi', 80, null, 60],
      ['Once Oka', 75, null, 60],
    ]);
    expect(answer).toEqual(await reference(NOW));
  });

  it('the kept projection answers like a fresh read after new sales, tombstones and merges', async () => {
    const ids = await fixture();
    let current = NOW;
    const kept = createTimelineRepository(repos.db, repos.clock, () => current);
    const fresh = async () => {
      const answer = await view(await timelineAt(current).goneQuiet());
      expect(answer).toEqual(await reference(current));
      return answer;
    };
    expect(await view(await kept.goneQuiet())).toEqual(await fresh());
    // New sales only: the projection is extended in place.
    await sale(ids.weekly, 1);
    await sale(ids.once, 2);
    expect(await view(await kept.goneQuiet())).toEqual(await fresh());
    expect((await view(await kept.goneQuiet())).map((r) => r[0])).not.toContain('Weekly Wati');
    // A sale turned into a tombstone: read again.
    const late = await sale(ids.monthly, 1);
    expect((await view(await kept.goneQuiet())).map((r) => r[0])).not.toContain('Monthly Made');
    // A tombstone carries a new stamp (shared/records tombstone), as every delete does.
    const stamp = `${String(NOW.getTime() + ++stampCounter).padStart(15, '0')}-00000-${repos.clock.deviceId}`;
    await repos.db.sales.put({ ...late, deletedAt: stamp, updatedAt: stamp } as Sale);
    const afterTomb = await view(await kept.goneQuiet());
    expect(afterTomb).toEqual(await fresh());
    expect(afterTomb.map((r) => r[0])).toContain('Monthly Made');
    // A merge (a contacts change only): the survivor takes the duplicate's visits. A rename is
    // seen too.
    await repos.contacts.update(ids.monthly, { ...emptyContactInput(), name: 'Made Monthly' });
    await repos.contacts.merge(ids.tomb, ids.recent);
    const afterMerge = await view(await kept.goneQuiet());
    expect(afterMerge).toEqual(await fresh());
    expect(afterMerge.map((r) => r[0])).not.toContain('Tombstone Tono');
    // Another day: the same projection, judged at the new moment.
    current = new Date(NOW.getTime() + 30 * DAY);
    const nextMonth = await view(await kept.goneQuiet());
    expect(nextMonth).toEqual(await fresh());
    expect(nextMonth).not.toEqual(afterMerge);
  });

  it('customers equally overdue come in id order, whatever order their sales were written in', async () => {
    const first = await contact('Ani');
    const second = await contact('Bayu');
    // Bayu's sale is written first (the lower sale id), both on the same day.
    await sale(second, 90);
    await sale(first, 90);
    const names = (await view(await timelineAt(NOW).goneQuiet())).map((r) => r[0]);
    expect(names).toEqual(first < second ? ['Ani', 'Bayu'] : ['Bayu', 'Ani']);
  });
});
