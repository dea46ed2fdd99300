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

/** "+62" and a national number that does not start with 0 (libphonenumber's national digits). */
const INDONESIAN_E164 = /^\+62[1-9]\d{5,12}$/;

export function contactIndexFields(
  c: Pick<ContactFields, 'name' | 'phones' | 'tags'> &
    Partial<Pick<ContactFields, 'email' | 'otherEmails' | 'city'>>,
): ContactIndexFields {
  const phoneKeys = new Set<string>();
  for (const p of c.phones) {
    // Stored numbers are E.164 already checked on the way in; an Indonesian one's national
    // digits are what follows +62, without a second (slow) libphonenumber parse.
    if (INDONESIAN_E164.test(p.e164)) {
      phoneKeys.add(p.e164.slice(3));
      continue;
    }
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
