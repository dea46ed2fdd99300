/**
 * Words the user reads come from renderer/i18n, never from a literal in a screen: an English
 * word in a .tsx file shows up in English in the Indonesian app ("Erased customer" in the sales
 * list, the top customers and the contacts CSV, issue #19). This scans every screen for
 * literal text in JSX, literal text props, and a contact's stored name shown without
 * `useContactName` (the stored name of an erased customer is an English placeholder).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : files(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const screens = files('renderer', /\.tsx$/);
const rendererCode = files('renderer', /\.tsx?$/);

/** Words that are the same in every language: names of products, formats and languages. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'WhatsApp',
  'Kenal',
  'CSV',
  'vCard',
  'JSON',
  'OK',
  'English',
  'Bahasa Indonesia',
  'EN',
  'ID',
]);

/** ">Save<", "> Erased customer </Text>"; generics such as "Promise<void>" start with "(". */
const JSX_TEXT = /<[A-Za-z][^<>]*>\s*([A-Za-z][^<>{}()=;]*?)\s*<\//g;
const TEXT_PROP =
  /\b(?:label|placeholder|title|aria-label|description|alt|error|message|tooltip)=(?:"([^"]*)"|\{\s*'([^']*)'\s*\})/g;
const TEXT_FIELD = /\b(?:message|title|description|label)\s*:\s*'([^']*)'/g;
/** A contact's stored name, which for an erased customer is an English placeholder. */
const STORED_NAME =
  /\b(?:contact|c|removed|survivor|loser|customer)\.name\b|\.contactName\b|\bcontacts\.get\([^)]*\)\)\??\.name\b/g;

/** Strip comments so a sentence in a comment is not taken for a label. */
function code(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function findings(
  list: string[],
  pattern: RegExp,
  keep: (m: RegExpMatchArray) => boolean = () => true,
) {
  const out: string[] = [];
  for (const f of list) {
    const src = code(readFileSync(f, 'utf8'));
    for (const m of src.matchAll(pattern)) {
      if (keep(m)) out.push(`${relative('.', f)}: ${m[0].trim()}`);
    }
  }
  return out;
}

const words = (s: string) => /[A-Za-z]{2,}/.test(s) && !SAME_IN_EVERY_LANGUAGE.has(s.trim());

describe('no user-visible text outside renderer/i18n', () => {
  it('scans the screens and recognises the texts it looks for', () => {
    expect(screens.length).toBeGreaterThan(50);
    const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[0]);
    expect(all(JSX_TEXT, '<Text size="sm">Erased customer</Text>')).toEqual(['Erased customer']);
    expect(all(JSX_TEXT, 'onSave: (f: Fields) => Promise<void>;')).toEqual([]);
    expect(all(TEXT_PROP, '<TextInput label="Amount" placeholder={\'e.g. 5\'} />')).toEqual([
      'Amount',
      'e.g. 5',
    ]);
    expect(all(TEXT_FIELD, "notifications.show({ message: 'Saved' })")).toEqual(['Saved']);
    expect(all(STORED_NAME, '<Anchor>{contact.name}</Anchor> {s.contactName}')).toHaveLength(2);
    expect(all(STORED_NAME, '(await contacts.get(id))?.name')).toHaveLength(1);
  });

  it('has no literal words between JSX tags', () => {
    const found = findings(screens, JSX_TEXT, (m) => words(m[1]!));
    expect(found).toEqual([]);
  });

  it('has no literal text in props a user reads or hears', () => {
    const found = findings(screens, TEXT_PROP, (m) => words(m[1] ?? m[2] ?? ''));
    expect(found).toEqual([]);
  });

  it('has no literal notification or option text', () => {
    const found = findings(
      rendererCode,
      TEXT_FIELD,
      (m) => words(m[1]!) && !/^[a-z][\w.-]*$/.test(m[1]!), // an i18n key or a code is fine
    );
    expect(found).toEqual([]);
  });

  it('never shows the erasure placeholder: contact names go through useContactName', () => {
    const stored = STORED_NAME;
    const allowed = new Map([
      // The message to a customer goes to a phone number; an erased customer has none.
      ['renderer/features/timeline/WhatsAppDialog.tsx', 1],
    ]);
    const perFile = new Map<string, number>();
    for (const f of screens) {
      const lines = code(readFileSync(f, 'utf8')).split('\n');
      for (const line of lines) {
        if (line.includes('nameOf(') || line.includes('shownName(')) continue;
        const n = [...line.matchAll(stored)].length;
        if (n > 0) perFile.set(relative('.', f), (perFile.get(relative('.', f)) ?? 0) + n);
      }
    }
    for (const [file, n] of allowed) if (perFile.get(file) === n) perFile.delete(file);
    expect(Object.fromEntries(perFile)).toEqual({});
  });

  it('shows money in the shop currency: nothing formats amounts as Rupiah only (#18)', () => {
    const shared = files('shared', /\.ts$/);
    expect(findings([...rendererCode, ...shared], /formatRupiah|currency:\s*'IDR'/g)).toEqual([]);
  });

  it('never writes the English placeholder itself', () => {
    expect(findings(rendererCode, /Erased customer|ERASED_NAME/g)).toEqual([]);
  });
});
