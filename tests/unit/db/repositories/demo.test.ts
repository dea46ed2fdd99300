/** The demo book (Settings, and the benchmark's seed) lands with correct kept figures. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../../renderer/db';
import { repairFigures } from '../../../../renderer/db/derived/rebuild';
import { demoBookChunks } from '../../../../shared/demo/generate';

let repos: Repositories;
let n = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-demo-${++n}-${Math.random()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('demo book load', () => {
  it('keeps every customer figure equal to a rebuild from the events, chunk after chunk', async () => {
    const now = Date.parse('2026-11-23T10:00:00+07:00');
    for (const chunk of demoBookChunks(
      { contacts: 60, sales: 600, now, seed: 7, points: true },
      25,
    ))
      await repos.demo.load(chunk);
    const kept = byId(await repos.db.customerFigures.toArray());
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.some((f) => f.purchases > 0 && f.ledgerEntries > 0)).toBe(true);
    await repairFigures(repos.db);
    expect(byId(await repos.db.customerFigures.toArray())).toEqual(kept);
  });
});
