import { describe, expect, it } from 'vitest';
import { shouldRegisterServiceWorker } from '../../../renderer/app/pwa/service-worker';

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
