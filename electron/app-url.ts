import { APP_INDEX_URL } from './app-protocol';

/** The URL the app window loads: its index on the app's own scheme (electron/app-protocol.ts). */
export function appIndexUrl(): string {
  return APP_INDEX_URL;
}

/**
 * True when `candidate` is the app's own index document. The hash is ignored because the
 * renderer uses a hash router; a query string, another scheme, host or path is not the app.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(candidate);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === app.protocol &&
    url.protocol !== 'file:' &&
    url.host === app.host &&
    url.username === '' &&
    url.port === '' &&
    url.search === '' &&
    safeDecode(url.pathname) === safeDecode(app.pathname)
  );
}

// Chromium and Node may percent-encode a path differently; compare the decoded form.
function safeDecode(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
