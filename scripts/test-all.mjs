#!/usr/bin/env node
/**
 * `npm test`: every check and every suite, one after the other, then one summary line
 * "N passed, N failed, N skipped" summing them (CI reads it). Lint and typecheck count as one
 * test each. A suite that crashes before reporting counts as one failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = 'test-results/summary';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const only = process.argv.slice(2);
const suites = [
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  {
    name: 'unit',
    cmd: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/unit.json`,
    ],
    read: readVitest,
  },
  {
    // Kenal devices synced through real Syncthing processes on 127.0.0.1 (skipped, with the
    // reason, where no syncthing binary is installed).
    name: 'syncthing',
    cmd: [
      'npx',
      'vitest',
      'run',
      '-c',
      'vitest.syncthing.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${OUT}/syncthing.json`,
    ],
    read: readVitest,
  },
  {
    name: 'e2e',
    cmd: ['npx', 'playwright', 'test', '-c', 'playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/e2e.json` },
    read: readPlaywright,
  },
  {
    name: 'electron',
    cmd: [
      'npx',
      'playwright',
      'test',
      '-c',
      'playwright.electron.config.ts',
      '--reporter=list,json',
    ],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/electron.json` },
    read: readPlaywright,
  },
  {
    name: 'bench',
    // Small scale in Chromium: keeps the benchmark working; it asserts nothing about time.
    cmd: [
      'node',
      'scripts/bench.mjs',
      '--scale',
      'small',
      // The screen rows' customer with many sales, smaller: the smoke only keeps them working.
      '--heavy-sales',
      '500',
      '--port',
      '4191',
      '--out',
      'dist/bench-ci',
      '--json',
      `${OUT}/bench.json`,
    ],
  },
].filter((s) => only.length === 0 || only.includes(s.name));

// Every failed test, named with its first error line, printed again just above the summary:
// CI shows only the tail of a long run, and a failure must be findable from it.
const failures = [];
const firstLine = (text) =>
  String(text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim()
    .slice(0, 300) ?? '';

function readVitest(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  for (const f of r.testResults ?? []) {
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed)
      failures.push(`${f.name}: ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (f.status === 'failed' && failed.length === 0)
      failures.push(`${f.name}: ${firstLine(f.message)}`);
  }
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + countFilesThatFailedToLoad(r),
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

// A test file that fails to load has no failed test of its own: count it once.
function countFilesThatFailedToLoad(r) {
  return r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
}

function readPlaywright(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  printSkipReasons(report.suites ?? []);
  printFlaky(report.suites ?? []);
  collectFailed(report.suites ?? []);
  for (const e of report.errors ?? []) failures.push(`playwright: ${firstLine(e.message)}`);
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

// A test that passed only on its retry counts as passed, but is named so nobody mistakes it for
// a steady one.
function printFlaky(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'flaky')
          console.log(`FLAKY (passed on retry): ${spec.file}: ${spec.title}`);
      }
    }
    printFlaky(suite.suites ?? []);
  }
}

function collectFailed(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const last = t.results?.[t.results.length - 1];
        failures.push(
          `${spec.file}:${spec.line}: ${spec.title}: ${firstLine(last?.error?.message)}`,
        );
      }
    }
    collectFailed(suite.suites ?? []);
  }
}

// A skipped test must say why (e.g. no Electron binary on this machine): print each reason.
function printSkipReasons(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description;
        console.log(`skipped: ${spec.title} (${reason ?? 'no reason given'})`);
      }
    }
    printSkipReasons(suite.suites ?? []);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(suite.cmd[0], suite.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...suite.env },
  });
  let counts;
  const file = suite.read && `${OUT}/${suite.name}.json`;
  if (suite.read && existsSync(file)) {
    try {
      counts = suite.read(file);
    } catch (e) {
      console.error(`could not read ${file}: ${e.message}`);
    }
  }
  if (!counts)
    counts =
      run.status === 0
        ? { passed: 1, failed: 0, skipped: 0 }
        : { passed: 0, failed: 1, skipped: 0 };
  // A runner that exits non-zero with no failure counted still failed (e.g. no tests found).
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  rows.push({ suite: suite.name, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
}

if (failures.length > 0) {
  console.log('\n=== failed tests');
  for (const f of failures) console.log(`FAILED: ${f}`);
}
console.log('\n=== summary');
console.table(rows);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
