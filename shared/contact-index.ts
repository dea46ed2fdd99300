/**
 * Derived keys stored beside a contact so IndexedDB indexes can find it: a sort key, name
 * word prefixes, phone digits, tags, e-mails and city words, all folded. Recomputed on every write, never synced.
 */
import { normalizePhone, phoneSearchKeys } from './phone';
import type { ContactFields } from './schemas/contact';
import { foldText, wordTokens } from './text';

export interface ContactIndexFields {
  sortKey: string;
  nameTokens: string[];
  phoneKeys: string[];
  tagKeys: string[];
  /** Lowercased e-mail addresses (the main one and any merged in), for prefix search. */
  emailKeys: string[];
  /** Folded city words, so "jakarta" finds "Jakarta Selatan" and "selatan" too. */
  cityKeys: string[];
}

export function contactIndexFields(
  c: Pick<ContactFields, 'name' | 'phones' | 'tags'> &
    Partial<Pick<ContactFields, 'email' | 'otherEmails' | 'city'>>,
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
    emailKeys: [
      ...new Set([c.email, ...(c.otherEmails ?? [])].filter((e): e is string => !!e)),
    ].map((e) => e.toLowerCase()),
    cityKeys: c.city ? wordTokens(c.city) : [],
  };
}
