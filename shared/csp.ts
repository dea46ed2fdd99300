/**
 * The Content-Security-Policy of the app, in the built index.html and (in Electron) as a
 * response header. Scripts only from the app itself: no inline script, no eval, no remote
 * anything. Mantine sets inline styles, so style-src allows them (styles cannot run code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
