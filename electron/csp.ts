/**
 * The Content-Security-Policy header the main process puts on every response. It is the same
 * policy as the <meta> tag in the built index.html (shared/csp.ts, one source of truth: with two
 * differing policies the browser enforces both, i.e. the stricter mix), plus frame-ancestors,
 * which browsers only honour in a header.
 */
import { CONTENT_SECURITY_POLICY as PAGE_POLICY } from '../shared/csp';

export const CONTENT_SECURITY_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;
