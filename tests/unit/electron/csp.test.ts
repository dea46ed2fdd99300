import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { CONTENT_SECURITY_POLICY as PAGE_POLICY } from '../../../shared/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy header', () => {
  const parsed = directives(CONTENT_SECURITY_POLICY);

  it('never allows eval and only self-hosted scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
  });

  it('locks down plugins, base URLs, forms and framing', () => {
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
  });

  it('names no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/);
  });

  it("is the page's <meta> policy plus header-only directives, so the two never diverge", () => {
    const page = directives(PAGE_POLICY);
    for (const [name, sources] of page) expect(parsed.get(name), name).toEqual(sources);
    expect([...parsed.keys()].filter((name) => !page.has(name))).toEqual(['frame-ancestors']);
  });
});
