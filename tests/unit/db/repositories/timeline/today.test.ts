/** The Today lists (renderer/db/repositories/timeline/today.ts). */
import { describe, expect, it } from 'vitest';
import { useTimelineDb } from './setup';

const env = useTimelineDb();

describe('Today', () => {
  it('gone quiet uses each customer’s own rhythm and counts a merged duplicate’s purchases', async () => {
    const weekly = await env.contact('Weekly Wati');
    const fresh = await env.contact('Fresh Fajar');
    const dup = await env.contact('Weekly Wati (old)');
    await env.contact('Never Bought');
    // Weekly Wati bought every 7 days, last one 40 days ago -> quiet.
    for (const d of [61, 54, 47])
      await env.sale(weekly, new Date(env.now.getTime() - d * 86_400_000).toISOString());
    await env.sale(dup, new Date(env.now.getTime() - 40 * 86_400_000).toISOString());
    await env.sale(dup, new Date(env.now.getTime() - 30 * 86_400_000).toISOString(), 'refund');
    const dupRow = (await env.repos.db.contacts.get(dup))!;
    await env.repos.db.contacts.put({ ...dupRow, mergedInto: weekly });
    // Fresh Fajar bought once, 10 days ago -> not quiet (fallback 60 days).
    await env.sale(fresh, new Date(env.now.getTime() - 10 * 86_400_000).toISOString());

    const quiet = await env.timeline.goneQuiet();
    const names = await env.timeline.contactSummaries(quiet.map((q) => q.contactId));
    expect(
      quiet.map((q, i) => [names[i]?.name, q.verdict.daysSince, q.verdict.usualIntervalDays]),
    ).toEqual([['Weekly Wati', 40, 7]]);
  });

  it('birthdays in the next 7 days come from live contacts', async () => {
    await env.contact('Ulang Tahun', '1990-11-25');
    await env.contact('Bulan Depan', '1990-12-25');
    expect((await env.timeline.upcomingBirthdays()).map((b) => [b.contact.name, b.inDays])).toEqual(
      [['Ulang Tahun', 2]],
    );
  });
});

describe('Today without the search index', () => {
  it('knows whether the book has anyone: deleted and merged contacts do not count', async () => {
    expect(await env.timeline.hasLiveContact()).toBe(false);
    const gone = await env.contact('Sudah Pergi');
    await env.repos.contacts.remove(gone);
    expect(await env.timeline.hasLiveContact()).toBe(false);
    await env.contact('Masih Ada');
    expect(await env.timeline.hasLiveContact()).toBe(true);
  });

  it('reads many rows’ contacts at once, a merged duplicate as its survivor, in the order asked', async () => {
    const siti = await env.contact('Siti');
    const budi = await env.contact('Budi');
    const dup = await env.contact('Siti (lama)');
    const dupRow = (await env.repos.db.contacts.get(dup))!;
    await env.repos.db.contacts.put({ ...dupRow, mergedInto: siti });
    const rows = await env.timeline.contactSummaries([budi, 'nobody', dup, siti]);
    expect(rows.map((r) => r?.name)).toEqual(['Budi', undefined, 'Siti', 'Siti']);
  });
});
