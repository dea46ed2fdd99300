/**
 * What `npm start` does, decided from facts the caller gathers (pure, unit-tested in
 * tests/unit/start/start-plan.test.ts): open the desktop app when an Electron binary is on
 * disk (or could be fetched) and there is a screen to show it on, otherwise say why in one
 * sentence and serve the offline web app instead.
 */

/**
 * @typedef {'offline' | 'timeout' | 'platform' | 'failed' | 'no-display'} WebReason
 * @typedef {{ kind: 'electron', binary: string } | { kind: 'web', reason: WebReason }} StartPlan
 * @typedef {{ ok: true } | { ok: false, timedOut: boolean, output: string }} InstallResult
 */

/** Network failures as Node's fetch (undici) and @electron/get report them. */
const OFFLINE_PATTERN =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|ETIMEDOUT|getaddrinfo|proxy|socket hang up|certificate|self.signed/i;

/**
 * Why the Electron download failed, from the installer's output (its stack trace stays out of
 * the user's way; only this reason reaches the message).
 * @param {InstallResult} result
 * @returns {WebReason}
 */
export function installFailureReason(result) {
  if (result.ok) throw new Error('installFailureReason: the install succeeded');
  if (result.timedOut) return 'timeout';
  if (/builds are not available on platform/i.test(result.output)) return 'platform';
  if (OFFLINE_PATTERN.test(result.output)) return 'offline';
  return 'failed';
}

/**
 * @param {{
 *   binary: string | null,
 *   install: () => InstallResult,
 *   findAfterInstall: () => string | null,
 *   platform: NodeJS.Platform,
 *   env: NodeJS.ProcessEnv,
 * }} facts
 * @returns {StartPlan}
 */
export function planStart(facts) {
  let binary = facts.binary;
  if (!binary) {
    const result = facts.install();
    binary = result.ok ? facts.findAfterInstall() : null;
    if (!binary)
      return { kind: 'web', reason: result.ok ? 'failed' : installFailureReason(result) };
  }
  // A Linux machine with no X or Wayland display cannot show a window (a server, a container).
  if (facts.platform === 'linux' && !facts.env.DISPLAY && !facts.env.WAYLAND_DISPLAY) {
    return { kind: 'web', reason: 'no-display' };
  }
  return { kind: 'electron', binary };
}

const WHY = {
  offline: 'the Electron binary could not be downloaded (no network, or a proxy in the way)',
  timeout:
    'the Electron binary download did not finish in time (a slow network, or a proxy that does not answer)',
  platform: 'Electron has no build for this operating system',
  failed: 'the Electron download did not leave a working binary',
  'no-display':
    'this Linux machine has no graphical display (DISPLAY or WAYLAND_DISPLAY) to show a window on',
};

const HOW = {
  offline:
    'run `npx install-electron` once on a network (set ELECTRON_MIRROR to a mirror you can reach, or ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 binary)',
  timeout:
    'run `npx install-electron` once on a faster network (or set ELECTRON_MIRROR to a mirror you can reach)',
  platform: 'run it on Windows, macOS or Linux (x64 or arm64)',
  failed:
    'delete node_modules/electron and run `npm ci` on a network (or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 binary)',
  'no-display': 'run `npm start` from a desktop session',
};

/**
 * The one sentence `npm start` prints before serving the web app.
 * @param {WebReason} reason
 */
export function fallbackMessage(reason) {
  return `Kenal cannot open the desktop app because ${WHY[reason]}, so it is serving the offline web app instead; to get the desktop app, ${HOW[reason]}.`;
}
