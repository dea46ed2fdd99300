/**
 * Likely duplicates in the book. Two contacts are a likely pair when they share a phone number
 * (E.164) or an e-mail address, or when their names are very similar: the same words in any
 * order ("Rahayu Siti" / "Siti Rahayu"), or one small typo apart (edit distance <= 1 for names
 * up to 8 letters, <= 2 beyond) among names that start with the same letter and have the same
 * number of words. Blocking by that key keeps the work near-linear at 100,000 contacts.
 */
import type { Contact } from '../schemas/contact';
import { foldText, wordTokens } from '../text';

export type DuplicateReason = 'phone' | 'email' | 'name';

export interface DuplicatePair {
  /** Ids in ascending order, so a pair has one identity. */
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

type DupContact = Pick<Contact, 'id' | 'name' | 'phones' | 'email' | 'otherEmails'>;

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Names "very similar" as documented above. */
export function similarNames(x: string, y: string): boolean {
  const a = wordTokens(x).sort().join(' ');
  const b = wordTokens(y).sort().join(' ');
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const fa = foldText(x);
  const fb = foldText(y);
  const max = Math.min(fa.length, fb.length) <= 8 ? 1 : 2;
  // Short names ("Ani" / "Ana") differ by one letter and are different people.
  if (Math.min(fa.length, fb.length) < 5) return false;
  return editDistance(fa, fb, max) <= max;
}

const emailsOf = (c: DupContact): string[] =>
  [c.email, ...(c.otherEmails ?? [])].filter((e): e is string => !!e).map((e) => e.toLowerCase());

/** Every likely duplicate pair among live contacts, phone/e-mail matches first. */
export function findDuplicatePairs(
  contacts: readonly DupContact[],
  maxBlock = 200,
): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (x: string, y: string, reason: DuplicateReason) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    const p = pairs.get(key) ?? { a, b, reasons: [] };
    if (!p.reasons.includes(reason)) p.reasons.push(reason);
    pairs.set(key, p);
  };
  const byKey = (keysOf: (c: DupContact) => string[], reason: DuplicateReason) => {
    const groups = new Map<string, string[]>();
    for (const c of contacts) {
      for (const k of new Set(keysOf(c))) {
        const g = groups.get(k);
        if (g) g.push(c.id);
        else groups.set(k, [c.id]);
      }
    }
    for (const ids of groups.values()) {
      if (ids.length < 2 || ids.length > maxBlock) continue;
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) add(ids[i]!, ids[j]!, reason);
    }
  };
  byKey((c) => c.phones.map((p) => p.e164), 'phone');
  byKey(emailsOf, 'email');

  // Names: block by first letter + word count, then compare within the block.
  const blocks = new Map<string, DupContact[]>();
  for (const c of contacts) {
    const words = wordTokens(c.name);
    if (words.length === 0) continue;
    const sorted = [...words].sort().join(' ');
    for (const key of new Set([
      `${sorted[0]}|${words.length}`,
      `${foldText(c.name)[0]}|${words.length}`,
    ])) {
      const b = blocks.get(key);
      if (b) b.push(c);
      else blocks.set(key, [c]);
    }
  }
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    // Within a big block only neighbours in name order are compared (typos sort close).
    const sorted = [...block].sort((p, q) => foldText(p.name).localeCompare(foldText(q.name)));
    const window = block.length > maxBlock ? 3 : sorted.length;
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < Math.min(sorted.length, i + 1 + window); j++)
        if (similarNames(sorted[i]!.name, sorted[j]!.name))
          add(sorted[i]!.id, sorted[j]!.id, 'name');
  }
  const rank = (p: DuplicatePair) =>
    p.reasons.includes('phone') || p.reasons.includes('email') ? 0 : 1;
  return [...pairs.values()].sort((p, q) => rank(p) - rank(q) || p.a.localeCompare(q.a));
}

/** Keys a contact is matched on when importing: its E.164 numbers and e-mail addresses. */
export function matchKeys(c: Pick<Contact, 'phones' | 'email' | 'otherEmails'>): string[] {
  return [
    ...c.phones.map((p) => `tel:${p.e164}`),
    ...emailsOf(c as DupContact).map((e) => `mail:${e}`),
  ];
}

/** Likely duplicates of one person: every contact linked to another by some pair. */
export interface DuplicateGroup {
  /** Member ids, ascending. */
  ids: string[];
  /** Every reason of the pairs inside the group, phone and e-mail first. */
  reasons: DuplicateReason[];
}

/**
 * Pairs joined into groups (connected components): "Siti" = "Siti R." by phone and "Siti R." =
 * "Siti Rahayu" by e-mail is one person listed three times, shown and merged as one group.
 * Groups keep the pairs' order (phone/e-mail matches first).
 */
export function groupDuplicatePairs(pairs: readonly DuplicatePair[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const p of pairs) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, { ids: Set<string>; reasons: Set<DuplicateReason> }>();
  for (const p of pairs) {
    const root = find(p.a);
    const g = groups.get(root) ?? { ids: new Set<string>(), reasons: new Set<DuplicateReason>() };
    g.ids.add(p.a).add(p.b);
    for (const r of p.reasons) g.reasons.add(r);
    groups.set(root, g);
  }
  const order: DuplicateReason[] = ['phone', 'email', 'name'];
  return [...groups.values()].map((g) => ({
    ids: [...g.ids].sort(),
    reasons: order.filter((r) => g.reasons.has(r)),
  }));
}

/** Why an existing contact matches a new one on save: the same phone and/or e-mail. */
export function sharedKeyReasons(
  input: Pick<Contact, 'phones' | 'email' | 'otherEmails'>,
  existing: Pick<Contact, 'phones' | 'email' | 'otherEmails'>,
): ('phone' | 'email')[] {
  const theirs = new Set(matchKeys(existing));
  const shared = matchKeys(input).filter((k) => theirs.has(k));
  const out: ('phone' | 'email')[] = [];
  if (shared.some((k) => k.startsWith('tel:'))) out.push('phone');
  if (shared.some((k) => k.startsWith('mail:'))) out.push('email');
  return out;
}
