#!/usr/bin/env node
/**
 * `npm run bench`: Kenal's speed targets measured in Debian Chromium on the real IndexedDB.
 *
 * Builds the app and the benchmark page (bench/page) and serves both from one origin, seeds the
 * app's database with the demo generator (100,000 contacts, 1,000,000 sales at full scale), runs
 * every scenario of bench/scenarios/*.ts inside the page (each measures Kenal's way and a
 * baseline side by side), then measures what only the real app shows: opening it to a usable
 * contact list, and its JS heap on the Reports screen. Prints one table and writes the rows to a
 * JSON file.
 *
 *   node scripts/bench.mjs [--scale full|small|pair|pair-quick|<contacts>x<sales>[,<c>x<s>]]
 *                          [--only id,id] [--port N] [--out dir] [--json file] [--fresh]
 *                          [--sales-import-rows N] [--heavy-sales N] [--screen-timeout s]
 *
 * The screen rows (scripts/bench-screens.mjs, ids screen-*, app-open-today, sale-save,
 * search-ui-keystroke, search-first-after-open, today-heap) open the built app in a fresh page
 * after seeding and time what the user waits for. Two sizes in one run (`--scale pair` =
 * 10k/100k and 100k/1M, `pair-quick` = 1k/10k and 10k/100k, or `AxB,CxD`) print a scaling
 * table, each row at both sizes and the ratio; they run the screen rows and search-baselines
 * unless --only says otherwise.
 *
 * Seeding 1,000,000 sales into IndexedDB takes minutes, so a seeded browser profile is kept in
 * dist/bench-profiles, keyed by scale, port (IndexedDB is per origin) and the code that shapes
 * the data (generator, schema, records); `--fresh` seeds again. Small scale never caches.
 *
 * Exit code: non-zero only when something crashed. Missed targets are reported, not failed:
 * CI runs the small scale to keep this working and asserts nothing about time.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { measureScreens, SCREEN_ROWS, workerHeaps } from './bench-screens.mjs';

const args = parseArgs(process.argv.slice(2));
const heavySales = Number(args['heavy-sales'] ?? 5000);
const scales = parseScales(String(args.scale ?? 'full'));
const out = resolve(args.out ?? 'dist/bench-run');
const port = Number(args.port ?? 4190);
const jsonFile = resolve(
  args.json ?? join('bench-results', `${scales.length > 1 ? 'scaling' : scales[0].label}.json`),
);
const only = args.only
  ? String(args.only).split(',')
  : scales.length > 1
    ? [...SCREEN_ROWS, 'search-baselines']
    : undefined;
const APP_LEVEL = ['app-open', 'reports-heap'];
const fresh = args.fresh !== undefined;
const screenTimeoutMs = Number(args['screen-timeout'] ?? 300) * 1000;
// What shapes the seeded records; other changes (loyalty rules, search code) reuse the cache.
// The Dexie schema is not in the key: opening a cached book upgrades it like the app would, and
// the derived tables are rebuilt before anything is timed (kenalBench.prepare).
const SEED_INPUTS = [
  'shared/demo',
  'shared/schemas',
  'shared/contact-index.ts',
  'renderer/db/repositories/demo.ts',
  'bench/page/main.ts',
];
const CACHE_DAYS = 7;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unknown argument ${a}`);
    const [k, v] = a.slice(2).split('=');
    out[k] = v ?? (argv[i + 1]?.startsWith('--') === false ? argv[++i] : 'true');
  }
  return out;
}

function parseScales(s) {
  const named = { pair: '10000x100000,100000x1000000', 'pair-quick': '1000x10000,10000x100000' };
  const list = (named[s] ?? s).split(',').map(parseScale);
  if (list.length > 2) throw new Error('--scale takes at most two sizes');
  return list;
}

function parseScale(s) {
  const book =
    s === 'full'
      ? { contacts: 100_000, sales: 1_000_000, label: 'full' }
      : s === 'small'
        ? { contacts: 2_000, sales: 20_000, label: 'small' }
        : customScale(s);
  // The sales import writes a file of its own into a fresh database: 200,000 rows keep the
  // full run under 10 minutes; the million-row import is its own run (--sales-import-rows).
  const rows = Number(args['sales-import-rows'] ?? Math.min(book.sales, 200_000));
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--sales-import-rows must be >= 1');
  return { ...book, salesImportRows: rows, heavySales };
}

function customScale(s) {
  const m = /^(\d+)x(\d+)$/.exec(s);
  if (!m) throw new Error(`--scale must be full, small or <contacts>x<sales>, not ${s}`);
  return { contacts: Number(m[1]), sales: Number(m[2]), label: 'custom' };
}

const log = (msg) => console.log(`${new Date().toISOString().slice(11, 19)} ${msg}`);

async function buildAll() {
  log('building the app and the benchmark page');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: `${out}/app` } });
  await build({
    configFile: 'vite.bench.config.ts',
    logLevel: 'warn',
    build: { outDir: `${out}/bench` },
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The app at /, the benchmark page at /bench/: one origin, so both see one IndexedDB. */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rest] = path.startsWith('/bench/')
      ? [`${out}/bench`, path.slice('/bench'.length)]
      : [`${out}/app`, path];
    let file = resolve(root, `.${rest}`);
    if (!file.startsWith(resolve(root))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => filesUnder(join(path, f)));
}

/** Where a seeded profile for this scale, origin and data-shaping code is kept. */
function cacheDirFor(scale) {
  if (scale.label === 'small') return undefined;
  const hash = createHash('sha256');
  for (const f of SEED_INPUTS.flatMap(filesUnder)) hash.update(f).update(readFileSync(f));
  const key = `${scale.contacts}x${scale.sales}-h${scale.heavySales}-p${port}-${hash.digest('hex').slice(0, 12)}`;
  return resolve('dist/bench-profiles', key);
}

function readCache(dir) {
  const meta = dir && join(dir, 'seed.json');
  if (!meta || fresh || !existsSync(meta)) return undefined;
  const seed = JSON.parse(readFileSync(meta, 'utf8'));
  if (Date.now() - seed.now > CACHE_DAYS * 86_400_000) return undefined;
  return seed;
}

const launch = (profile) =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    // gc() lets a scenario measure the heap its own data takes.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });

async function openBenchPage(context, base) {
  const page = await context.newPage();
  page.on('console', (m) => m.text().startsWith('[bench]') && log(m.text().slice(8)));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(`${base}/bench/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Open the app to the contact list until the first row shows, three times in fresh pages. */
async function measureAppOpen(context, base, scale) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/#/contacts`);
    await page.getByTestId('contact-row').first().waitFor({ state: 'visible', timeout: 120_000 });
    times.push(Date.now() - t0);
    await page.close();
  }
  return {
    name: `Open the app to a usable contact list (${scale.contacts.toLocaleString('en')} contacts)`,
    unit: 'ms',
    ours: median(times),
    target: { kind: 'abs-max', value: 1000 },
    detail: `median of 3 fresh pages: ${times.join(', ')} ms`,
  };
}

/**
 * The JS heap with the Reports screen showing the whole book, after a full GC: the page's and
 * its report worker's (where the typed-array datasets live), summed.
 */
async function measureReportsHeap(context, base, scale) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const t0 = Date.now();
  await page.goto(`${base}/#/reports`);
  await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 600_000 });
  await page.getByTestId('reports-progress').waitFor({ state: 'hidden', timeout: 600_000 });
  const shown = Date.now() - t0;
  await page.waitForTimeout(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const workers = await workerHeaps(cdp);
  await page.close();
  const workerBytes = workers.reduce((a, b) => a + b, 0);
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  return {
    name: `JS heap on the Reports screen, page + report worker (${scale.contacts.toLocaleString('en')} contacts, ${scale.sales.toLocaleString('en')} sales)`,
    unit: 'MB',
    ours: (usedSize + workerBytes) / 1024 / 1024,
    target: { kind: 'abs-max', value: 250 },
    detail:
      `after GC: page ${mb(usedSize)} MB, ${workers.length} worker(s) ` +
      `${workers.map(mb).join(' + ') || '0'} MB; reports shown after ${shown} ms`,
  };
}

function judge(row) {
  const { kind, value } = row.target;
  if (row.timedOut) return { ratio: undefined, pass: false };
  if (kind === 'abs-max') return { ratio: undefined, pass: row.ours <= value };
  if (!row.baseline || !row.ours) return { ratio: undefined, pass: false };
  const ratio = kind === 'ratio-max' ? row.ours / row.baseline : row.baseline / row.ours;
  return { ratio, pass: kind === 'ratio-max' ? ratio <= value : ratio >= value };
}

const fmt = (n, unit) =>
  n === undefined
    ? ''
    : `${n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(n < 0.1 ? 4 : 1)} ${unit}`;

function targetText(t) {
  if (t.kind === 'abs-max') return `<= ${t.value}`;
  return t.kind === 'ratio-max' ? `<= ${t.value}x` : `>= ${t.value}x faster`;
}

function printTable(rows) {
  const head = ['Measure', 'Kenal', 'Baseline', 'Ratio', 'Target', 'Result'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.ours, r.unit),
    fmt(r.baseline, r.unit),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    targetText(r.target),
    r.error ? 'ERROR' : r.timedOut ? 'NOT SHOWN' : r.pass ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.detail || r.error) console.log(`- ${r.name}: ${r.error ?? r.detail}`);
}

/** Row ids that stay the same between runs: the scenario's id, then -2, -3 for its later rows. */
function withIds(rows) {
  const seen = new Map();
  return rows.map((r) => {
    if (r.id) return r;
    const n = (seen.get(r.scenario) ?? 0) + 1;
    seen.set(r.scenario, n);
    return { ...r, id: n === 1 ? r.scenario : `${r.scenario}-${n}` };
  });
}

/** Seed (or reuse) the book at `scale`, then measure every wanted row on it. */
async function runScale(scale, base, index) {
  const profile = join(out, `profile-${index}`);
  rmSync(profile, { recursive: true, force: true });
  const cacheDir = cacheDirFor(scale);
  let seed = readCache(cacheDir);
  const fromCache = seed !== undefined;
  if (seed) {
    log(`using the seeded profile ${cacheDir} (--fresh seeds again)`);
    cpSync(join(cacheDir, 'profile'), profile, { recursive: true });
  }
  let context = await launch(profile);
  const rows = [];
  let crashed = false;
  let chrome;
  try {
    let page = await openBenchPage(context, base);
    const ids = await page.evaluate(() => window.kenalBench.scenarioIds());
    const wanted = [...ids, ...APP_LEVEL, ...SCREEN_ROWS].filter(
      (id) => !only || only.includes(id),
    );
    log(
      `scale ${scale.label}: ${scale.contacts.toLocaleString('en')} contacts, ${scale.sales.toLocaleString('en')} sales; running ${wanted.join(', ')}`,
    );
    if (!seed) {
      const now = Date.now();
      const seeded = await page.evaluate(([s, n]) => window.kenalBench.seed(s, n), [scale, now]);
      seed = { now, ...seeded };
      log(`seeded in ${(seed.ms / 1000).toFixed(1)} s: ${JSON.stringify(seed.counts)}`);
      if (cacheDir) {
        await context.close();
        rmSync(cacheDir, { recursive: true, force: true });
        cpSync(profile, join(cacheDir, 'profile'), { recursive: true });
        writeFileSync(join(cacheDir, 'seed.json'), JSON.stringify(seed));
        context = await launch(profile);
        page = await openBenchPage(context, base);
      }
    }
    chrome = await page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1]);
    const derivedMs = await page.evaluate(() => window.kenalBench.prepare());
    seed = { ...seed, derivedMs };
    if (derivedMs > 1000) log(`derived tables rebuilt in ${(derivedMs / 1000).toFixed(1)} s`);

    for (const id of wanted.filter((w) => ids.includes(w))) {
      log(`scenario ${id}`);
      try {
        const measured = await page.evaluate(([i, s]) => window.kenalBench.run(i, s), [id, scale]);
        rows.push(...measured.map((m) => ({ scenario: id, ...m })));
      } catch (e) {
        crashed = true;
        rows.push(failedRow(id, e));
      }
    }
    await page.evaluate(() => window.kenalBench.close());
    await page.close();

    // The app-level rows start from a browser that never ran the app: nothing in memory.
    await context.close();
    context = await launch(profile);

    const appLevel = { 'app-open': measureAppOpen, 'reports-heap': measureReportsHeap };
    for (const id of APP_LEVEL.filter((w) => wanted.includes(w))) {
      log(`app ${id}`);
      try {
        rows.push({ scenario: id, ...(await appLevel[id](context, base, scale)) });
      } catch (e) {
        crashed = true;
        rows.push(failedRow(id, e));
      }
    }
    const screens = await measureScreens({
      context,
      base,
      scale,
      seed,
      wanted: SCREEN_ROWS.filter((id) => wanted.includes(id)),
      timeoutMs: screenTimeoutMs,
      log,
    });
    if (screens.some((r) => r.error)) crashed = true;
    rows.push(...screens);
  } finally {
    await context.close();
  }
  const judged = withIds(rows).map((r) =>
    r.error ? { ...r, pass: false } : { ...r, ...judge(r) },
  );
  return {
    crashed,
    chrome,
    result: {
      scale,
      seed: {
        ms: Math.round(seed.ms),
        counts: seed.counts,
        fromCache,
        derivedMs: Math.round(seed.derivedMs ?? 0),
      },
      rows: judged,
    },
  };
}

/** Each row id measured at both sizes: the two values and large / small. */
function scalingRows(small, large) {
  return small.rows.flatMap((a) => {
    const b = large.rows.find((r) => r.id === a.id);
    if (!b || a.ours === undefined || b.ours === undefined) return [];
    return [
      {
        id: a.id,
        unit: a.unit,
        small: a.ours,
        large: b.ours,
        ratio: a.ours > 0 ? b.ours / a.ours : undefined,
        target: a.target,
        largeMet: b.pass,
        timedOut: !!(a.timedOut || b.timedOut),
      },
    ];
  });
}

function printScaling(rows, small, large) {
  const size = (s) => `${s.contacts / 1000}k/${s.sales / 1000}k`;
  const head = ['Row', size(small), size(large), 'Ratio (10x book)', 'Target', 'At large'];
  const body = rows.map((r) => [
    r.id,
    fmt(r.small, r.unit),
    fmt(r.large, r.unit),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x${r.timedOut ? ' (a timeout)' : ''}`,
    targetText(r.target),
    r.timedOut ? 'NOT SHOWN' : r.largeMet ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

async function main() {
  const started = Date.now();
  await buildAll();
  const server = await serve();
  const base = `http://127.0.0.1:${port}`;
  const runs = [];
  let crashed = false;
  let chrome;
  try {
    for (const [i, scale] of scales.entries()) {
      const r = await runScale(scale, base, i);
      crashed ||= r.crashed;
      chrome ??= r.chrome;
      runs.push(r.result);
    }
    const syncRows = [];
    if (!only || only.includes('syncthing')) {
      log('syncthing (bench/syncthing, in Node)');
      try {
        syncRows.push(...measureSyncthing(scales.at(-1)));
      } catch (e) {
        crashed = true;
        syncRows.push(failedRow('syncthing', e));
      }
      runs
        .at(-1)
        .rows.push(
          ...withIds(syncRows).map((r) =>
            r.error ? { ...r, pass: false } : { ...r, ...judge(r) },
          ),
        );
    }
    for (const run of runs) {
      console.log(
        `\n${run.scale.contacts.toLocaleString('en')} contacts, ${run.scale.sales.toLocaleString('en')} sales:`,
      );
      printTable(run.rows);
    }
    const scaling = runs.length === 2 ? scalingRows(runs[0], runs[1]) : undefined;
    if (scaling) {
      console.log('\nScaling (the same rows at both sizes):');
      printScaling(scaling, runs[0].scale, runs[1].scale);
    }
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        loadavg: loadavg().map((n) => Number(n.toFixed(2))),
        node: process.version,
        chromium: chrome,
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
      // One size: its scale, seed and rows at the top level, as before; two: `runs` + `scaling`.
      ...(runs.length === 1 ? runs[0] : { runs, scaling }),
    };
    mkdirSync(resolve(jsonFile, '..'), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `\nResults: ${jsonFile} (whole run ${result.totalSeconds} s, load average ${result.machine.loadavg.join(' ')})`,
    );
  } finally {
    server.close();
  }
  if (crashed) process.exitCode = 1;
}

/**
 * Sync through real Syncthing processes (bench/syncthing/*.measure.ts, run by Vitest in Node):
 * bytes written per change as the book grows, and an edit's time from device A to device B.
 * No rows (and a note) where no syncthing binary is installed.
 */
function measureSyncthing(scale) {
  const file = resolve(out, 'syncthing.json');
  rmSync(file, { force: true });
  const sizes =
    scale.label === 'full'
      ? '1000x10000,10000x100000'
      : `${Math.min(scale.contacts, 1000)}x${Math.min(scale.sales, 10000)}`;
  const run = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.syncthing-bench.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, KENAL_SYNC_BENCH_OUT: file, KENAL_SYNC_BENCH_SIZES: sizes },
  });
  if (run.status !== 0) throw new Error(`bench/syncthing failed (exit ${run.status})`);
  const result = JSON.parse(readFileSync(file, 'utf8'));
  if (result.skipped) log(`syncthing rows skipped: ${result.skipped}`);
  return result.rows.map((r) => ({ scenario: 'syncthing', ...r }));
}

function failedRow(id, e) {
  const error = String(e?.message ?? e).split('\n')[0];
  return { scenario: id, name: id, unit: 'ms', target: { kind: 'abs-max', value: 0 }, error };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
