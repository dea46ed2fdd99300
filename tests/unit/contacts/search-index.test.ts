import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactIndexFields, type ContactIndexFields } from '../../../shared/contact-index';
import { editDistance } from '../../../shared/contacts/duplicates';
import { ContactSearchIndex } from '../../../shared/contacts/search-index';
import { compareNameOrder, rankContacts } from '../../../shared/contacts/search-rank';
import { normalizePhone, phoneQueryDigits } from '../../../shared/phone';
import { foldText, wordTokens } from '../../../shared/text';

interface Person {
  id: string;
  name: string;
  phones?: string[];
  email?: string;
  tags?: string[];
  city?: string;
  deleted?: boolean;
}

type Doc = ContactIndexFields & { id: string; name: string; live: boolean };

function doc(p: Person): Doc {
  const phones = (p.phones ?? []).flatMap((raw) => {
    const n = normalizePhone(raw);
    return n.ok ? [{ label: 'mobile' as const, raw, e164: n.value.e164 }] : [];
  });
  const keys = contactIndexFields({
    name: p.name,
    phones,
    tags: p.tags ?? [],
    email: p.email,
    city: p.city,
  });
  return { id: p.id, name: p.name, live: !p.deleted, ...keys };
}

/**
 * The search as the repository did it before the in-memory index, over plain rows: IndexedDB
 * prefix lookups per field, typo tolerance when nothing matched, then rankContacts.
 */
function oracle(rows: Doc[], query: string): string[] {
  const q = query.trim();
  const live = rows.filter((r) => r.live);
  if (q === '') return live.sort(compareNameOrder).map((r) => r.id);
  const digits = phoneQueryDigits(q);
  const words = wordTokens(q);
  const folded = foldText(q);
  const every = (keys: readonly string[] | undefined) =>
    words.every((w) => (keys ?? []).some((t) => t.startsWith(w)));
  let hits = live.filter(
    (r) =>
      (digits !== '' &&
        r.phoneKeys.some((k) =>
          digits.startsWith('+') ? k.startsWith(digits) : k.includes(digits),
        )) ||
      (words.length > 0 &&
        (every(r.nameTokens) ||
          r.tagKeys.some((t) => t.startsWith(folded)) ||
          (r.emailKeys ?? []).some((e) => e.startsWith(q.toLowerCase())) ||
          every(r.cityKeys))),
  );
  if (hits.length === 0 && digits === '' && words.length > 0 && words.every((w) => w.length >= 4)) {
    const near = (w: string) => (t: string) =>
      t[0] === w[0] &&
      t.length >= w.length - 1 &&
      (editDistance(t.slice(0, w.length), w, 1) <= 1 ||
        editDistance(t.slice(0, w.length + 1), w, 1) <= 1 ||
        editDistance(t.slice(0, w.length - 1), w, 1) <= 1);
    hits = live.filter((r) => words.every((w) => r.nameTokens.some(near(w))));
  }
  return rankContacts(hits, q).map((r) => r.id);
}

const BOOK: Person[] = [
  { id: 'a', name: 'Siti Rahayu', phones: ['0812-3456-7890'], tags: ['VIP'], city: 'Semarang' },
  { id: 'b', name: 'Budi Santoso', phones: ['+62 857 1111 2222'], email: 'budi@toko.id' },
  { id: 'c', name: 'Zoë Ñoño' },
  { id: 'd', name: 'Siti Nurhaliza', phones: ['(021) 555 1234'], city: 'Jakarta Selatan' },
  { id: 'e', name: 'Rahayu Siti', tags: ['Reseller'] },
  { id: 'f', name: 'Wayan Sudarsana', phones: ['+1 415 555 0100'], email: 'wayan@bali.id' },
  { id: 'g', name: 'Siti Aminah', deleted: true },
];

const names = (index: ContactSearchIndex, q: string) => {
  const byId = new Map(BOOK.map((p) => [p.id, p.name]));
  return index.search(q).map((id) => byId.get(id));
};

describe('contact search index', () => {
  const index = ContactSearchIndex.build(BOOK.map(doc));

  it('lists every live contact in name order for an empty query', () => {
    expect(names(index, '')).toEqual([
      'Budi Santoso',
      'Rahayu Siti',
      'Siti Nurhaliza',
      'Siti Rahayu',
      'Wayan Sudarsana',
      'Zoë Ñoño',
    ]);
    expect(index.size).toBe(6);
    expect(index.knownRows).toBe(7);
  });

  it('matches word prefixes case- and accent-insensitively, full-name prefix first', () => {
    expect(names(index, 'siti')).toEqual(['Siti Nurhaliza', 'Siti Rahayu', 'Rahayu Siti']);
    expect(names(index, 'SITI ra')).toEqual(['Siti Rahayu', 'Rahayu Siti']);
    expect(names(index, 'zoe nono')).toEqual(['Zoë Ñoño']);
    expect(names(index, 'ahayu')).toEqual([]);
  });

  it('finds phones typed in any format, foreign numbers with +', () => {
    for (const q of ['0812', '812 3456', '+62812', '62812-3456', '+62 812 3456 7890']) {
      expect(names(index, q), q).toEqual(['Siti Rahayu']);
    }
    expect(names(index, '021 555')).toEqual(['Siti Nurhaliza']);
    expect(names(index, '+1 415')).toEqual(['Wayan Sudarsana']);
    expect(names(index, '0899')).toEqual([]);
  });

  it('finds a phone by any part of the number, numbers that start with it first', () => {
    const idx = ContactSearchIndex.build(
      [
        ...BOOK,
        { id: 'h', name: 'Hendra', phones: ['+62 857 2468 1357'] },
        { id: 'i', name: 'Ika', phones: ['0857 0812 0000'] },
      ].map(doc),
    );
    const byId = (q: string) => idx.search(q);
    expect(byId('3456')).toEqual(['a']);
    expect(byId('1234 5678')).toEqual(['a']);
    // Siti's 812 3456 7890 starts with it, Ika's 857 0812 0000 holds it: Siti first.
    expect(byId('0812')).toEqual(['a', 'i']);
    expect(byId('7890')).toEqual(['a']);
    expect(byId('2468 1357')).toEqual(['h']);
    expect(byId('2468-13')).toEqual(['h']);
    expect(byId('(0)2468')).toEqual(['h']);
    // "+..." is the start of a full international number, never a middle.
    expect(byId('+3456')).toEqual([]);
  });

  it('finds e-mail, tag and city, ranked after names', () => {
    expect(names(index, 'budi@toko')).toEqual(['Budi Santoso']);
    expect(names(index, 'vip')).toEqual(['Siti Rahayu']);
    expect(names(index, 'selatan')).toEqual(['Siti Nurhaliza']);
    expect(names(index, 'wayan')).toEqual(['Wayan Sudarsana']);
  });

  it('tolerates one typo per word only when nothing matched exactly', () => {
    expect(names(index, 'sity rahyu')).toEqual(['Rahayu Siti', 'Siti Rahayu']);
    expect(names(index, 'sity')).toEqual(['Rahayu Siti', 'Siti Nurhaliza', 'Siti Rahayu']);
  });

  it('never finds deleted or merged contacts, and follows updates and removals', () => {
    const idx = ContactSearchIndex.build(BOOK.map(doc));
    expect(idx.search('aminah')).toEqual([]);
    idx.upsert([doc({ id: 'g', name: 'Siti Aminah' })]);
    expect(idx.search('aminah')).toEqual(['g']);
    // Renamed: found under the new name only, and the order follows the new name.
    idx.upsert([doc({ id: 'a', name: 'Ayu Lestari', phones: ['0812-3456-7890'] })]);
    expect(idx.search('rahayu')).toEqual(['e']);
    expect(idx.search('0812')).toEqual(['a']);
    expect(idx.search('')[0]).toBe('a');
    // Merged into another contact (not live): known, never found.
    idx.upsert([{ ...doc({ id: 'b', name: 'Budi Santoso' }), live: false }]);
    expect(idx.search('budi')).toEqual([]);
    expect(idx.has('b')).toBe(false);
    idx.remove(['c']);
    expect(idx.search('zoe')).toEqual([]);
    expect(idx.knownRows).toBe(6);
  });

  it('keeps its answers through compaction of many updates', () => {
    const people = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, name: `Orang ${i}` }));
    const idx = ContactSearchIndex.build(people.map(doc));
    const renamed = people.map((p, i) => ({ ...p, name: i % 2 ? `Ani ${i}` : p.name }));
    idx.upsert(renamed.map(doc));
    expect(idx.stats().delta).toBeLessThan(renamed.length);
    expect(idx.search('ani').length).toBe(2500);
    expect(idx.search('orang 4')).toEqual(oracle(renamed.map(doc), 'orang 4'));
    expect(idx.search('')).toEqual(oracle(renamed.map(doc), ''));
  });
});

describe('index search equals the ranked search over the same rows (property)', () => {
  const syllables = ['si', 'ti', 'ra', 'ha', 'yu', 'bu', 'di', 'wa', 'yan', 'é', "'", 'ñ'];
  const word = fc
    .array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 3 })
    .map((s) => s.join(''));
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const phone = fc
    .tuple(
      fc.constantFrom('0812', '+62 857', '(021) ', '+1 415 '),
      fc.integer({ min: 0, max: 9999999 }),
    )
    .map(([p, n]) => `${p}${String(n).padStart(7, '0')}`);
  const person = fc.record({
    name,
    phones: fc.array(phone, { maxLength: 2 }),
    email: fc.option(
      word.map((w) => `${w}@toko.id`),
      { nil: undefined },
    ),
    tags: fc.array(fc.constantFrom('VIP', 'Reseller', 'Siti', 'Rayu', 'Wayan'), { maxLength: 2 }),
    city: fc.option(fc.constantFrom('Jakarta Selatan', 'Semarang', 'Siti Raya', 'Wayan'), {
      nil: undefined,
    }),
    deleted: fc.boolean(),
  });
  const query = fc.oneof(
    word,
    name,
    phone.map((p) => p.slice(0, 7)),
    phone.map((p) => p.slice(-5)),
    fc.constantFrom('', 'vip', 'jak', 'toko', 'sity', 'rahyu', 'sit ra', '08', 're', 'ra', 'w'),
  );

  it('for a freshly built index', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 40 }),
        fc.array(query, { maxLength: 5 }),
        (ps, qs) => {
          const rows = ps.map((p, i) => doc({ id: `id${String(i).padStart(3, '0')}`, ...p }));
          const index = ContactSearchIndex.build(rows);
          for (const q of qs) expect(index.search(q), q).toEqual(oracle(rows, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('after incremental updates and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), person), { maxLength: 20 }),
        fc.array(query, { maxLength: 4 }),
        (ps, edits, qs) => {
          const rows = ps.map((p, i) => doc({ id: `id${i}`, ...p }));
          const index = ContactSearchIndex.build(rows);
          for (const [at, p] of edits) {
            const i = at % (rows.length + 2);
            const next = doc({ id: `id${i}`, ...p });
            rows[i] = next;
            index.upsert([next]);
          }
          const present = rows.filter(Boolean);
          for (const q of qs) expect(index.search(q), q).toEqual(oracle(present, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reopened from its snapshot (through a structured clone), before and after more edits', () => {
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), person), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), person), { maxLength: 6 }),
        fc.array(query, { maxLength: 4 }),
        (ps, before, after, qs) => {
          const rows = ps.map((p, i) => doc({ id: `id${i}`, ...p }));
          const index = ContactSearchIndex.build(rows);
          const edit = (target: ContactSearchIndex, [at, p]: [number, Omit<Person, 'id'>]) => {
            const i = at % (rows.length + 2);
            rows[i] = doc({ id: `id${i}`, ...p });
            target.upsert([rows[i]!]);
          };
          for (const e of before) edit(index, e);
          const reopened = ContactSearchIndex.fromSnapshot(structuredClone(index.snapshot()));
          expect(reopened).not.toBeNull();
          const present = () => rows.filter(Boolean);
          expect(reopened!.knownRows).toBe(index.knownRows);
          for (const q of qs) expect(reopened!.search(q), q).toEqual(oracle(present(), q));
          for (const e of after) edit(reopened!, e);
          for (const q of qs) expect(reopened!.search(q), q).toEqual(oracle(present(), q));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('index snapshots', () => {
  const rows = [
    doc({ id: 'a', name: 'Siti Rahayu', phones: ['0812 1111 2222'], tags: [] }),
    doc({ id: 'b', name: 'Budi Santoso', phones: [], tags: ['VIP'] }),
  ];

  it('refuses what it did not write: another format, a damaged record, a posting out of range', () => {
    const good = ContactSearchIndex.build(rows).snapshot();
    expect(ContactSearchIndex.fromSnapshot(structuredClone(good))?.search('siti')).toEqual(['a']);
    expect(ContactSearchIndex.fromSnapshot({ ...good, format: 0 })).toBeNull();
    expect(ContactSearchIndex.fromSnapshot(null)).toBeNull();
    expect(ContactSearchIndex.fromSnapshot('{"format":1}')).toBeNull();
    expect(ContactSearchIndex.fromSnapshot({ ...good, sortKeys: ['x'] })).toBeNull();
    const segments = good.segments.map((seg) => ({ ...seg, postings: seg.postings.slice() }));
    segments[0]!.postings[0] = 7;
    expect(ContactSearchIndex.fromSnapshot({ ...good, segments })).toBeNull();
    expect(
      ContactSearchIndex.fromSnapshot({ ...good, segments: good.segments.slice(1) }),
    ).toBeNull();
  });

  it('keeps nothing of a contact that is no longer live (an erased name is not written)', () => {
    const index = ContactSearchIndex.build(rows);
    index.upsert([doc({ id: 'a', name: 'Erased customer', phones: [], tags: [] })]);
    index.upsert([
      { ...doc({ id: 'b', name: 'Budi Santoso', phones: [], tags: [] }), live: false },
    ]);
    const text = JSON.stringify(index.snapshot(), (_, v: unknown) =>
      v instanceof Int32Array || v instanceof Uint8Array ? [...v] : v,
    );
    for (const gone of ['siti', 'rahayu', 'budi', 'santoso', '81211112222', 'vip']) {
      expect(text).not.toContain(gone);
    }
    const reopened = ContactSearchIndex.fromSnapshot(index.snapshot())!;
    expect(reopened.search('erased')).toEqual(['a']);
    expect(reopened.search('siti')).toEqual([]);
    expect(reopened.knownRows).toBe(2);
  });

  it('keeps deleted contacts known (never found) so the row count still matches the table', () => {
    const index = ContactSearchIndex.build([
      ...rows,
      { ...doc({ id: 'c', name: 'Siti Lama', phones: [], tags: [] }), live: false },
    ]);
    const reopened = ContactSearchIndex.fromSnapshot(index.snapshot())!;
    expect(reopened.knownRows).toBe(3);
    expect(reopened.size).toBe(2);
    expect(reopened.search('siti')).toEqual(['a']);
  });
});
