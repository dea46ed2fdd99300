import { describe, expect, it, vi } from 'vitest';
import {
  fallbackMessage,
  installFailureReason,
  planStart,
  type InstallResult,
} from '../../../scripts/start-plan.mjs';

/** What @electron/get prints when the machine has no network (captured on this machine). */
const OFFLINE_OUTPUT = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (node_modules/@electron/get/dist/FetchDownloader.js:46:30)`;

const desktop = { platform: 'linux' as const, env: { DISPLAY: ':0' } };

function facts(over: Partial<Parameters<typeof planStart>[0]> = {}) {
  return {
    binary: null,
    install: vi.fn((): InstallResult => ({ ok: false, timedOut: false, output: OFFLINE_OUTPUT })),
    findAfterInstall: vi.fn(() => null),
    ...desktop,
    ...over,
  };
}

describe('planStart (what `npm start` does)', () => {
  it('opens Electron when the binary is already on disk, without trying a download', () => {
    const f = facts({ binary: '/x/electron' });
    expect(planStart(f)).toEqual({ kind: 'electron', binary: '/x/electron' });
    expect(f.install).not.toHaveBeenCalled();
  });

  it('fetches a missing binary and opens Electron when the download works', () => {
    const f = facts({
      install: vi.fn((): InstallResult => ({ ok: true })),
      findAfterInstall: vi.fn(() => '/x/dist/electron'),
    });
    expect(planStart(f)).toEqual({ kind: 'electron', binary: '/x/dist/electron' });
  });

  it('serves the web app, saying "offline", when the download cannot reach the network', () => {
    expect(planStart(facts())).toEqual({ kind: 'web', reason: 'offline' });
  });

  it('serves the web app when the download timed out (a silent proxy)', () => {
    const f = facts({ install: () => ({ ok: false, timedOut: true, output: '' }) });
    expect(planStart(f)).toEqual({ kind: 'web', reason: 'timeout' });
  });

  it('serves the web app when the installer claims success but no binary appeared', () => {
    const f = facts({ install: () => ({ ok: true }), findAfterInstall: () => null });
    expect(planStart(f)).toEqual({ kind: 'web', reason: 'failed' });
  });

  it('reports the missing binary, not the display, on a headless machine without one', () => {
    expect(planStart(facts({ env: {} }))).toEqual({ kind: 'web', reason: 'offline' });
  });

  it('serves the web app on Linux with a binary but no X or Wayland display', () => {
    expect(planStart(facts({ binary: '/x/electron', env: {} }))).toEqual({
      kind: 'web',
      reason: 'no-display',
    });
    expect(planStart(facts({ binary: '/x/electron', env: { WAYLAND_DISPLAY: 'w-0' } }))).toEqual({
      kind: 'electron',
      binary: '/x/electron',
    });
    expect(planStart(facts({ binary: '/x/e.exe', platform: 'win32', env: {} }))).toEqual({
      kind: 'electron',
      binary: '/x/e.exe',
    });
  });
});

describe('installFailureReason', () => {
  it.each([
    ['getaddrinfo ENOTFOUND some.host', 'offline'],
    ['connect ECONNREFUSED 127.0.0.1:3128', 'offline'],
    ['Error: self-signed certificate in certificate chain', 'offline'],
    ['Electron builds are not available on platform: aix', 'platform'],
    ['Error: checksum mismatch', 'failed'],
  ])('%s -> %s', (output, reason) => {
    expect(installFailureReason({ ok: false, timedOut: false, output })).toBe(reason);
  });
});

describe('fallbackMessage', () => {
  it.each(['offline', 'timeout', 'platform', 'failed', 'no-display'] as const)(
    '%s: one sentence that says why and how to get the desktop app, no stack trace',
    (reason) => {
      const message = fallbackMessage(reason);
      expect(message).toMatch(/^Kenal cannot open the desktop app because /);
      expect(message).toContain('serving the offline web app instead');
      expect(message).toMatch(/; to get the desktop app, .+\.$/);
      expect(message.split(/\.\s/)).toHaveLength(1); // one sentence
      expect(message).not.toMatch(/\n|\bat .+:\d+:\d+/); // no stack frames
    },
  );
});
