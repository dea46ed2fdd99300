/**
 * Reports at scale (issues #6 and #7): the whole path the Reports screen takes, in its worker
 * (renderer/features/reports/reports.worker.ts): read the sales side of the book (contacts,
 * sales, feedback, complaints) and compute the report (RFM, retention, churn, cohorts, revenue,
 * NPS/CSAT/CES, top customers), measured against a raw `db.sales.toArray()` in a worker of its
 * own (the same context: a dedicated worker with Dexie on the same database), side by side and
 * alternating which runs first. Re-opening the screen with nothing changed is in the detail.
 *
 * The points liability (issue #16) has a row of its own: the current period's figure from the
 * kept figures (O(customers)) against the read-everything design it replaced, reading the whole
 * ledger and replaying it (still what the previous period's figure, a moment in the past,
 * takes), both timed in the same worker run.
 */
import {
  DEFAULT_REPORT_SETTINGS,
  periodContaining,
  type ReportOptions,
} from '../../shared/reports';
import type { FromWorker, ToWorker } from '../../renderer/features/reports/worker-protocol';
import type { Measurement, Scenario, ScenarioContext } from './types';

const WIB = 420;

function reportWorker(): Worker {
  return new Worker(new URL('../../renderer/features/reports/reports.worker.ts', import.meta.url), {
    type: 'module',
  });
}

/** Send one message and wait for the answer with the same id (progress goes to `onOther`). */
function ask(
  w: Worker,
  msg: ToWorker & { id: number },
  onOther: (m: FromWorker) => void = () => {},
): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.id !== msg.id || m.type === 'progress' || m.type === 'readProgress') return onOther(m);
      if (m.type === 'error') reject(new Error(m.message));
      else resolve(m);
    };
    w.onerror = (e) => reject(new Error(e.message || 'report worker failed'));
    w.postMessage(msg);
  });
}

interface OursRun {
  /** Read + compute: when the screen shows the reports. */
  ms: number;
  readMs: number;
  computeMs: number;
  /** The current liability from the kept figures, after the reports. */
  keptLiabilityMs: number;
  /** Then the exact pair: the whole ledger read and replayed (the read-everything way). */
  ledgerLiabilityMs: number;
  /** Opening again with the same fingerprint: read nothing, compute. */
  reopenMs: number;
  customers: number;
  /** Longest main-thread task while the worker ran (the window must not freeze). */
  longestTaskMs: number;
}

async function runOurs(ctx: ScenarioContext, options: ReportOptions): Promise<OursRun> {
  const w = reportWorker();
  let longest = 0;
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = undefined;
  }
  let lastLog = 0;
  const progress = (m: FromWorker) => {
    if (m.type !== 'readProgress' || performance.now() - lastLog < 2000) return;
    lastLog = performance.now();
    ctx.log(`reports: read ${m.done.toLocaleString('en')} / ${m.total.toLocaleString('en')} rows`);
  };
  try {
    const dbName = ctx.repos.db.name;
    const t0 = performance.now();
    const loaded = await ask(w, { type: 'read', id: 1, dbName, fingerprint: 'bench' }, progress);
    const t1 = performance.now();
    await ask(w, { type: 'compute', id: 2, options });
    const t2 = performance.now();
    await ask(w, { type: 'liability', id: 3, options });
    const t3 = performance.now();
    await ask(w, { type: 'liability', id: 6, options, exact: true });
    const t3b = performance.now();
    await ask(w, { type: 'read', id: 4, dbName, fingerprint: 'bench' });
    await ask(w, { type: 'compute', id: 5, options });
    const t4 = performance.now();
    return {
      ms: t2 - t0,
      readMs: t1 - t0,
      computeMs: t2 - t1,
      keptLiabilityMs: t3 - t2,
      ledgerLiabilityMs: t3b - t3,
      reopenMs: t4 - t3b,
      customers: loaded.type === 'loaded' ? loaded.customerIds.length : 0,
      longestTaskMs: longest,
    };
  } finally {
    observer?.disconnect();
    w.terminate();
  }
}

async function runBaseline(ctx: ScenarioContext): Promise<{ ms: number; rows: number }> {
  const w = new Worker(new URL('../workers/raw-sales.worker.ts', import.meta.url), {
    type: 'module',
  });
  try {
    return await new Promise((resolve, reject) => {
      w.onmessage = (e: MessageEvent<{ ms: number; rows: number }>) => resolve(e.data);
      w.onerror = (e) => reject(new Error(e.message || 'baseline worker failed'));
      w.postMessage({ dbName: ctx.repos.db.name });
    });
  } finally {
    w.terminate();
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const reportScenarios: Scenario[] = [
  {
    id: 'reports',
    async run(ctx) {
      const now = Date.now();
      const options: ReportOptions = {
        ...DEFAULT_REPORT_SETTINGS,
        period: periodContaining('month', now, WIB),
        compare: true,
        utcOffsetMinutes: WIB,
      };
      const ours: OursRun[] = [];
      const base: { ms: number; rows: number }[] = [];
      // Two rounds, alternating which goes first, so neither profits from a warmer cache.
      for (const order of [
        ['base', 'ours'],
        ['ours', 'base'],
      ] as const) {
        for (const which of order) {
          ctx.log(`reports: ${which === 'base' ? 'raw sales read' : 'reports screen path'}…`);
          if (which === 'base') base.push(await runBaseline(ctx));
          else ours.push(await runOurs(ctx, options));
        }
      }
      const o = ours.reduce((a, b) => (a.ms <= b.ms ? a : b));
      return [
        {
          name: `Reports (read + RFM, retention, churn, cohorts) over ${base[0]!.rows.toLocaleString('en')} sales vs raw sales read`,
          unit: 'ms',
          ours: mean(ours.map((r) => r.ms)),
          baseline: mean(base.map((r) => r.ms)),
          target: { kind: 'ratio-max', value: 1.5 },
          detail:
            `both in a dedicated worker with Dexie on the seeded DB, mean of 2 alternating runs; ` +
            `best run: read ${fmt(o.readMs)} + compute ${fmt(o.computeMs)}, ` +
            `${o.customers.toLocaleString('en')} customers; reopen unchanged ${fmt(o.reopenMs)}; ` +
            `longest main-thread task ${Math.round(Math.max(...ours.map((r) => r.longestTaskMs)))} ms`,
        },
        {
          name: 'Points liability (current period): kept figures vs reading and replaying the whole ledger',
          unit: 'ms',
          ours: mean(ours.map((r) => r.keptLiabilityMs)),
          baseline: mean(ours.map((r) => r.ledgerLiabilityMs)),
          target: { kind: 'abs-max', value: 1000 },
          detail:
            'same worker, same run, after the reports: ours reads every customerFigures row and ' +
            'takes each balance minus the lots expired by then; the baseline (what the screen did ' +
            'before, and what the previous period still takes) reads every ledger entry and ' +
            'replays it with FIFO expiry',
        },
      ] satisfies Measurement[];
    },
  },
];
