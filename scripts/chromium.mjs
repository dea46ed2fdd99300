/**
 * Debian's Chromium, never a Playwright-downloaded browser. As root it needs --no-sandbox, and
 * the background-networking flags stop it from reaching for a network that is not there.
 * Plain JS so both the Playwright configs (TS) and scripts/bench.mjs (Node) share one list.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
