/**
 * Contact search through the repository's indexes vs a naive scan of every contact, side by
 * side in one run. Node + fake-indexeddb for now; the Chromium/IndexedDB benchmark at 100,000
 * contacts is the scale issue's. BENCH_SCALE sets the book size (CI runs it small).
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
});

afterAll(async () => {
  repos.db.close();
  await repos.db.delete();
});

describe(`search at ${SIZE} contacts`, () => {
  bench('indexed search (repository)', async () => {
    for (const q of QUERIES) await repos.contacts.search(q);
  });

  bench('naive scan of all contacts', async () => {
    for (const q of QUERIES) {
      const f = foldText(q);
      const all = await repos.db.contacts.toArray();
      all.filter((c) => foldText(c.name).includes(f) || c.phones.some((p) => p.raw.includes(q)));
    }
  });
});
