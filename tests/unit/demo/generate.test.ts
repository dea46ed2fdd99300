import { describe, expect, it } from 'vitest';
import { demoBookChunks, generateDemoBook, heavyCustomerBook } from '../../../shared/demo/generate';
import { computeLedger, expiringBetween } from '../../../shared/loyalty/ledger';
import { DEFAULT_RULES } from '../../../shared/loyalty/rules';
import { normalizePhone } from '../../../shared/phone';
import {
  COMPLAINT_TEXTS,
  FOLLOW_UP_TITLES,
  NOTE_TEXTS,
  RESOLUTION_TEXTS,
} from '../../../shared/demo/names';
import { recordSchemas } from '../../../shared/schemas';

const NOW = Date.UTC(2026, 10, 23, 10);

describe('demo book', () => {
  const book = generateDemoBook({ contacts: 400, sales: 4000, now: NOW, seed: 7 });

  it('is valid by the record schemas, every record', () => {
    for (const c of book.contacts)
      expect(recordSchemas.contacts.safeParse(c).error).toBeUndefined();
    for (const s of book.sales) expect(recordSchemas.sales.safeParse(s).error).toBeUndefined();
    for (const n of book.notes) expect(recordSchemas.notes.safeParse(n).error).toBeUndefined();
    for (const f of book.followUps)
      expect(recordSchemas.followUps.safeParse(f).error).toBeUndefined();
    for (const f of book.feedback)
      expect(recordSchemas.feedback.safeParse(f).error).toBeUndefined();
  });

  it('has phones in mixed formats that normalize to the stored E.164', () => {
    const raws = new Set<string>();
    for (const c of book.contacts) {
      for (const p of c.phones) {
        const n = normalizePhone(p.raw);
        expect(n.ok && n.value.e164, p.raw).toBe(p.e164);
        raws.add(
          p.raw.startsWith('+')
            ? '+'
            : p.raw.startsWith('62')
              ? '62'
              : p.raw.includes('-')
                ? '-'
                : '0',
        );
      }
    }
    expect(raws).toEqual(new Set(['+', '62', '-', '0']));
  });

  it('is the same for the same seed and different for another', () => {
    const again = generateDemoBook({ contacts: 400, sales: 4000, now: NOW, seed: 7 });
    expect(again.contacts.map((c) => c.id)).toEqual(book.contacts.map((c) => c.id));
    expect(again.sales.length).toBe(book.sales.length);
    const other = generateDemoBook({ contacts: 400, sales: 4000, now: NOW, seed: 8 });
    expect(
      other.contacts[0]!.name === book.contacts[0]!.name &&
        other.contacts[1]!.name === book.contacts[1]!.name,
    ).toBe(false);
  });

  it('has unique ids and unique stamps', () => {
    const ids = [
      ...book.contacts,
      ...book.sales,
      ...book.notes,
      ...book.feedback,
      ...book.followUps,
    ].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stamps = book.sales.map((s) => s.updatedAt);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('comes close to the asked number of sales, all in the past, refunds after their sale', () => {
    const purchases = book.sales.filter((s) => s.kind === 'purchase');
    expect(purchases.length).toBeGreaterThan(4000 * 0.6);
    expect(purchases.length).toBeLessThanOrEqual(4000);
    const byId = new Map(book.sales.map((s) => [s.id, s]));
    for (const s of book.sales) {
      expect(Date.parse(s.at)).toBeLessThanOrEqual(NOW);
      if (s.kind === 'refund') expect(s.at > byId.get(s.reversesId!)!.at).toBe(true);
    }
  });

  it('has frequent buyers, occasional ones, and customers who stopped buying', () => {
    const count = new Map<string, number>();
    const last = new Map<string, number>();
    for (const s of book.sales) {
      count.set(s.contactId, (count.get(s.contactId) ?? 0) + 1);
      last.set(s.contactId, Math.max(last.get(s.contactId) ?? 0, Date.parse(s.at)));
    }
    const counts = [...count.values()].sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThan(counts[Math.floor(counts.length / 2)]! * 3);
    const quiet = [...last.values()].filter((t) => NOW - t > 180 * 86_400_000).length;
    expect(quiet).toBeGreaterThan(book.contacts.length * 0.05);
  });
});

describe('demo loyalty points', () => {
  it('earn the default rule points per sale, with the ids the loyalty repository uses, and never overdraw', async () => {
    const { computeLedger } = await import('../../../shared/loyalty/ledger');
    const { DEFAULT_RULES } = await import('../../../shared/loyalty/rules');
    const { derivedId } = await import('../../../shared/ids');
    const book = generateDemoBook({ contacts: 300, sales: 3000, now: NOW, seed: 3 });
    expect(book.ledger.length).toBeGreaterThan(1000);
    for (const e of book.ledger) expect(recordSchemas.ledger.safeParse(e).error).toBeUndefined();
    const sales = new Map(book.sales.map((s) => [s.id, s]));
    for (const e of book.ledger.filter((l) => l.kind === 'earn')) {
      const sale = sales.get(e.saleId!)!;
      expect(e.id).toBe(derivedId(Date.parse(sale.at), `earn:${sale.id}`));
      expect(e.points).toBeGreaterThanOrEqual(Math.floor(sale.amount / 10_000));
    }
    expect(book.ledger.some((e) => e.kind === 'redeem')).toBe(true);
    expect(book.ledger.some((e) => e.kind === 'reversal')).toBe(true);
    const byContact = new Map<string, typeof book.ledger>();
    for (const e of book.ledger)
      byContact.set(e.contactId, [...(byContact.get(e.contactId) ?? []), e]);
    for (const entries of byContact.values()) {
      expect(computeLedger(entries, DEFAULT_RULES, NOW).overdraft).toBe(0);
    }
  });

  it('comes out the same in chunks (what the benchmark loads) as in one piece', () => {
    const whole = generateDemoBook({ contacts: 400, sales: 4000, now: NOW, seed: 7 });
    const chunks = [...demoBookChunks({ contacts: 400, sales: 4000, now: NOW, seed: 7 }, 150)];
    expect(chunks.map((c) => c.contacts.length)).toEqual([150, 150, 100]);
    const ids = (key: 'contacts' | 'sales' | 'ledger' | 'notes' | 'feedback' | 'followUps') =>
      chunks.flatMap((c) => c[key].map((r) => r.id)).sort();
    for (const key of ['contacts', 'sales', 'ledger', 'notes', 'feedback', 'followUps'] as const)
      expect(ids(key), key).toEqual(whole[key].map((r) => r.id).sort());
  });

  // Words of praise and of trouble, in both languages: a complaint has trouble and no praise.
  const PRAISE = /puas|memuji|akan pesan lagi|happy|praised|will order again|satisfied/i;
  const TROUBLE = /terlambat|beda|kekecilan|lepas|basah|late|different|too small|came apart|wet/i;

  for (const language of ['id', 'en'] as const) {
    it(`has complaints that read like complaints and praise only as notes (${language})`, () => {
      const book = generateDemoBook({ contacts: 400, sales: 0, now: NOW, seed: 7, language });
      const complaints = book.notes.filter((n) => n.kind === 'complaint');
      expect(complaints.length).toBeGreaterThan(10);
      for (const c of complaints) {
        expect(c.text).toMatch(TROUBLE);
        expect(c.text).not.toMatch(PRAISE);
        expect(COMPLAINT_TEXTS[language]).toContain(c.text);
      }
      // Praise is there, as an everyday note; every text is in the asked language.
      const others = book.notes.filter((n) => n.kind !== 'complaint');
      expect(others.some((n) => PRAISE.test(n.text))).toBe(true);
      const other = language === 'id' ? 'en' : 'id';
      const foreign = new Set([...COMPLAINT_TEXTS[other], ...NOTE_TEXTS[other]]);
      expect(book.notes.filter((n) => foreign.has(n.text))).toEqual([]);
      for (const n of book.notes.filter((n) => n.resolution))
        expect(n.resolution).toBe(RESOLUTION_TEXTS[language]);
      for (const f of book.followUps) expect(FOLLOW_UP_TITLES[language]).toContain(f.title);
    });
  }

  it('is the same book in either language but for the texts', () => {
    const id = generateDemoBook({ contacts: 100, sales: 500, now: NOW, seed: 7, language: 'id' });
    const en = generateDemoBook({ contacts: 100, sales: 500, now: NOW, seed: 7, language: 'en' });
    expect(en.notes.map((n) => [n.id, n.kind, n.complaintStatus])).toEqual(
      id.notes.map((n) => [n.id, n.kind, n.complaintStatus]),
    );
    expect(en.sales.map((s) => s.id)).toEqual(id.sales.map((s) => s.id));
  });
});

describe('heavy customer (the benchmark\'s "a customer with 5,000 sales")', () => {
  const book = heavyCustomerBook({ sales: 1200, now: NOW, seed: 3 });

  it('is one valid contact with exactly that many purchases and their points', () => {
    expect(book.contacts).toHaveLength(1);
    expect(recordSchemas.contacts.safeParse(book.contacts[0]).error).toBeUndefined();
    expect(book.sales).toHaveLength(1200);
    for (const s of book.sales) {
      expect(recordSchemas.sales.safeParse(s).error).toBeUndefined();
      expect(s.contactId).toBe(book.contacts[0]!.id);
      expect(Date.parse(s.at)).toBeLessThanOrEqual(NOW);
    }
    expect(book.ledger.filter((e) => e.kind === 'earn').length).toBeGreaterThan(1000);
    expect(book.ledger.some((e) => e.kind === 'redeem')).toBe(false);
  });

  it('has points about to expire (Today lists the customer)', () => {
    const state = computeLedger(book.ledger, DEFAULT_RULES, NOW);
    const soon = expiringBetween(state, NOW, NOW + 14 * 86_400_000);
    expect(soon.reduce((n, e) => n + e.points, 0)).toBeGreaterThan(0);
  });
});
