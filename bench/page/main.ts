/**
 * The benchmark page: seeds the app's own database with the demo generator at the run's scale,
 * then runs the scenarios in bench/scenarios/*.ts on demand. scripts/bench.mjs drives it through
 * `window.kenalBench`; the app is served from the same origin, so it opens the seeded book.
 */
import { openRepositories, type Repositories } from '../../renderer/db';
import { DEFAULT_DB_NAME } from '../../renderer/db/database';
import { ensureFigures } from '../../renderer/db/derived/rebuild';
import { demoBookChunks, heavyCustomerBook } from '../../shared/demo/generate';
import type { BenchScale, Measurement, Scenario } from '../scenarios/types';

const modules = import.meta.glob<Record<string, unknown>>('../scenarios/*.ts', { eager: true });

const isScenario = (x: unknown): x is Scenario =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Scenario).id === 'string' &&
  typeof (x as Scenario).run === 'function';

/** Every exported `Scenario[]` of every scenario module, in file then export order. */
const scenarios: Scenario[] = Object.keys(modules)
  .sort()
  .flatMap((file) =>
    Object.values(modules[file]!).flatMap((v) => (Array.isArray(v) ? v.filter(isScenario) : [])),
  );

const log = (message: string) => console.log(`[bench] ${message}`);

let seeded: Repositories | undefined;

async function deleteDb(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`cannot delete ${name}`));
    req.onblocked = () => resolve();
  });
}

export interface SeedResult {
  ms: number;
  counts: Record<string, number>;
  /** The customer with `scale.heavySales` purchases (the contact-heavy screen, sale-save). */
  heavyContactId: string;
}

const api = {
  scenarioIds: (): string[] => scenarios.map((s) => s.id),

  /** A fresh copy of the app's database holding the demo book at this scale, chunk by chunk. */
  async seed(scale: BenchScale, now: number): Promise<SeedResult> {
    const t0 = performance.now();
    seeded?.db.close();
    await deleteDb(DEFAULT_DB_NAME);
    const repos = await openRepositories(DEFAULT_DB_NAME);
    let contacts = 0;
    for (const chunk of demoBookChunks(
      { contacts: scale.contacts, sales: scale.sales, now, seed: 1, points: true },
      5000,
    )) {
      await repos.demo.load(chunk);
      contacts += chunk.contacts.length;
      log(
        `seeded ${contacts.toLocaleString('en')} / ${scale.contacts.toLocaleString('en')} contacts`,
      );
    }
    const heavySales = scale.heavySales ?? 5000;
    const heavy = heavyCustomerBook({ sales: heavySales, now, seed: 5000 });
    await repos.demo.load(heavy);
    log(`seeded a customer with ${heavySales.toLocaleString('en')} sales`);
    seeded = repos;
    const counts: Record<string, number> = {};
    for (const table of repos.db.tables) counts[table.name] = await table.count();
    return { ms: performance.now() - t0, counts, heavyContactId: heavy.contacts[0]!.id };
  },

  /**
   * Bring the seeded book's derived (local-only) tables up to date, as the app does when it
   * opens a book written by an older version: a cached profile is keyed by what shapes the
   * records only, so a change to the kept figures rebuilds them here, before any screen is
   * timed. Returns the milliseconds it took (0 when they were current).
   */
  async prepare(): Promise<number> {
    seeded ??= await openRepositories(DEFAULT_DB_NAME);
    const t0 = performance.now();
    await ensureFigures(seeded.db);
    return performance.now() - t0;
  },

  /** Open the already seeded database (a reload of this page between scenarios). */
  async attach(): Promise<void> {
    seeded ??= await openRepositories(DEFAULT_DB_NAME);
  },

  async run(id: string, scale: BenchScale): Promise<Measurement[]> {
    const scenario = scenarios.find((s) => s.id === id);
    if (!scenario) throw new Error(`No scenario "${id}"; known: ${api.scenarioIds().join(', ')}`);
    seeded ??= await openRepositories(DEFAULT_DB_NAME);
    const fresh: Repositories[] = [];
    try {
      return await scenario.run({
        repos: seeded,
        scale,
        log,
        async freshRepos(label) {
          const name = `bench-${label}-${Date.now()}-${fresh.length}`;
          const repos = await openRepositories(name);
          fresh.push(repos);
          return repos;
        },
      });
    } finally {
      for (const repos of fresh) {
        repos.db.close();
        await deleteDb(repos.db.name);
      }
    }
  },

  /** Close the seeded database so the app, opened next in another page, has it to itself. */
  close(): void {
    seeded?.db.close();
    seeded = undefined;
  },
};

declare global {
  interface Window {
    kenalBench: typeof api;
  }
}

/** Errors cross into Node as text: keep the name (Dexie's QuotaExceededError, ...) and the cause. */
function explained<A extends unknown[], R>(fn: (...a: A) => Promise<R>) {
  return async (...a: A): Promise<R> => {
    try {
      return await fn(...a);
    } catch (e) {
      const err = e as { name?: string; message?: string; inner?: { message?: string } };
      const inner = err.inner?.message ? ` (${err.inner.message})` : '';
      throw new Error(`${err.name ?? 'Error'}: ${err.message ?? String(e)}${inner}`, { cause: e });
    }
  };
}

window.kenalBench = {
  ...api,
  seed: explained(api.seed),
  prepare: explained(api.prepare),
  run: explained(api.run.bind(api)),
};
document.body.dataset.ready = 'true';
