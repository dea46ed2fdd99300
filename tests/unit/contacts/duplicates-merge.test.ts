import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicatePairs, similarNames } from '../../../shared/contacts/duplicates';
import { deriveStage, summarizePurchases } from '../../../shared/contacts/lifecycle';
import { planMerge } from '../../../shared/contacts/merge';
import type { Contact } from '../../../shared/schemas';

let n = 0;
const c = (over: Partial<Contact>): Contact => ({
  id: `01HZZZZZZZZZZZZZZZZZZZZZ${String(n++).padStart(2, '0')}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '000001700000000-00000-abcdefabcdefabcd' as Contact['updatedAt'],
  stamps: {},
  name: 'X',
  phones: [],
  tags: [],
  note: '',
  ...over,
});
const phone = (raw: string, e164: string) => ({ label: 'mobile' as const, raw, e164 });

describe('findDuplicatePairs', () => {
  it('pairs contacts sharing a phone, an e-mail, or a very similar name', () => {
    const siti = c({ name: 'Siti Rahayu', phones: [phone('0812-3456-7890', '+6281234567890')] });
    const siti2 = c({ name: 'Ibu Siti', phones: [phone('+62 812 3456 7890', '+6281234567890')] });
    const budi = c({ name: 'Budi Santoso', email: 'budi@toko.id' });
    const budi2 = c({ name: 'Pak Budi', email: 'budi@toko.id' });
    const dewi = c({ name: 'Dewi Lestari' });
    const dewi2 = c({ name: 'Dewi Lestary' });
    const rev = c({ name: 'Lestari Dewi' });
    const ani = c({ name: 'Ani' });
    const ana = c({ name: 'Ana' });
    const pairs = findDuplicatePairs([siti, siti2, budi, budi2, dewi, dewi2, rev, ani, ana]);
    const has = (x: Contact, y: Contact) =>
      pairs.find((p) => (p.a === x.id && p.b === y.id) || (p.a === y.id && p.b === x.id))?.reasons;
    expect(has(siti, siti2)).toEqual(['phone']);
    expect(has(budi, budi2)).toEqual(['email']);
    expect(has(dewi, dewi2)).toEqual(['name']);
    expect(has(dewi, rev)).toEqual(['name']);
    expect(has(ani, ana)).toBeUndefined();
    expect(has(siti, budi)).toBeUndefined();
    // Phone/e-mail pairs come before name-only pairs.
    expect(pairs[0]!.reasons).not.toEqual(['name']);
  });

  it('never pairs a contact with itself and reports each pair once (property)', () => {
    const names = ['Siti', 'Sity', 'Budi', 'Rina Wati', 'Wati Rina', 'Agus'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: fc.constantFrom(...names), p: fc.integer({ min: 0, max: 3 }) }),
          { maxLength: 25 },
        ),
        (rows) => {
          const cs = rows.map((r) =>
            c({ name: r.name, phones: [phone(`0812000000${r.p}`, `+62812000000${r.p}`)] }),
          );
          const pairs = findDuplicatePairs(cs);
          const keys = pairs.map((p) => `${p.a}|${p.b}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const p of pairs) expect(p.a < p.b).toBe(true);
        },
      ),
    );
  });

  it('tolerates a typo in longer names but not different short names', () => {
    expect(similarNames('Muhammad Rizki', 'Muhamad Rizki')).toBe(true);
    expect(similarNames('Putri', 'Putra')).toBe(true);
    expect(similarNames('Budi', 'Badu')).toBe(false);
    expect(similarNames('Siti Rahayu', 'Siti Nurhaliza')).toBe(false);
  });
});

describe('planMerge', () => {
  it('gives the survivor the union of phones, e-mails and tags and fills its gaps', () => {
    const loser = c({
      name: 'Ibu Siti',
      phones: [phone('0812-3456-7890', '+6281234567890'), phone('0813-1', '+628131')],
      email: 'siti@old.id',
      tags: ['VIP', 'Reseller'],
      city: 'Yogyakarta',
      birthday: '1990-08-17',
      note: 'Suka batik',
    });
    const survivor = c({
      name: 'Siti Rahayu',
      phones: [phone('+62 812 3456 7890', '+6281234567890')],
      email: 'siti@new.id',
      tags: ['VIP'],
      city: 'Jogja',
      note: 'Pelanggan lama',
    });
    const patch = planMerge(loser, survivor);
    expect(patch.phones?.map((p) => p.e164)).toEqual(['+6281234567890', '+628131']);
    expect(patch.email).toBeUndefined();
    expect(patch.otherEmails).toEqual(['siti@old.id']);
    expect(patch.tags).toEqual(['VIP', 'Reseller']);
    expect(patch.city).toBeUndefined();
    expect(patch.birthday).toBe('1990-08-17');
    expect(patch.note).toBe('Pelanggan lama\n\nSuka batik');
    expect(patch.name).toBeUndefined();
  });

  it('loses nothing the loser knew (property): every phone, e-mail and tag is on the survivor', () => {
    const ph = fc.constantFrom(phone('a', '+62811'), phone('b', '+62812'), phone('c', '+62813'));
    const arb = fc.record({
      phones: fc.uniqueArray(ph, { selector: (p) => p.e164 }),
      tags: fc.uniqueArray(fc.constantFrom('VIP', 'Grosir', 'Baru')),
      email: fc.option(fc.constantFrom('a@x.id', 'b@x.id'), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, arb, (l, s) => {
        const loser = c(l);
        const survivor = c(s);
        const merged = { ...survivor, ...planMerge(loser, survivor) };
        for (const p of loser.phones)
          expect(merged.phones.some((q) => q.e164 === p.e164)).toBe(true);
        for (const t of loser.tags) expect(merged.tags).toContain(t);
        if (loser.email)
          expect([merged.email, ...(merged.otherEmails ?? [])]).toContain(loser.email);
        if (survivor.email) expect(merged.email).toBe(survivor.email);
      }),
    );
  });
});

describe('lifecycle stage', () => {
  const now = new Date('2026-06-30T12:00:00Z');
  const sale = (
    id: string,
    daysAgo: number,
    kind: 'purchase' | 'refund' = 'purchase',
    reversesId?: string,
  ) => ({
    id,
    kind,
    at: new Date(now.getTime() - daysAgo * 864e5).toISOString(),
    reversesId,
  });
  const stage = (sales: ReturnType<typeof sale>[], manual?: Contact['stage']) =>
    deriveStage(summarizePurchases(sales), manual, now);

  it('uses the manual stage (or lead) only without purchase history', () => {
    expect(stage([])).toBe('lead');
    expect(stage([], 'active')).toBe('active');
    expect(stage([sale('a', 3), sale('r', 2, 'refund', 'a')], 'lead')).toBe('lead');
  });

  it('derives new, active, loyal, at risk and churned from purchases', () => {
    expect(stage([sale('a', 10)], 'lead')).toBe('new');
    expect(stage([sale('a', 10), sale('b', 40)])).toBe('active');
    expect(stage(['a', 'b', 'c', 'd', 'e'].map((id, i) => sale(id, i * 5)))).toBe('loyal');
    expect(stage([sale('a', 91), sale('b', 120)])).toBe('at-risk');
    expect(stage([sale('a', 181)])).toBe('churned');
  });

  it('ignores a refunded purchase when finding the last one', () => {
    expect(stage([sale('a', 200), sale('b', 5), sale('r', 4, 'refund', 'b')])).toBe('churned');
  });
});
