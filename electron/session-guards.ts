import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * Session-wide defences: no permission is ever granted, no request leaves the machine, and every
 * response carries the app's CSP. Shapes only, so tests can drive them with fakes.
 */

/** The parts of Session we use; Electron's Session satisfies this. */
export interface PermissionTarget {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export interface RequestDetails {
  url: string;
}
export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

/** The parts of WebRequest we use; Electron's WebRequest satisfies this. */
export interface RequestTarget {
  onBeforeRequest(
    listener: (details: RequestDetails, callback: (response: { cancel: boolean }) => void) => void,
  ): void;
  onHeadersReceived(
    listener: (
      details: HeadersDetails,
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * The app's own scheme only (app://kenal/, electron/app-protocol.ts), plus devtools and in-page
 * data/blob URLs, which never leave the page. file:// is refused: the app is not served from it.
 */
const IN_PAGE_SCHEMES: readonly string[] = ['devtools:', 'data:', 'blob:'];

export function isLocalRequestUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
    return IN_PAGE_SCHEMES.includes(url.protocol);
  } catch {
    return false;
  }
}

export function denyAllPermissions(session: PermissionTarget): void {
  // The app needs no web permission: notifications and files go through the host bridge.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function withCsp(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  // Drop any existing CSP header whatever its case, so ours is the only one.
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [csp] };
}

export function installRequestGuards(
  webRequest: RequestTarget,
  csp: string,
  onBlocked?: (url: string) => void,
): void {
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isLocalRequestUrl(details.url);
    if (!allowed) onBlocked?.(details.url);
    callback({ cancel: !allowed });
  });
  webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
