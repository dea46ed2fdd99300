import { describe, expect, it, vi } from 'vitest';
import { appIndexUrl, isAppUrl } from '../../../electron/app-url';
import {
  hardenWebContents,
  type HardenableContents,
  type NavigationPolicy,
  type PreventableEvent,
} from '../../../electron/navigation';
import { APP_URL } from './fakes';

type UrlListener = (event: PreventableEvent, url: string) => void;
type EventListener = (event: PreventableEvent) => void;

class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, Array<UrlListener | EventListener>>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  on(event: string, listener: UrlListener | EventListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits `event` and reports whether any listener prevented it. */
  emit(event: string, url = ''): boolean {
    let prevented = false;
    const ev: PreventableEvent = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(ev, url);
    return prevented;
  }

  open(url: string): { action: 'deny' } {
    if (!this.windowOpenHandler) throw new Error('no window open handler');
    return this.windowOpenHandler({ url });
  }
}

function setup() {
  const contents = new FakeContents();
  const openExternal = vi.fn<(url: string) => Promise<void>>(async () => undefined);
  const policy: NavigationPolicy = { appUrl: APP_URL, openExternal };
  hardenWebContents(contents, policy);
  return { contents, openExternal };
}

describe('app URL', () => {
  it("is the index on the app's own scheme, not a file URL", () => {
    expect(appIndexUrl()).toBe('app://kenal/index.html');
  });

  it('matches the index with any hash route, nothing else', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/contacts/01H`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?x=1`, APP_URL)).toBe(false);
    expect(isAppUrl('app://kenal/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://kenal:8080/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('file:///opt/Kenal/resources/app/dist/renderer/index.html', APP_URL)).toBe(
      false,
    );
    expect(isAppUrl('file:///etc/passwd', APP_URL)).toBe(false);
    expect(isAppUrl('https://kenal/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('compares percent-encoded paths by their decoded form', () => {
    expect(isAppUrl('app://kenal/%69ndex.html#/', APP_URL)).toBe(true);
  });
});

describe('navigation lockdown', () => {
  it('prevents navigation and redirects away from the app', () => {
    const { contents } = setup();
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it("allows the app's own index URL", () => {
    const { contents } = setup();
    expect(contents.emit('will-navigate', APP_URL)).toBe(false);
    expect(contents.emit('will-navigate', `${APP_URL}#/settings`)).toBe(false);
  });

  it('prevents attaching a webview', () => {
    const { contents } = setup();
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands only allowlisted URLs to the OS', () => {
    const { contents, openExternal } = setup();
    const cases: Array<[string, boolean]> = [
      ['https://wa.me/6281234567890', true],
      ['mailto:ana@example.com', true],
      ['tel:+6281234567890', true],
      ['https://evil.example/', false],
      ['javascript:alert(1)', false],
      ['file:///etc/passwd', false],
      ['http://wa.me/6281234567890', false],
      ['https://wa.me.evil.example/', false],
      [APP_URL, false],
    ];
    for (const [url, external] of cases) {
      openExternal.mockClear();
      expect(contents.open(url), url).toEqual({ action: 'deny' });
      if (external) expect(openExternal, url).toHaveBeenCalledWith(url);
      else expect(openExternal, url).not.toHaveBeenCalled();
    }
  });
});
