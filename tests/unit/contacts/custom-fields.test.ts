/**
 * #18.8: the shop's own contact fields. No column of a file has to be thrown away: a column no
 * built-in field takes (or a vCard X- property) is kept as a field, exported back under its
 * name, re-imported into the same field, and each field syncs on its own.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactsToCsv, type ContactCsvHeaders } from '../../../shared/contacts/csv-write';
import {
  customFieldsFrom,
  planCustomFields,
  readCustomValue,
  type CustomFieldDef,
} from '../../../shared/contacts/custom-fields';
import { importFileSize, rawContactAt, readImportFile } from '../../../shared/contacts/import-file';
import { guessMapping, rowToRaw } from '../../../shared/contacts/import-mapping';
import { prepareRow, type PreparedRow } from '../../../shared/contacts/import-rows';
import { planMerge } from '../../../shared/contacts/merge';
import { customNamesIn, parseVCards, writeVCards } from '../../../shared/contacts/vcard';
import type { HlcStamp } from '../../../shared/hlc';
import { eraseMutable } from '../../../shared/privacy/erase';
import { applyPatch, createMutable } from '../../../shared/records';
import type { Contact } from '../../../shared/schemas';
import { contactSchema } from '../../../shared/schemas/contact';
import { stampsProblem } from '../../../shared/sync/guard';
import { mergeMutable } from '../../../shared/sync/merge';
import { detectEncoding } from '../../../shared/text-encoding';

const TODAY = '2026-06-01';
const EN_HEADERS: ContactCsvHeaders = {
  name: 'Name', nickname: 'Nickname', organization: 'Company', jobTitle: 'Job title',
  phone: 'Phone', email: 'E-mail', label: 'Label', address: 'Address', city: 'City',
  website: 'Website', birthday: 'Birthday', gender: 'Gender', tags: 'Tags', source: 'Source',
  channel: 'Preferred channel', consent: 'Agrees to receive promotions',
  consentAt: 'Consent date', note: 'Note',
}; // prettier-ignore
// Field ids are ULIDs (Crockford's base 32: no I, L, O or U).
const LEVEL = '01J00000000000000000000AAA';
const SIZE = '01J00000000000000000000BBB';
const SINCE = '01J00000000000000000000CCC';
const TIER = '01J00000000000000000000DDD';
const DEFS: CustomFieldDef[] = [
  { id: LEVEL, name: 'Member level', type: 'text' },
  { id: SIZE, name: 'Shoe size', type: 'number' },
  { id: SINCE, name: 'Member since', type: 'date' },
  { id: TIER, name: 'Tier', type: 'choice', options: ['Gold', 'Silver'] },
];
const stamp = (ms: number, device = 'AAAAAAAAAAAAAAAA') =>
  `${String(ms).padStart(15, '0')}-00000-${device}` as HlcStamp;
const contact = (fields: Partial<Contact> = {}): Contact =>
  createMutable(
    { name: 'Siti', phones: [], tags: [], note: '', ...fields },
    { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', createdAt: '2026-01-01T00:00:00.000Z', stamp: stamp(1) },
  ) as Contact;

describe('values by type', () => {
  it('reads numbers, dates and choices, and never guesses', () => {
    expect(readCustomValue(DEFS[1]!, ' 12,5 ')).toEqual({ ok: true, value: '12.5' });
    expect(readCustomValue(DEFS[1]!, '1.250.000').ok).toBe(false);
    expect(readCustomValue(DEFS[2]!, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readCustomValue(DEFS[2]!, '2023-02-29').ok).toBe(false);
    expect(readCustomValue(DEFS[3]!, 'gold')).toEqual({ ok: true, value: 'Gold' });
    expect(readCustomValue(DEFS[3]!, 'Bronze').ok).toBe(false);
    expect(readCustomValue(DEFS[0]!, '  ')).toEqual({ ok: true, value: undefined });
  });

  it('a damaged definition in the settings is left out, the others stay', () => {
    const rows = [
      { key: `contactField.${LEVEL}`, value: { name: 'Member level', type: 'text' } },
      { key: `contactField.${SIZE}`, value: { name: '', type: 'text' } },
      { key: `contactField.${TIER}`, value: { name: 'Tier', type: 'choice' } },
      { key: 'contactField.__proto__', value: { name: 'x', type: 'text' } },
    ];
    expect(customFieldsFrom(rows).map((d) => d.id)).toEqual([LEVEL]);
  });

  it('a name the shop already has is that field; a new one is a new text field', () => {
    let n = 0;
    const plan = planCustomFields(['MEMBER-LEVEL', 'Hobi', 'hobi'], DEFS, () => `NEW${n++}`);
    expect(plan.created).toEqual([{ id: 'NEW0', name: 'Hobi', type: 'text' }]);
    expect([...plan.byName.values()].map((d) => d.id)).toEqual([LEVEL, 'NEW0']);
  });
});

describe('each field is its own last-writer-wins register (synced per field)', () => {
  it('two devices editing two fields of one contact both keep their edit', () => {
    const base = contact({ custom: { [LEVEL]: 'Silver', [SIZE]: '40' } });
    const a = applyPatch(
      base,
      { custom: { [LEVEL]: 'Gold', [SIZE]: '40' } },
      stamp(5, 'A'.repeat(16)),
    );
    const b = applyPatch(
      base,
      { custom: { [LEVEL]: 'Silver', [SIZE]: '41' } },
      stamp(6, 'B'.repeat(16)),
    );
    expect(a.changed).toEqual([`custom.${LEVEL}`]);
    expect(b.changed).toEqual([`custom.${SIZE}`]);
    const ab = mergeMutable(a.record, b.record).record;
    const ba = mergeMutable(b.record, a.record).record;
    expect(ab.custom).toEqual({ [LEVEL]: 'Gold', [SIZE]: '41' });
    expect(ba).toEqual(ab);
    expect(ab.stamps[`custom.${SIZE}`]).toBe(stamp(6, 'B'.repeat(16)));
    expect(ab.stamps).not.toHaveProperty('custom');
  });

  it('clearing a field is a stamped change that wins over an older value', () => {
    const base = contact({ custom: { [LEVEL]: 'Silver' } });
    const cleared = applyPatch(base, { custom: undefined }, stamp(9)).record;
    expect(cleared.custom).toBeUndefined();
    expect(mergeMutable(cleared, base).record.custom).toBeUndefined();
    expect(mergeMutable(base, cleared).record.custom).toBeUndefined();
  });

  it('a sync file may stamp custom.<id>, never a made-up key', () => {
    const ok = contact({ custom: { [LEVEL]: 'Gold' } });
    expect(contactSchema.safeParse(ok).success).toBe(true);
    expect(stampsProblem('contacts', ok)).toBeUndefined();
    expect(stampsProblem('contacts', { ...ok, stamps: { 'custom.__proto__': stamp(1) } })).toMatch(
      /not a field/,
    );
    expect(stampsProblem('contacts', { ...ok, stamps: { custom: stamp(1) } })).toMatch(
      /not a field/,
    );
    expect(contactSchema.safeParse({ ...ok, custom: { nope: 'x' } }).success).toBe(false);
  });

  it('erasing a customer erases their custom values too', () => {
    const c = contact({ custom: { [LEVEL]: 'Gold' } });
    const erased = eraseMutable('contacts', c, stamp(20));
    expect(erased.custom).toBeUndefined();
    expect(erased.stamps[`custom.${LEVEL}`]).toBe(stamp(20));
    // An older value arriving later does not bring it back.
    expect(mergeMutable(erased, c).record.custom).toBeUndefined();
  });

  it('merging a duplicate fills the fields the survivor has no value in', () => {
    const survivor = contact({ custom: { [LEVEL]: 'Gold' } });
    const loser = contact({ custom: { [LEVEL]: 'Silver', [SIZE]: '40' } });
    expect(planMerge(loser, survivor).custom).toEqual({ [LEVEL]: 'Gold', [SIZE]: '40' });
  });
});

// Values people type in their own fields: accents, emoji, separators, formulas, line breaks.
const valueArb = fc
  .array(
    fc.constantFrom('Gold', 'Zoë', '山田', '😀', 'a,b', 'x;y', '"q"', '=SUM(1)', '-5', '@x', '\\'),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((w) => w.join(' '));
const customArb = fc.record(
  { [LEVEL]: valueArb, [SIZE]: fc.constantFrom('40', '12.5', '-3'), [SINCE]: fc.constantFrom('2020-01-31', '2024-02-29'), [TIER]: fc.constantFrom('Gold', 'Silver') },
  { requiredKeys: [] },
); // prettier-ignore

function keptOk(row: PreparedRow) {
  if (!row.ok) throw new Error(JSON.stringify(row));
  return row;
}

describe('round trip through our own CSV and vCard (property)', () => {
  it('CSV: every custom value comes back into the same field, unchanged', () => {
    fc.assert(
      fc.property(customArb, (custom) => {
        const c = contact(Object.keys(custom).length > 0 ? { custom } : {});
        const [h, ...rows] = Papa.parse<string[]>(contactsToCsv([c], EN_HEADERS, undefined, DEFS).slice(1), {
          skipEmptyLines: 'greedy',
        }).data; // prettier-ignore
        const mapping = guessMapping(
          h!,
          rows,
          DEFS.map((d) => d.name),
        );
        const back = keptOk(
          prepareRow(rowToRaw(rows[0]!, mapping, 2), TODAY, { customFields: DEFS }),
        );
        expect(back.fields.custom).toEqual(c.custom);
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('vCard: every custom value comes back into the same field, unchanged', () => {
    fc.assert(
      fc.property(customArb, (custom) => {
        const c = contact(Object.keys(custom).length > 0 ? { custom } : {});
        const parsed = parseVCards(writeVCards([c], DEFS));
        if (!parsed.ok) throw new Error('our vCard must parse');
        const back = keptOk(prepareRow(parsed.contacts[0]!, TODAY, { customFields: DEFS }));
        expect(back.fields.custom).toEqual(c.custom);
      }),
      { numRuns: 80 },
    );
  });
});

describe('files made by other software', () => {
  it("an iPhone card's X- properties become fields; Apple's bookkeeping does not", () => {
    const text = readFileSync('tests/fixtures/contacts/iphone-social.vcf', 'utf8');
    const parsed = parseVCards(text);
    if (!parsed.ok) throw new Error('must parse');
    expect(customNamesIn(parsed.contacts)).toEqual([
      'Date (anniversary)',
      'Related name (spouse)',
      'Social profile (instagram)',
      'Social profile (twitter)',
      'Member level',
    ]);
    let n = 0;
    const ids = ['01J00000000000000000000A01', '01J00000000000000000000A02', '01J00000000000000000000A03', '01J00000000000000000000A04', '01J00000000000000000000A05']; // prettier-ignore
    const { byName } = planCustomFields(customNamesIn(parsed.contacts), [], () => ids[n++]!);
    const row = keptOk(
      prepareRow(parsed.contacts[0]!, TODAY, { customFields: [...byName.values()] }),
    );
    expect(row.fields.custom).toEqual({
      [ids[0]!]: '2015-06-20',
      [ids[1]!]: 'Agus Wijaya',
      [ids[2]!]: 'https://instagram.com/dewi.kue',
      [ids[3]!]: 'https://twitter.com/dewikue',
      [ids[4]!]: 'Gold',
    });
  });

  it('an Outlook CSV in Windows-1252 keeps its extra columns, skips its bookkeeping ones', async () => {
    const name = 'outlook-custom-columns-1252.csv';
    const bytes = new Uint8Array(readFileSync(`tests/fixtures/contacts/${name}`));
    const file = readImportFile(name, bytes, await detectEncoding(bytes));
    if (!file.ok || file.kind !== 'csv') throw new Error('must read');
    expect(file.encoding).toBe('windows-1252');
    const mapping = guessMapping(file.headers, file.rows);
    const kept = mapping.flatMap((m) => (m.field === 'custom' ? [m.customName] : []));
    expect(kept).toEqual(['Department', 'User 1', 'Ukuran Sepatu']);
    const defs: CustomFieldDef[] = [
      { id: LEVEL, name: 'Department', type: 'text' },
      { id: SIZE, name: 'Ukuran Sepatu', type: 'number' },
      { id: TIER, name: 'User 1', type: 'text' },
    ];
    const rows = Array.from({ length: importFileSize(file) }, (_, i) =>
      keptOk(prepareRow(rawContactAt(file, i, mapping), TODAY, { customFields: defs })),
    );
    expect(rows[0]!.fields.name).toBe('José Pérez');
    expect(rows[0]!.fields.custom).toEqual({
      [LEVEL]: 'Pembelian',
      [SIZE]: '42',
      [TIER]: 'Pelanggan grosir',
    });
    // "40½" is not a number: kept in the note and reported, never dropped or guessed.
    expect(rows[1]!.fields.custom).toBeUndefined();
    expect(rows[1]!.fields.note).toContain('Ukuran Sepatu: 40½');
    expect(rows[1]!.warnings).toContainEqual({
      field: 'Ukuran Sepatu',
      message: 'customFields.errors.number',
      value: '40½',
    });
    // A formula in a cell is kept as text, and our export defuses it again.
    expect(rows[2]!.fields.custom?.[TIER]).toBe("=cmd|' /C calc'!A0");
    const csv = contactsToCsv(
      [contact({ custom: rows[2]!.fields.custom })],
      EN_HEADERS,
      undefined,
      defs,
    );
    expect(csv).toContain(`,'=cmd|' /C calc'!A0`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });
});
