import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HybridLogicalClock } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { createMutable } from '../../../shared/records';
import {
  contactSchema,
  EVENT_TABLES,
  feedbackSchema,
  followUpSchema,
  ledgerEntrySchema,
  MUTABLE_TABLES,
  noteSchema,
  recordSchemas,
  saleSchema,
  settingSchema,
  templateSchema,
  type TableName,
} from '../../../shared/schemas';

const clock = new HybridLogicalClock({ deviceId: '0123456789ABCDEF' });
const stamp = () => clock.now();
const createdAt = '2026-11-23T10:00:00.000Z';

function mutable<F extends object>(fields: F): Record<string, unknown> {
  return createMutable(fields, { id: newId(), createdAt, stamp: stamp() });
}
function event<F extends object>(fields: F): Record<string, unknown> {
  return { ...fields, id: newId(), createdAt, updatedAt: stamp() };
}

const contactId = newId();
const saleId = newId();

function fixtures(): Record<TableName, Record<string, unknown>> {
  return {
    contacts: mutable({
      name: 'Siti Nurhaliza',
      phones: [{ label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' }],
      email: 'siti@example.id',
      tags: ['vip'],
      birthday: '1990-08-17',
      note: '',
      marketingConsent: true,
      marketingConsentAt: '2026-11-23T17:00:00+07:00',
    }),
    notes: mutable({ contactId, kind: 'call', at: createdAt, text: 'Tanya stok batik' }),
    followUps: mutable({ contactId, title: 'Kirim katalog', dueAt: createdAt, repeat: 'none' }),
    templates: mutable({
      name: 'Ulang tahun',
      purpose: 'birthday',
      body: { en: 'Happy birthday {name}', id: 'Selamat ulang tahun {name}' },
    }),
    settings: mutable({ key: 'loyalty.rules', value: { pointsPer: 10_000, tiers: [1, 2] } }),
    sales: event({ contactId, kind: 'purchase', at: createdAt, amount: 1_250_000 }),
    ledger: event({ contactId, kind: 'earn', at: createdAt, points: 125, saleId }),
    feedback: event({ contactId, type: 'nps', score: 9, at: createdAt }),
  };
}

const tables = Object.keys(recordSchemas) as TableName[];

function accepts(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

describe('record schemas: shared metadata', () => {
  it('every table is either mutable or an event table, never both', () => {
    expect([...MUTABLE_TABLES, ...EVENT_TABLES].sort()).toEqual([...tables].sort());
    expect(MUTABLE_TABLES.filter((t) => (EVENT_TABLES as readonly string[]).includes(t))).toEqual(
      [],
    );
  });

  it.each(tables)('%s accepts a well-formed record, unchanged', (table) => {
    const rec = fixtures()[table];
    const r = recordSchemas[table].safeParse(rec);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data).toEqual(rec);
  });

  it.each(tables)('%s accepts a tombstone', (table) => {
    const rec = { ...fixtures()[table], deletedAt: stamp() };
    expect(accepts(recordSchemas[table], rec)).toBe(true);
  });

  it.each(tables)('%s refuses a non-ULID id', (table) => {
    for (const id of [
      '1',
      'not-a-ulid',
      newId().toLowerCase(),
      `${newId()}X`,
      '550e8400-e29b-41d4-a716-446655440000',
    ]) {
      expect(accepts(recordSchemas[table], { ...fixtures()[table], id }), id).toBe(false);
    }
  });

  it.each(tables)('%s refuses an ISO date where an HLC stamp belongs', (table) => {
    const rec = fixtures()[table];
    expect(accepts(recordSchemas[table], { ...rec, updatedAt: createdAt })).toBe(false);
    expect(accepts(recordSchemas[table], { ...rec, deletedAt: createdAt })).toBe(false);
    expect(accepts(recordSchemas[table], { ...rec, updatedAt: Date.now() })).toBe(false);
  });

  it.each(tables)('%s refuses a missing or malformed createdAt', (table) => {
    const { createdAt: _drop, ...rest } = fixtures()[table];
    expect(accepts(recordSchemas[table], rest)).toBe(false);
    expect(accepts(recordSchemas[table], { ...rest, createdAt: '23/11/2026' })).toBe(false);
  });

  it.each(MUTABLE_TABLES)('%s refuses an ISO date among the field stamps', (table) => {
    const rec = fixtures()[table];
    const stamps = rec.stamps as Record<string, string>;
    const [field] = Object.keys(stamps);
    expect(
      accepts(recordSchemas[table], { ...rec, stamps: { ...stamps, [field!]: createdAt } }),
    ).toBe(false);
    const { stamps: _drop, ...noStamps } = rec;
    expect(accepts(recordSchemas[table], noStamps)).toBe(false);
  });

  it.each(tables)('%s strips unknown keys such as "__proto__" and "isAdmin"', (table) => {
    const rec = fixtures()[table];
    const hostile = JSON.parse(
      JSON.stringify(rec).replace(
        /^\{/,
        '{"__proto__":{"isAdmin":true,"polluted":1},"isAdmin":true,"constructor":{"prototype":{"polluted":1}},',
      ),
    ) as Record<string, unknown>;
    expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
    const r = recordSchemas[table].safeParse(hostile);
    expect(r.success).toBe(true);
    const out = r.data as Record<string, unknown>;
    for (const key of ['__proto__', 'isAdmin', 'constructor']) {
      expect(Object.hasOwn(out, key), key).toBe(false);
    }
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'isAdmin')).toBe(false);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(out).toEqual(rec);
  });
});

describe('contactSchema', () => {
  it('refuses a phone whose e164 is not E.164', () => {
    const rec = fixtures().contacts;
    for (const e164 of [
      '081234567890',
      '6281234567890',
      '+62 812 3456 7890',
      '+0812345678',
      '+62',
      '+6281234567890123',
    ]) {
      const phones = [{ label: 'mobile', raw: '0812', e164 }];
      expect(accepts(contactSchema, { ...rec, phones }), e164).toBe(false);
    }
  });

  it('refuses an impossible birthday, a bad email and a blank name', () => {
    const rec = fixtures().contacts;
    expect(accepts(contactSchema, { ...rec, birthday: '2026-02-30' })).toBe(false);
    expect(accepts(contactSchema, { ...rec, email: 'siti' })).toBe(false);
    expect(accepts(contactSchema, { ...rec, name: '   ' })).toBe(false);
    expect(accepts(contactSchema, { ...rec, mergedInto: 'someone' })).toBe(false);
    expect(accepts(contactSchema, { ...rec, mergedInto: newId() })).toBe(true);
  });

  it('strips unknown keys inside a phone entry too', () => {
    const rec = fixtures().contacts;
    const phones = [{ label: 'mobile', raw: '0812', e164: '+6281234567890', isAdmin: true }];
    const out = contactSchema.parse({ ...rec, phones });
    expect(Object.hasOwn(out.phones[0]!, 'isAdmin')).toBe(false);
  });
});

describe('saleSchema', () => {
  const rec = () => fixtures().sales;

  it('refuses a fractional, zero, negative or unsafe rupiah amount', () => {
    for (const amount of [1250.5, 0.01, 0, -5000, 2 ** 53, Number.NaN, '1250000']) {
      expect(accepts(saleSchema, { ...rec(), amount }), String(amount)).toBe(false);
    }
  });

  it('accepts a refund with or without the sale it reverses (an imported cancellation)', () => {
    // A POS "C" invoice whose sale is not in the file still lowers the customer's spend.
    expect(accepts(saleSchema, { ...rec(), kind: 'refund' })).toBe(true);
    expect(accepts(saleSchema, { ...rec(), kind: 'refund', reversesId: saleId })).toBe(true);
    expect(accepts(saleSchema, { ...rec(), kind: 'refund', reversesId: 'sale-1' })).toBe(false);
    expect(accepts(saleSchema, { ...rec(), kind: 'purchase', reversesId: saleId })).toBe(false);
  });

  it('keeps the lines of a line-item sale', () => {
    const lines = [{ item: 'Kopi susu', quantity: 2, unitPrice: 18_000, amount: 36_000 }];
    expect(accepts(saleSchema, { ...rec(), lines })).toBe(true);
    expect(accepts(saleSchema, { ...rec(), lines: [{ ...lines[0], quantity: -1 }] })).toBe(false);
  });
});

describe('feedbackSchema', () => {
  const rec = () => fixtures().feedback;

  it.each([
    ['nps', 0, true],
    ['nps', 10, true],
    ['nps', 11, false],
    ['nps', -1, false],
    ['nps', 8.5, false],
    ['csat', 0, false],
    ['csat', 1, true],
    ['csat', 5, true],
    ['csat', 6, false],
    ['ces', 0, false],
    ['ces', 7, true],
    ['ces', 8, false],
  ] as const)('%s score %s accepted: %s', (type, score, ok) => {
    expect(accepts(feedbackSchema, { ...rec(), type, score })).toBe(ok);
  });
});

describe('ledgerEntrySchema', () => {
  const rec = () => fixtures().ledger;

  it('refuses a redeem with positive points and accepts a negative one', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'redeem', points: 50 })).toBe(false);
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'redeem', points: -50 })).toBe(true);
  });

  it('refuses earned or bonus points that are not positive, and zero points anywhere', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'earn', points: -10 })).toBe(false);
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'bonus', points: -10 })).toBe(false);
    for (const kind of ['earn', 'redeem', 'adjust', 'reversal', 'bonus']) {
      expect(accepts(ledgerEntrySchema, { ...rec(), kind, points: 0, reason: 'x' }), kind).toBe(
        false,
      );
    }
  });

  it('refuses fractional points', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), points: 12.5 })).toBe(false);
  });

  it('refuses an adjustment without a reason', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'adjust', points: -20 })).toBe(false);
    expect(
      accepts(ledgerEntrySchema, { ...rec(), kind: 'adjust', points: -20, reason: '  ' }),
    ).toBe(false);
    expect(
      accepts(ledgerEntrySchema, { ...rec(), kind: 'adjust', points: -20, reason: 'Koreksi' }),
    ).toBe(true);
  });

  it('lets a reversal go either way', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'reversal', points: -125 })).toBe(true);
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'reversal', points: 125 })).toBe(true);
  });

  it('has no expire kind (expiry is derived, never written)', () => {
    expect(accepts(ledgerEntrySchema, { ...rec(), kind: 'expire', points: -10 })).toBe(false);
  });
});

describe('other mutable schemas', () => {
  it('followUp refuses an unknown repeat rule and a blank title', () => {
    const rec = fixtures().followUps;
    expect(accepts(followUpSchema, { ...rec, repeat: 'daily' })).toBe(false);
    expect(accepts(followUpSchema, { ...rec, title: ' ' })).toBe(false);
  });

  it('note refuses an unknown kind and a non-ULID contactId', () => {
    const rec = fixtures().notes;
    expect(accepts(noteSchema, { ...rec, kind: 'tweet' })).toBe(false);
    expect(accepts(noteSchema, { ...rec, contactId: 'c1' })).toBe(false);
  });

  it('template needs both languages', () => {
    const rec = fixtures().templates;
    expect(accepts(templateSchema, { ...rec, body: { en: 'Hi' } })).toBe(false);
  });

  it('setting refuses a malformed key and a non-JSON value, and keeps a JSON value', () => {
    const rec = fixtures().settings;
    expect(accepts(settingSchema, { ...rec, key: 'Loyalty' })).toBe(false);
    expect(accepts(settingSchema, { ...rec, key: '__proto__' })).toBe(false);
    expect(accepts(settingSchema, { ...rec, value: () => 1 })).toBe(false);
    expect(accepts(settingSchema, { ...rec, value: undefined })).toBe(false);
    expect(settingSchema.parse({ ...rec, value: [1, 'a', null, { b: true }] }).value).toEqual([
      1,
      'a',
      null,
      { b: true },
    ]);
  });

  it('setting value does not let "__proto__" inside the JSON change prototypes', () => {
    const rec = fixtures().settings;
    const value = JSON.parse('{"__proto__":{"isAdmin":true},"a":1}') as unknown;
    const out = settingSchema.parse({ ...rec, value }).value as Record<string, unknown>;
    expect(out.isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
