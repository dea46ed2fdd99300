import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';
import { initialLanguage } from '../../../renderer/i18n';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = flatten(en);
const idKeys = flatten(id as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('every key exists in both English and Bahasa Indonesia', () => {
    const onlyEn = [...enKeys.keys()].filter((k) => !idKeys.has(k));
    const onlyId = [...idKeys.keys()].filter((k) => !enKeys.has(k));
    expect({ onlyEn, onlyId }).toEqual({ onlyEn: [], onlyId: [] });
  });

  it('no text is empty and placeholders match between languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of enKeys) {
      const other = idKeys.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  // A Bahasa Indonesia text that is the English one word for word is an untranslated text
  // (the sales list's "Refund" button passed every other check) unless it is a name, a brand,
  // an abbreviation or a word Indonesian uses as it is.
  const SAME_IN_BOTH = new Set([
    ...['E-mail', 'WhatsApp', 'SMS', 'Instagram', 'TikTok', 'Tokopedia', 'Shopee', 'QRIS'],
    ...['NPS', 'CSAT', 'CES', 'nps', 'CSV', 'PNG', 'UTF-8', '—', 'RFM R', 'RFM F', 'RFM M'],
    ...['Label', 'Tag', 'Template', 'Bonus', 'Data', 'Menu', 'Subtotal', 'Total'],
    'RFM R{{r}} FM{{fm}}',
    'UTF-16 big-endian',
    'Windows-1252 (Excel, Outlook)',
    'CSV (Excel, Google Sheets)',
    // Sample values of the template preview: an Indonesian shop, customer and address.
    'Jl. Melati No. 5, Bandung',
    'Toko Sinar',
    'Siti',
  ]);

  it('no Bahasa Indonesia text is left in English', () => {
    const same = [...enKeys]
      .filter(([key, text]) => idKeys.get(key) === text && !SAME_IN_BOTH.has(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(same).toEqual([]);
  });

  it('every literal key used in the code and in shared/ validation messages exists', () => {
    const files = [...sourceFiles('renderer'), ...sourceFiles('shared')];
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/'((?:errors|nav)\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => !enKeys.has(k));
    expect(missing).toEqual([]);
  });
});

describe('initial language', () => {
  const storage = (value: string | null) => ({ getItem: () => value });
  it('uses the remembered choice first', () => {
    expect(initialLanguage(storage('en'), ['id-ID'])).toBe('en');
    expect(initialLanguage(storage('id'), ['en-US'])).toBe('id');
  });
  it('falls back to the browser language, then Indonesian', () => {
    expect(initialLanguage(storage(null), ['en-GB', 'id'])).toBe('en');
    expect(initialLanguage(storage(null), ['in-ID'])).toBe('id');
    expect(initialLanguage(storage('fr'), ['fr-FR', 'de'])).toBe('id');
    expect(initialLanguage(undefined, [])).toBe('id');
  });
});
