/**
 * Sales import at scale (issue #11): a POS CSV with `scale.salesImportRows` rows, imported the way the
 * import window does it (its worker, into a fresh database holding the seeded book's contacts),
 * measured against a raw bulkAdd of the same sale and ledger rows, and the longest main-thread task while
 * the worker runs (the window must not freeze).
 */
import Dexie from 'dexie';
import { SCHEMA_V1 } from '../../renderer/db/schema';
import type { LedgerEntry, Sale } from '../../shared/schemas';
import { firstGoneQuiet } from '../reference/gone-quiet-first';
import { createTimelineRepository } from '../../renderer/db/repositories/timeline';
import { guessSalesMapping } from '../../shared/loyalty/sales-import';
import type { FromWorker, ToWorker } from '../../renderer/features/sales/sales-import-messages';
import type { Measurement, Scenario, ScenarioContext } from './types';
import { seededRandom } from '../../shared/demo/random';

const HEADER = ['Tanggal', 'No Nota', 'No HP', 'Nama Pelanggan', 'Total', 'Metode Pembayaran'];
const PAYMENTS = ['Tunai', 'QRIS', 'GoPay', 'Transfer BCA', 'Debit'];
const DAY = 86_400_000;

/** A deterministic sequence (the demo generator's PRNG), so every run imports the same file. */
const random = (seed: number): (() => number) => seededRandom(seed).next;

const pad = (n: number) => String(n).padStart(2, '0');

/** The CSV text in parts: ~90 % of rows for the book's customers (by phone), the rest new. */
function posCsv(rows: number, known: { phone: string; name: string }[]): string[] {
  const rnd = random(11);
  const start = Date.UTC(2024, 0, 1);
  const newCustomers = Math.max(1, Math.floor(rows / 20));
  const parts: string[] = [];
  let lines: string[] = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + Math.floor(rnd() * 700 * DAY));
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    let phone: string;
    let name: string;
    if (known.length > 0 && rnd() < 0.9) {
      const c = known[Math.floor(rnd() * known.length)]!;
      phone = c.phone;
      name = c.name;
    } else {
      const n = Math.floor(rnd() * newCustomers);
      phone = `0813${String(10_000_000 + n).slice(-8)}`;
      name = `Pelanggan ${n}`;
    }
    const amount = 10_000 + Math.floor(rnd() * 200) * 10_000;
    const pay = PAYMENTS[Math.floor(rnd() * PAYMENTS.length)]!;
    lines.push(`${date},POS-${i},${phone},${name},${amount},${pay}`);
    if (lines.length === 10_000) {
      parts.push(lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length > 0) parts.push(lines.join('\n') + '\n');
  return parts;
}

/** Run the import worker to its end; resolves with the final message. */
function runImportWorker(msg: ToWorker, log: (m: string) => void): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(
      new URL('../../renderer/features/sales/sales-import.worker.ts', import.meta.url),
      { type: 'module' },
    );
    let lastLog = 0;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (performance.now() - lastLog > 5_000) {
          lastLog = performance.now();
          log(`import ${m.phase} ${m.done.toLocaleString('en')} / ${m.total.toLocaleString('en')}`);
        }
        return;
      }
      w.terminate();
      resolve(m);
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message));
    };
    w.postMessage(msg);
  });
}

/** The longest main-thread stall while `work` runs: long tasks and a 10 ms heartbeat's gaps. */
async function watchMainThread<T>(work: () => Promise<T>): Promise<{
  value: T;
  longTaskMs: number;
  heartbeatGapMs: number;
  longTasks: number;
  worstAtS: number;
  longTasksSupported: boolean;
}> {
  const t0 = performance.now();
  let longTaskMs = 0;
  let longTasks = 0;
  let worstAtS = 0;
  let longTasksSupported = false;
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTasks++;
        if (e.duration > longTaskMs) {
          longTaskMs = e.duration;
          worstAtS = (e.startTime - t0) / 1000;
        }
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    longTasksSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  } catch {
    observer = undefined; // no Long Tasks API: the heartbeat alone
  }
  let last = performance.now();
  let heartbeatGapMs = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    heartbeatGapMs = Math.max(heartbeatGapMs, t - last);
    last = t;
  }, 10);
  try {
    const value = await work();
    return { value, longTaskMs, heartbeatGapMs, longTasks, worstAtS, longTasksSupported };
  } finally {
    clearInterval(timer);
    observer?.disconnect();
  }
}

async function salesImport(ctx: ScenarioContext): Promise<Measurement[]> {
  const rows = ctx.scale.salesImportRows;
  ctx.log(`reading up to 20,000 contacts of the seeded book`);
  const book = await ctx.repos.db.contacts.limit(Math.min(ctx.scale.contacts, 20_000)).toArray();
  const live = book.filter((c) => !c.deletedAt && !c.mergedInto && c.phones.length > 0);
  const known = live.map((c) => ({ phone: c.phones[0]!.raw, name: c.name.replace(/,/g, ' ') }));

  ctx.log(`building a POS CSV of ${rows.toLocaleString('en')} rows`);
  const file = new File(posCsv(rows, known), 'pos-export.csv', { type: 'text/csv' });
  const mapping = guessSalesMapping(HEADER);

  const target = await ctx.freshRepos('sales-import');
  await target.db.contacts.bulkAdd(book);
  ctx.log(`importing into a fresh database with ${book.length.toLocaleString('en')} contacts`);
  const t0 = performance.now();
  const watched = await watchMainThread(() =>
    runImportWorker(
      { type: 'start', file, mapping, order: 'ymd', awardPoints: true, dbName: target.db.name },
      ctx.log,
    ),
  );
  const importMs = performance.now() - t0;
  const answer = watched.value;
  if (answer.type !== 'done') throw new Error(`import ended with ${JSON.stringify(answer)}`);
  const [salesCount, ledgerCount] = await Promise.all([
    target.db.sales.count(),
    target.db.ledger.count(),
  ]);
  if (salesCount !== rows) throw new Error(`imported ${salesCount} sales, expected ${rows}`);

  // The baseline: the same rows the import wrote (its sales, and one ledger entry per entry it
  // made) with one bulkAdd per table in one transaction, into a bare Dexie database with the
  // same indexes and no kept figures. What the import adds on top: reading the CSV, matching
  // customers, creating the new ones, the points rules and the kept figures (derived tables).
  ctx.log(
    `baseline: bulkAdd of ${rows.toLocaleString('en')} sale rows and ` +
      `${ledgerCount.toLocaleString('en')} ledger rows`,
  );
  const stamp = '000000000000000-00000-bench' as Sale['updatedAt'];
  const contactOf = (i: number) => book[i % Math.max(1, book.length)]?.id ?? 'C';
  const atOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  const saleRows: Sale[] = Array.from({ length: rows }, (_, i) => ({
    id: `B${String(i).padStart(25, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: stamp,
    contactId: contactOf(i),
    kind: 'purchase',
    at: atOf(i),
    amount: 50_000,
    invoiceNo: `POS-${i}`,
    paymentMethod: 'cash',
  }));
  const ledgerRows: LedgerEntry[] = Array.from({ length: ledgerCount }, (_, i) => ({
    id: `L${String(i).padStart(25, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: stamp,
    contactId: contactOf(i),
    kind: 'earn',
    at: atOf(i),
    points: 5,
    saleId: `B${String(i % rows).padStart(25, '0')}`,
  }));
  const bareName = `bench-bare-${Date.now()}`;
  const bare = new Dexie(bareName);
  bare.version(1).stores(SCHEMA_V1);
  const t1 = performance.now();
  await bare.transaction('rw', ['sales', 'ledger'], async () => {
    await bare.table('sales').bulkAdd(saleRows);
    await bare.table('ledger').bulkAdd(ledgerRows);
  });
  const bulkMs = performance.now() - t1;
  bare.close();
  await Dexie.delete(bareName);

  const r = answer.result;
  // The Long Tasks API measures what blocked the main thread; the heartbeat's gap also counts
  // time the OS gave the thread to no one (a loaded machine), so it is the fallback only.
  const stall = watched.longTasksSupported ? watched.longTaskMs : watched.heartbeatGapMs;
  return [
    {
      name: `Sales CSV import ${rows.toLocaleString('en')} rows vs bulkAdd of the same rows`,
      unit: 'ms',
      ours: importMs,
      baseline: bulkMs,
      // Issue #16 item 7: within 2.5x of a raw bulkAdd of the same rows, derived tables included.
      target: { kind: 'ratio-max', value: 2.5 },
      detail:
        `${r.added.toLocaleString('en')} sales, ${r.contactsCreated.toLocaleString('en')} new ` +
        `customers, ${ledgerCount.toLocaleString('en')} ledger entries, ` +
        `${r.pointsAwarded.toLocaleString('en')} points`,
    },
    {
      name: `Longest main-thread task during the import`,
      unit: 'ms',
      ours: stall,
      target: { kind: 'abs-max', value: 100 },
      detail:
        `longest task ${watched.longTaskMs.toFixed(0)} ms at +${watched.worstAtS.toFixed(1)} s of ` +
        `${(importMs / 1000).toFixed(1)} s, ${watched.longTasks} tasks over 50 ms, ` +
        `heartbeat gap ${watched.heartbeatGapMs.toFixed(0)} ms`,
    },
  ];
}

/**
 * The Today screen's "gone quiet" list on the seeded book: the first read (one pass over the
 * sales into a kept projection), a second read (the projection reused), against the first
 * implementation (a cursor over the [contactId+at] index, each contact resolved by gets).
 * The answers must be the same.
 */
async function goneQuietScenario(ctx: ScenarioContext): Promise<Measurement[]> {
  const { db } = ctx.repos;
  const now = new Date();
  // A new repository over the same database: an empty projection, as when the app opens.
  const timeline = createTimelineRepository(db, ctx.repos.clock, () => now);
  ctx.log('gone quiet: first read (builds the projection)');
  const t0 = performance.now();
  const ours = await timeline.goneQuiet();
  const coldMs = performance.now() - t0;
  const t1 = performance.now();
  await timeline.goneQuiet();
  const warmMs = performance.now() - t1;

  ctx.log('gone quiet: the first implementation');
  const t2 = performance.now();
  const theirs = (await firstGoneQuiet(db, now)).map((q) => q.id);
  const baselineMs = performance.now() - t2;
  const a = ours.map((q) => q.contactId).sort();
  const b = theirs.sort();
  if (a.length !== b.length || a.some((id, i) => id !== b[i])) {
    throw new Error(`gone quiet answers differ: ${a.length} vs ${b.length} customers`);
  }
  return [
    {
      name: `Today "gone quiet", first read, ${ctx.scale.sales.toLocaleString('en')} sales`,
      unit: 'ms',
      ours: coldMs,
      baseline: baselineMs,
      target: { kind: 'ratio-min', value: 2 },
      detail: `${ours.length.toLocaleString('en')} customers quiet (same answer as before)`,
    },
    {
      name: 'Today "gone quiet", read again (kept projection)',
      unit: 'ms',
      ours: warmMs,
      target: { kind: 'abs-max', value: 200 },
    },
  ];
}

export const salesScenarios: Scenario[] = [
  { id: 'sales-import', run: salesImport },
  { id: 'today-gone-quiet', run: goneQuietScenario },
];
