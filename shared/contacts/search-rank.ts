/**
 * The order of search results. Lower rank first, then name order:
 * 0 the whole name starts with the query ("siti ra" -> "Siti Rahayu");
 * 1 every query word starts a word of the name, in any order;
 * 2 a phone number starts with the query's digits; 3 a phone number holds them anywhere ("3456"
 * or "1234 5678" finds 0812-3456-7890 / +62 857 1234 5678; not for a "+..." query); 4 an
 * e-mail; 5 a tag; 6 a city; 7 anything else (a typo match).
 * Name order is the folded name (`sortKey`) in code-unit order, then id: IndexedDB's order of the
 * `sortKey` index, so the in-memory index (search-index.ts) and a cursor agree.
 */
import type { ContactIndexFields } from '../contact-index';
import { phoneQueryDigits } from '../phone';
import { foldText, wordTokens } from '../text';

type Rankable = ContactIndexFields & { name: string; id?: string };

/** (sortKey, id) in code-unit order. */
export function compareNameOrder(a: Rankable, b: Rankable): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  const x = a.id ?? '';
  const y = b.id ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

export function searchRank(c: Rankable, query: string): number {
  const q = foldText(query);
  if (q === '') return 0;
  if (c.sortKey.startsWith(q)) return 0;
  const words = wordTokens(query);
  if (words.length > 0 && words.every((w) => c.nameTokens.some((t) => t.startsWith(w)))) return 1;
  const digits = phoneQueryDigits(query);
  if (digits !== '' && c.phoneKeys.some((k) => k.startsWith(digits))) return 2;
  if (digits !== '' && !digits.startsWith('+') && c.phoneKeys.some((k) => k.includes(digits)))
    return 3;
  if (c.emailKeys?.some((e) => e.startsWith(query.trim().toLowerCase()))) return 4;
  if (c.tagKeys.some((t) => t.startsWith(q))) return 5;
  if (words.length > 0 && words.every((w) => c.cityKeys?.some((t) => t.startsWith(w)))) return 6;
  return 7;
}

export function rankContacts<T extends Rankable>(rows: T[], query: string): T[] {
  const ranked = rows.map((r) => ({ r, rank: searchRank(r, query) }));
  ranked.sort((a, b) => a.rank - b.rank || compareNameOrder(a.r, b.r));
  return ranked.map((x) => x.r);
}
