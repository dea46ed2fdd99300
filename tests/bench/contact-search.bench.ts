/**
 * Contact search as the list does it per keystroke (the in-memory index, then the first
 * screen's rows by id) vs a naive scan of every contact, side by side in one run. Node +
 * fake-indexeddb (relative numbers only); the Chromium benchmark at 100,000 contacts is
 * bench/scenarios/contacts.ts. BENCH_SCALE sets the book size (CI runs it small).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { openRepositories, type Repositories } from '../../renderer/db';
import { generateDemoBook } from '../../shared/demo/generate';
import { foldText } from '../../shared/text';

const SIZE = Number(process.env.BENCH_SCALE ?? 5000);
let repos: Repositories;
const QUERIES = ['siti ra', 'wayan', '0812 34', 'kus'];

beforeAll(async () => {
  repos = await openRepositories(`bench-${Date.now()}`);
  // Realistic Indonesian names and phones in mixed formats (shared/demo), loaded in bulk.
  await repos.demo.load(generateDemoBook({ contacts: SIZE, sales: 0, now: Date.now(), seed: 1 }));
  await repos.contacts.searchIndex(); // built once, as the app does on first use
});

afterAll(async () => {
  repos.db.close();
  await repos.db.delete();
});

describe(`search at ${SIZE} contacts`, () => {
  bench('list search per keystroke (index + first screen)', async () => {
    for (const q of QUERIES) {
      const { hits } = await repos.contacts.listIds(q);
      await repos.contacts.rowsByIds(hits.slice(0, 30));
    }
  });

  bench('naive scan of all contacts', async () => {
    for (const q of QUERIES) {
      const f = foldText(q);
      const all = await repos.db.contacts.toArray();
      all.filter((c) => foldText(c.name).includes(f) || c.phones.some((p) => p.raw.includes(q)));
    }
  });
});
