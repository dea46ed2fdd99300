import { describe, expect, it, vi } from 'vitest';
import {
  shouldRegisterServiceWorker,
  UPDATE_CHECK_EVERY_MS,
  watchForUpdates,
} from '../../../renderer/app/pwa/service-worker';

const browser = { inElectron: false, protocol: 'https:', secure: true, supported: true };

describe('shouldRegisterServiceWorker', () => {
  it('registers in a browser on https and on http://localhost (secure contexts)', () => {
    expect(shouldRegisterServiceWorker(browser)).toBe(true);
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'http:' })).toBe(true);
  });

  it('never registers inside the desktop app, whatever its scheme', () => {
    for (const protocol of ['app:', 'file:', 'https:']) {
      expect(shouldRegisterServiceWorker({ ...browser, inElectron: true, protocol })).toBe(false);
    }
  });

  it('does not register from file:// or an insecure http origin, or without support', () => {
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'file:' })).toBe(false);
    expect(shouldRegisterServiceWorker({ ...browser, protocol: 'http:', secure: false })).toBe(
      false,
    );
    expect(shouldRegisterServiceWorker({ ...browser, supported: false })).toBe(false);
  });
});

describe('watchForUpdates', () => {
  function setup(update: () => Promise<unknown>) {
    const listeners = new Map<string, () => void>();
    const doc = {
      visibilityState: 'visible' as DocumentVisibilityState,
      addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
      removeEventListener: (type: string) => listeners.delete(type),
    };
    let tick: (() => void) | undefined;
    let every = 0;
    const stop = watchForUpdates({
      update,
      doc: doc as unknown as Document,
      repeat: (run, ms) => {
        tick = run;
        every = ms;
        return () => (tick = undefined);
      },
    });
    return { doc, listeners, tick: () => tick?.(), every: () => every, stop };
  }

  it('asks for a new version every hour and when the app comes back on screen', () => {
    const update = vi.fn(() => Promise.resolve());
    const s = setup(update);
    expect(s.every()).toBe(UPDATE_CHECK_EVERY_MS);
    s.tick();
    expect(update).toHaveBeenCalledTimes(1);
    s.listeners.get('visibilitychange')!();
    expect(update).toHaveBeenCalledTimes(2);
    s.doc.visibilityState = 'hidden';
    s.listeners.get('visibilitychange')!();
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('a failed check (offline) is quiet, and stop ends the checks', async () => {
    const update = vi.fn(() => Promise.reject(new TypeError('Failed to update')));
    const s = setup(update);
    s.tick();
    await Promise.resolve();
    s.stop();
    s.tick();
    expect(s.listeners.has('visibilitychange')).toBe(false);
    expect(update).toHaveBeenCalledTimes(1);
  });
});
