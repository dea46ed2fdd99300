/**
 * Navigation lockdown for every webContents: the window may only ever show the app's own
 * index.html, never opens another window, never hosts a <webview>, and gets no permissions.
 * The Electron objects are passed in (only their shapes are imported) so this is testable in Node.
 */
import { isAllowedExternalUrl } from '../shared/host-api';
import { isAppUrl } from './app-url';

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of WebContents we harden; Electron's WebContents satisfies this. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationPolicy {
  appUrl: string;
  /** Hands an allowlisted URL to the operating system (shell.openExternal). */
  openExternal(url: string): Promise<void>;
  onBlocked?(what: string, url: string): void;
}

export function guardNavigation(event: PreventableEvent, url: string, policy: NavigationPolicy) {
  if (!isAppUrl(url, policy.appUrl)) {
    event.preventDefault();
    policy.onBlocked?.('navigation', url);
  }
}

/** window.open / target=_blank: never a new Electron window; allowlisted links go to the OS. */
export function handleWindowOpen(url: string, policy: NavigationPolicy): { action: 'deny' } {
  if (isAllowedExternalUrl(url)) {
    policy
      .openExternal(url)
      .catch((error: unknown) => policy.onBlocked?.('openExternal', String(error)));
  } else {
    policy.onBlocked?.('window.open', url);
  }
  return { action: 'deny' };
}

export function hardenWebContents(contents: HardenableContents, policy: NavigationPolicy): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, policy));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, policy));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.onBlocked?.('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, policy));
}
