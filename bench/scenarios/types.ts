/**
 * The contract between the Chromium benchmark harness (scripts/bench.mjs + bench/page) and the
 * scenarios each area owns (bench/scenarios/<area>.ts). A scenario runs inside the bench page in
 * Debian Chromium, on the real IndexedDB, against a book seeded by shared/demo at the run's
 * scale, and measures Kenal's way and a baseline side by side in the same run.
 */
import type { Repositories } from '../../renderer/db';

export interface BenchScale {
  contacts: number;
  sales: number;
  /** 'full' = the scale (100k / 1M); 'small' = CI's smoke run (asserts nothing). */
  label: 'full' | 'small' | 'custom';
  /**
   * Rows of the sales CSV import scenario (a file of its own, into a fresh database). At full
   * scale it is capped so the whole run stays under 10 minutes; `--sales-import-rows 1000000`
   * measures the million-row import on its own.
   */
  salesImportRows: number;
  /** Purchases of the one heavy customer seeded on top of the book (5,000 by default). */
  heavySales?: number;
}

/**
 * How a row is judged:
 * - 'ratio-max': ours / baseline must be <= value (e.g. import <= 2x bulkAdd);
 * - 'ratio-min': baseline / ours must be >= value (e.g. search >= 20x faster than a scan);
 * - 'abs-max': ours must be <= value, in the row's unit (e.g. p95 <= 16 ms, heap <= 250 MB).
 */
export type BenchTarget =
  | { kind: 'ratio-max'; value: number }
  | { kind: 'ratio-min'; value: number }
  | { kind: 'abs-max'; value: number };

export interface Measurement {
  /** A stable id for scripts reading the JSON (default: the scenario id, then -2, -3...). */
  id?: string;
  /** One row of the printed table, e.g. "CSV import 100,000 contacts vs bulkAdd". */
  name: string;
  unit: 'ms' | 'MB';
  /** Kenal's way. */
  ours: number;
  /** The side-by-side baseline measured in the same run (absent for 'abs-max' rows). */
  baseline?: number;
  target: BenchTarget;
  /** Anything worth printing beside the numbers (e.g. "p50 3.1 ms, 40 queries"). */
  detail?: string;
}

export interface ScenarioContext {
  /** Repositories over the seeded book (contacts, sales, ledger, notes, feedback). */
  repos: Repositories;
  scale: BenchScale;
  /**
   * A fresh, empty database for scenarios that write (imports, merges). The harness deletes it
   * when the scenario ends.
   */
  freshRepos(label: string): Promise<Repositories>;
  /** Progress lines shown by the runner (long scenarios should say what they are doing). */
  log(message: string): void;
}

export interface Scenario {
  /** Short id used on the command line: `npm run bench -- --only <id>`. */
  id: string;
  run(ctx: ScenarioContext): Promise<Measurement[]>;
}
