/**
 * The benchmark's baseline (bench/scenarios/reports.ts), not part of the app: a plain
 * `db.sales.toArray()` in a worker, the same context the report worker reads in, so the two
 * are compared side by side. Answers one message `{ dbName }` with `{ rows, ms }`.
 */
/// <reference lib="webworker" />
import { openRepositories } from '../../renderer/db';

self.onmessage = async (e: MessageEvent<{ dbName: string }>) => {
  const repos = await openRepositories(e.data.dbName);
  const t0 = performance.now();
  const rows = await repos.db.sales.toArray();
  const ms = performance.now() - t0;
  repos.db.close();
  (self as unknown as DedicatedWorkerGlobalScope).postMessage({ rows: rows.length, ms });
};
