/**
 * Every error code a domain can return is an i18n key that exists in both languages.
 *
 * Each domain declares its codes once, in `shared/<domain>/errors.ts`, as
 * `export const <DOMAIN>_ERRORS = ['i18n.key', ...] as const` (CONTRIBUTING.md "Errors a
 * user sees"); the UI shows `t(code)`. This test finds every such file, so a new domain is
 * checked without editing it; with no such file yet it checks nothing and passes.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';

type Tree = { [k: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(key);
    else for (const kk of keysOf(v, key)) out.add(kk);
  }
  return out;
}

/** i18next resolves a plural key ("x.count") through its forms ("x.count_one", "_other"). */
function has(keys: Set<string>, code: string): boolean {
  return keys.has(code) || (keys.has(`${code}_one`) && keys.has(`${code}_other`));
}

/** The `*_ERRORS` arrays of one module: exported names ending in _ERRORS holding strings. */
function errorCodeLists(mod: Record<string, unknown>): [string, readonly string[]][] {
  return Object.entries(mod).flatMap(([name, value]) =>
    /_ERRORS$/.test(name) && Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? [[name, value as readonly string[]] as [string, readonly string[]]]
      : [],
  );
}

const modules = import.meta.glob<Record<string, unknown>>('../../../shared/**/errors.ts', {
  eager: true,
});
const enKeys = keysOf(en);
const idKeys = keysOf(id as Tree);

describe('error codes are i18n keys', () => {
  it('finds the *_ERRORS lists of a module and nothing else', () => {
    expect(
      errorCodeLists({
        SALE_ERRORS: ['sales.form.amountRequired'],
        saleErrors: ['not.a.list'],
        MIXED_ERRORS: ['a', 1],
        LIMIT: 3,
      }),
    ).toEqual([['SALE_ERRORS', ['sales.form.amountRequired']]]);
  });

  it('every code of every shared/**/errors.ts exists in English and Bahasa Indonesia', () => {
    const missing: string[] = [];
    for (const [path, mod] of Object.entries(modules))
      for (const [name, codes] of errorCodeLists(mod))
        for (const code of codes) {
          if (!has(enKeys, code)) missing.push(`${path} ${name}: ${code} (en)`);
          if (!has(idKeys, code)) missing.push(`${path} ${name}: ${code} (id)`);
        }
    expect(missing).toEqual([]);
  });
});
