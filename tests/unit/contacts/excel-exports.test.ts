/**
 * Contacts kept in Excel by an Indonesian shop: "CSV UTF-8" with a BOM and ";" (the Indonesian
 * list separator), numbers Excel changed (a lost leading zero, "6,28123E+12"), and a hostile
 * cell far over any limit. Nobody in the file is lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFileSize, rawContactAt, readImportFile } from '../../../shared/contacts/import-file';
import { guessMapping } from '../../../shared/contacts/import-mapping';
import { prepareRow, type PreparedRow } from '../../../shared/contacts/import-rows';
import { splitPhones } from '../../../shared/contacts/import-values';
import { detectEncoding } from '../../../shared/text-encoding';

async function prepared(name: string, bytes?: Uint8Array): Promise<PreparedRow[]> {
  const b = bytes ?? new Uint8Array(readFileSync(`tests/fixtures/contacts/${name}`));
  const file = readImportFile(name, b, await detectEncoding(b));
  if (!file.ok) throw new Error(file.error);
  const mapping = file.kind === 'csv' ? guessMapping(file.headers, file.rows) : [];
  return Array.from({ length: importFileSize(file) }, (_, i) =>
    prepareRow(rawContactAt(file, i, mapping), '2026-12-04'),
  );
}

describe('an Excel "CSV UTF-8" file from an Indonesian Windows (";" and a BOM)', () => {
  it('keeps all 4 people with their numbers, birthdays and a ";" inside a quoted name', async () => {
    const rows = await prepared('excel-id-semicolon.csv');
    expect(rows.every((r) => r.ok)).toBe(true);
    const ok = rows.flatMap((r) => (r.ok ? [r.fields] : []));
    expect(ok.map((f) => f.name)).toEqual([
      'Budi Santoso',
      'Ani Wijaya',
      'Citra Lestari',
      'Dewi; Toko Kue',
    ]);
    // Excel dropped the leading zero: 81234567890 is still an Indonesian mobile.
    expect(ok[0]!.phones[0]!.e164).toBe('+6281234567890');
    expect(ok[1]!.birthday).toBe('1990-12-31');
  });

  it('a number Excel rounded ("6,28123E+12") is one value, kept as typed, with the reason', async () => {
    expect(splitPhones('6,28123E+12')).toEqual(['6,28123E+12']);
    const ani = (await prepared('excel-id-semicolon.csv'))[1]!;
    expect(ani.ok && ani.fields.unparsedPhones).toEqual([{ label: 'mobile', raw: '6,28123E+12' }]);
    expect(ani.ok && ani.warnings).toEqual([
      { field: 'phone', message: 'contacts.import.problems.excelNumber', value: '6,28123E+12' },
    ]);
  });
});

describe('a hostile cell', () => {
  it('a 200,000-character name costs nothing but its tail: the contact is kept and flagged', async () => {
    const csv = `Name,Phone\n${'A'.repeat(200_000)},0812-3456-7890\nSiti,0812-1111-2222\n`;
    const rows = await prepared('big.csv', new TextEncoder().encode(csv));
    expect(rows.map((r) => r.ok)).toEqual([true, true]);
    const first = rows[0]!;
    expect(first.ok && first.fields.name).toHaveLength(200);
    expect(first.ok && first.fields.note.length).toBeLessThan(10_100);
    expect(first.ok && first.warnings[0]).toMatchObject({
      field: 'name',
      message: 'errors.nameTooLong',
    });
  });
});

describe('a Samsung phone export (vCard 2.1)', () => {
  it('reads quoted-printable Chinese names, a card with no name, and a year-less birthday', async () => {
    const rows = await prepared('samsung-2.1.vcf');
    const ok = rows.flatMap((r) => (r.ok ? [r.fields] : []));
    expect(ok.map((f) => f.name)).toEqual(['王小明', '0812-9999-8888', 'Ratna Sari Kusuma']);
    expect(ok[0]!.phones.map((p) => p.e164)).toEqual(['+8613800138000', '+62215551234']);
    expect(ok[2]!.birthMonthDay).toBe('04-15');
    // The label the user made ("TEL;X-Toko:") is kept; the address's =0D=0A is one newline.
    expect(ok[2]!.phones[0]).toMatchObject({ raw: '0251-333444', customLabel: 'Toko' });
    expect(ok[2]!.address).toBe('Jl. Merdeka No.\n5');
  });
});
