/**
 * The renderer's own scheme (electron/app-protocol.ts), driven in plain Node with a fake
 * `protocol.handle` and `net.fetch`: only files under the renderer's folder are served; any
 * other host, a query, or a path that climbs out (however encoded) gets a 404 and no disk read.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, installAppProtocol, resolveAppFile } from '../../../electron/app-protocol';

const ROOT = path.resolve('/opt/Kenal/resources/app.asar/dist/renderer');
const CSP = "default-src 'self'";

function install() {
  let handler: ((request: { url: string }) => Promise<Response>) | undefined;
  const fetchFile = vi.fn(
    async (url: string) =>
      new Response(`contents of ${fileURLToPath(url)}`, {
        status: 200,
        headers: { 'content-type': 'text/html' },
      }),
  );
  installAppProtocol(
    { handle: (scheme, h) => scheme === 'app' && (handler = h), fetchFile },
    ROOT,
    CSP,
  );
  if (!handler) throw new Error('no handler for app:');
  return { request: (url: string) => handler!({ url }), fetchFile };
}

describe('the app:// scheme', () => {
  it('serves the index and the built assets from the renderer folder, with the CSP header', async () => {
    const { request, fetchFile } = install();
    const index = await request(`${APP_INDEX_URL}`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(`contents of ${path.join(ROOT, 'index.html')}`);
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(index.headers.get('content-type')).toBe('text/html');
    expect(resolveAppFile('app://kenal/', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile('app://kenal/assets/index-abc.js', ROOT)).toBe(
      path.join(ROOT, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile('app://kenal/assets/Noto%20Sans.woff2', ROOT)).toBe(
      path.join(ROOT, 'assets', 'Noto Sans.woff2'),
    );
    expect(fetchFile).toHaveBeenCalledTimes(1);
  });

  it.each([
    'app://kenal/../../../../etc/passwd',
    'app://kenal/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://kenal/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://kenal/assets/..%5c..%5cwindows%5cwin.ini',
    'app://kenal/..%252f..%252fetc/passwd',
    'app://kenal/index.html%00.png',
    'app://kenal//etc/passwd',
    'app://evil/index.html',
    'app://kenal:80/index.html',
    'app://user@kenal/index.html',
    'file:///etc/passwd',
    'https://kenal/index.html',
    'app://kenal/%E0%A4%A',
    'not a url',
  ])('refuses %s without reading the disk', async (url) => {
    const { request, fetchFile } = install();
    const file = resolveAppFile(url, ROOT);
    if (file !== null) {
      // A path that normalizes to inside the folder is fine; it must never be outside it.
      expect(path.relative(ROOT, file).startsWith('..')).toBe(false);
      return;
    }
    const response = await request(url);
    expect(response.status).toBe(404);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('never resolves outside the renderer folder, whatever the path', () => {
    for (const segment of ['..', '%2e%2e', '.%2e', '%2E.', '...', '.']) {
      for (let depth = 1; depth <= 6; depth++) {
        const url = `app://kenal/${Array(depth).fill(segment).join('/')}/etc/passwd`;
        const file = resolveAppFile(url, ROOT);
        if (file !== null) expect(path.relative(ROOT, file).startsWith('..'), url).toBe(false);
      }
    }
  });

  it('answers 404 when the file is missing', async () => {
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    installAppProtocol(
      {
        handle: (_s, h) => (handler = h),
        fetchFile: async () => {
          throw new Error('ENOENT');
        },
      },
      ROOT,
      CSP,
    );
    expect((await handler!({ url: 'app://kenal/nope.js' })).status).toBe(404);
  });
});
