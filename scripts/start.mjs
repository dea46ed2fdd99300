#!/usr/bin/env node
/**
 * `npm start`: build and open the desktop app; where Electron cannot run (no binary and no way
 * to fetch it, no display) say why in one sentence and serve the offline web app instead.
 * `npm run web` (`--web`): build and serve the offline web app.
 * The decision is scripts/start-plan.mjs; this file only gathers facts and runs commands.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { fallbackMessage, planStart } from './start-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const port = Number(process.env.PORT ?? 4173);
/** Long enough for a real download, short enough that a silent proxy does not hang `npm start`. */
const INSTALL_TIMEOUT_MS = 180_000;

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(
      `\`${[command, ...commandArgs].join(' ')}\` failed (exit code ${result.status ?? result.signal}).`,
    );
    process.exit(1);
  }
}

/** Runs Electron's own installer quietly: its output is kept to classify a failure. */
function installElectron() {
  console.log('Kenal: fetching the Electron desktop binary (first start only)...');
  const result = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    cwd: root,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return { ok: true };
  const timedOut = result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM';
  return {
    ok: false,
    timedOut,
    output: `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error?.message ?? ''}`,
  };
}

async function serveWeb() {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  const { preview } = await import('vite');
  const server = await preview({
    root: `${root}renderer`,
    configFile: `${root}vite.config.ts`,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(
    `\nKenal (offline web app) is at ${address} - open it in Chrome, Edge or Firefox; after the first visit it works with the network off. Ctrl+C stops the server.`,
  );
}

async function main() {
  if (args.includes('--web')) return serveWeb();
  const plan = planStart({
    binary: findElectronBinary(root),
    install: installElectron,
    findAfterInstall: () => findElectronBinary(root),
    platform: process.platform,
    env: process.env,
  });
  if (plan.kind === 'web') {
    console.log(`\n${fallbackMessage(plan.reason)}\n`);
    return serveWeb();
  }
  // `npm run build`, without depending on where npm lives.
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
  run(process.execPath, ['scripts/build-electron.mjs']);
  const child = spawn(plan.binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(`Kenal could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
