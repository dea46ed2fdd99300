/**
 * The renderer is served from `app://kenal/`, a custom privileged scheme, instead of file://
 * (Electron's security checklist: "avoid usage of the file protocol and prefer usage of custom
 * protocols"). file:// pages get privileges a browser never gives them (any file on the disk is
 * same-origin); with the app on its own scheme the grantFileProtocolExtraPrivileges fuse is off
 * (electron-builder.yml) and the request guard allows only this scheme.
 *
 * The handler maps a request to a file under the renderer's folder and nothing else: another
 * host, a query, an encoded separator or NUL, or a path that leaves the folder (`..`, however
 * encoded) is answered 404 without touching the disk. Shapes only, unit-tested in plain Node.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kenal';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready: `standard` (relative URLs
 * and an origin, so IndexedDB and localStorage work), `secure` (a secure context, like https),
 * fetch for the app's own files. No bypassCSP, no CORS: the app's CSP applies as before.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** The file a request for the app's scheme may read, or null (answered 404). */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  // Encoded separators and NUL are never part of a file the build writes.
  if (/%(2f|5c|00)/i.test(url.pathname) || url.pathname.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** The parts of Electron's `protocol` and `net` the handler needs. */
export interface AppProtocolDeps {
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void;
  /** Electron's net.fetch on a file:// URL (streams the file with its MIME type). */
  fetchFile(fileUrl: string): Promise<Response>;
}

export function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

/**
 * Register the app's scheme: every request resolved under `rootDir`, or 404. Each response
 * carries the app's CSP as a header too (the page also has it in a meta tag).
 */
export function installAppProtocol(deps: AppProtocolDeps, rootDir: string, csp: string): void {
  deps.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rootDir);
    if (file === null) return notFound();
    let response: Response;
    try {
      response = await deps.fetchFile(pathToFileURL(file).href);
    } catch {
      return notFound();
    }
    if (!response.ok) return notFound();
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    return new Response(response.body, { status: response.status, headers });
  });
}
