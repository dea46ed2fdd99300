import { describe, expect, it } from 'vitest';
import {
  denyAllPermissions,
  installRequestGuards,
  isLocalRequestUrl,
  type HeadersDetails,
  type PermissionTarget,
  type RequestDetails,
  type RequestTarget,
} from '../../../electron/session-guards';

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: Parameters<PermissionTarget['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionTarget['setPermissionCheckHandler']>[0] | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'openExternal',
      'clipboard-read',
    ]) {
      let granted: boolean | undefined;
      request?.({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check?.({}, permission), permission).toBe(false);
    }
  });
});

describe('requests', () => {
  type BeforeRequest = Parameters<RequestTarget['onBeforeRequest']>[0];
  type HeadersReceived = Parameters<RequestTarget['onHeadersReceived']>[0];
  function install() {
    let before: BeforeRequest | undefined;
    let headers: HeadersReceived | undefined;
    const blocked: string[] = [];
    installRequestGuards(
      { onBeforeRequest: (l) => (before = l), onHeadersReceived: (l) => (headers = l) },
      "default-src 'self'",
      (url) => blocked.push(url),
    );
    const cancelled = (url: string): boolean => {
      let result: boolean | undefined;
      before?.({ url } satisfies RequestDetails, (r) => (result = r.cancel));
      if (result === undefined) throw new Error('callback not called');
      return result;
    };
    const headersFor = (details: HeadersDetails): Record<string, string[]> => {
      let result: Record<string, string[]> | undefined;
      headers?.(details, (r) => (result = r.responseHeaders));
      if (!result) throw new Error('callback not called');
      return result;
    };
    return { cancelled, headersFor, blocked };
  }

  it("cancels anything remote or on file://, and lets the app's scheme and in-page URLs through", () => {
    const { cancelled, blocked } = install();
    expect(cancelled('https://example.com/track.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('wss://example.com/')).toBe(true);
    expect(cancelled('ftp://example.com/')).toBe(true);
    expect(cancelled('file:///opt/Kenal/dist/renderer/assets/index.js')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://evil/index.html')).toBe(true);
    expect(blocked).toHaveLength(7);
    expect(cancelled('app://kenal/assets/index.js')).toBe(false);
    expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:app://kenal/0f1e2d')).toBe(false);
    expect(isLocalRequestUrl('::garbage::')).toBe(false);
  });

  it('puts our CSP on every response, replacing any other', () => {
    const { headersFor } = install();
    const result = headersFor({
      url: 'file:///x/index.html',
      responseHeaders: { 'content-security-policy': ['*'], 'X-Other': ['1'] },
    });
    expect(result).toEqual({ 'Content-Security-Policy': ["default-src 'self'"], 'X-Other': ['1'] });
    expect(headersFor({ url: 'file:///x/a.js' })).toEqual({
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });
});
