import { pathToFileURL } from 'node:url';

/** The file:// URL the app window loads (`win.loadFile(indexPath)` yields this URL). */
export function appIndexUrl(indexPath: string): string {
  return pathToFileURL(indexPath).href;
}

/**
 * True when `candidate` is the app's own index document. The hash is ignored because the
 * renderer uses a hash router; a query string, another host or another path is not the app.
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
    url.protocol === 'file:' &&
    app.protocol === 'file:' &&
    url.host === app.host &&
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
