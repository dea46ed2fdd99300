/**
 * Derived keys stored beside a contact so IndexedDB indexes can find it: a sort key, name
 * word prefixes, phone digits and tags, all folded. Recomputed on every write, never synced.
 */
import { normalizePhone, phoneSearchKeys } from './phone';
import type { ContactFields } from './schemas/contact';
import { foldText, wordTokens } from './text';

export interface ContactIndexFields {
  sortKey: string;
  nameTokens: string[];
  phoneKeys: string[];
  tagKeys: string[];
}

export function contactIndexFields(
  c: Pick<ContactFields, 'name' | 'phones' | 'tags'>,
): ContactIndexFields {
  const phoneKeys = new Set<string>();
  for (const p of c.phones) {
    const n = normalizePhone(p.e164);
    if (n.ok) for (const k of phoneSearchKeys(n.value)) phoneKeys.add(k);
  }
  return {
    sortKey: foldText(c.name),
    nameTokens: wordTokens(c.name),
    phoneKeys: [...phoneKeys],
    tagKeys: [...new Set(c.tags.map(foldText))],
  };
}
