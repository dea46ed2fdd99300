import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  guessColumn,
  guessMapping,
  hasNameColumn,
  rowToRaw,
} from '../../../shared/contacts/import-mapping';
import { prepareRow } from '../../../shared/contacts/import-rows';
import { parseLooseDate } from '../../../shared/contacts/import-values';

const fixture = (name: string) => readFileSync(`tests/fixtures/contacts/${name}`, 'utf8');
const fields = (headers: string[]) => guessMapping(headers).map((m) => m.field);
const fields2 = (headers: string[], rows: string[][]) =>
  guessMapping(headers, rows).map((m) => m.field);

describe('guessing columns', () => {
  it('reads a Google Contacts export', () => {
    const [headers] = Papa.parse<string[]>(fixture('google-contacts.csv')).data;
    const m = guessMapping(headers!);
    const at = (h: string) => m[headers!.indexOf(h)];
    expect(at('First Name')?.field).toBe('firstName');
    expect(at('Last Name')?.field).toBe('lastName');
    expect(at('Phone 1 - Value')?.field).toBe('phone');
    expect(at('Phone 1 - Label')).toEqual({ field: 'label', group: 'phone 1' });
    expect(at('Phone 1 - Value')?.group).toBe('phone 1');
    expect(at('E-mail 1 - Value')?.field).toBe('email');
    expect(at('E-mail 1 - Label')).toEqual({ field: 'label', group: 'email 1' });
    expect(at('Address 1 - Formatted')?.field).toBe('address');
    expect(at('Address 1 - Street')?.field).toBe('ignore');
    expect(at('Address 1 - City')?.field).toBe('city');
    expect(at('Birthday')?.field).toBe('birthday');
    expect(at('Labels')?.field).toBe('tags');
    expect(at('Notes')?.field).toBe('note');
    expect(at('Organization Name')?.field).toBe('organization');
    expect(at('Organization Title')?.field).toBe('jobTitle');
    expect(at('Nickname')?.field).toBe('nickname');
    expect(hasNameColumn(m)).toBe(true);
  });

  it('reads an Outlook export, with phone labels from the header', () => {
    const headers = [
      'First Name',
      'Last Name',
      'E-mail Address',
      'E-mail Display Name',
      'Mobile Phone',
      'Home Phone',
      'Business Phone',
      'Business Fax',
      'Home Street',
      'Home City',
      'Birthday',
      'Categories',
      'Gender',
      'Notes',
    ];
    expect(fields(headers)).toEqual([
      'firstName',
      'lastName',
      'email',
      'ignore',
      'phone',
      'phone',
      'phone',
      'ignore',
      'address',
      'city',
      'birthday',
      'tags',
      'gender',
      'note',
    ]);
    expect(guessColumn('Home Phone').phoneLabel).toBe('home');
    expect(guessColumn('Business Phone').phoneLabel).toBe('work');
    expect(guessColumn('Mobile Phone').phoneLabel).toBe('mobile');
  });

  it('reads Indonesian headers as shops write them', () => {
    expect(
      fields([
        'Nama',
        'No HP',
        'No. WA',
        'Alamat',
        'Kota',
        'Tanggal Lahir',
        'Tgl. Lahir',
        'Jenis Kelamin',
        'Catatan',
        'Keterangan',
        'Sumber',
        'Nama Lengkap',
        'Nomor Telepon',
      ]),
    ).toEqual([
      'name',
      'phone',
      'phone',
      'address',
      'city',
      'birthday',
      'birthday',
      'gender',
      'note',
      'note',
      'source',
      'name',
      'phone',
    ]);
    expect(guessColumn('No. WA').phoneLabel).toBe('whatsapp');
  });

  it('knows when no column gives a name', () => {
    expect(hasNameColumn(guessMapping(['Kota', 'Catatan']))).toBe(false);
    expect(hasNameColumn(guessMapping(['Last Name']))).toBe(true);
  });

  it("keeps an unknown column as the shop's own field named by its header, never a guess", () => {
    expect(guessMapping(['Warna favorit', '', 'Nama Toko'])).toEqual([
      { field: 'custom', customName: 'Warna favorit' },
      { field: 'ignore' },
      { field: 'custom', customName: 'Nama Toko' },
    ]);
  });

  it('ignores a kept column that is empty, or the same word in every row (Outlook "Priority")', () => {
    const headers = ['Name', 'Member level', 'Empty', 'Same'];
    const rows = Array.from({ length: 6 }, (_, i) => [`P${i}`, i % 2 ? 'Gold' : 'Silver', '', 'x']);
    expect(fields2(headers, rows)).toEqual(['name', 'custom', 'ignore', 'ignore']);
    // Two rows that agree are not "every row of many": still kept.
    expect(fields2(['Level'], [['Gold'], ['Gold']])).toEqual(['custom']);
  });

  it("recognises a column named like one of the shop's fields, before the built-in guesses", () => {
    expect(guessMapping(['No. Member'], [], ['no member'])).toEqual([
      { field: 'custom', customName: 'No. Member' },
    ]);
    expect(fields(['No. Member'])).toEqual(['phone']);
  });
});

describe('rows of a Google Contacts export', () => {
  const [headers, ...rows] = Papa.parse<string[]>(fixture('google-contacts.csv'), {
    skipEmptyLines: 'greedy',
  }).data;
  const mapping = guessMapping(headers!);
  const prepared = rows.map((r, i) => prepareRow(rowToRaw(r, mapping, i + 2), '2026-01-01'));

  it('joins first and last names, splits several numbers in one cell, drops Google system labels', () => {
    const budi = prepared[1]!;
    expect(budi.ok).toBe(true);
    if (!budi.ok) return;
    expect(budi.fields.name).toBe('Budi Santoso');
    expect(budi.fields.phones.map((p) => p.e164)).toEqual([
      '+6285711112222',
      '+6281322223333',
      '+62215551234',
    ]);
    expect(budi.fields.city).toBe('Jakarta Selatan');
    const siti = prepared[0]!;
    if (!siti.ok) throw new Error('Siti should import');
    expect(siti.fields.tags).toEqual(['Pelanggan', 'VIP']);
    expect(siti.fields.birthday).toBe('1990-08-17');
    expect(siti.fields.email).toBe('siti.rahayu@gmail.com');
    expect(siti.fields.address).toContain('Malioboro');
  });

  it('keeps a birthday without a year as a month and day', () => {
    const dewi = prepared[2]!;
    if (!dewi.ok) throw new Error('Dewi should import');
    expect(dewi.fields.birthday).toBeUndefined();
    expect(dewi.fields.birthMonthDay).toBe('03-21');
  });

  it('keeps every contact: impossible dates, a company-only row and short codes are flagged, not refused (#18.1)', () => {
    expect(prepared.every((r) => r.ok)).toBe(true);
    const ok = prepared.flatMap((r) => (r.ok ? [r] : []));
    const [, , , made, pt, agus] = ok;
    expect(made!.line).toBe(5);
    expect(made!.warnings).toEqual([
      { field: 'birthday', message: 'errors.dateInvalid', value: '1985-13-40' },
    ]);
    expect(made!.fields.note).toContain('1985-13-40');
    expect(pt!.fields.name).toBe('PT Tanpa Nama');
    expect(pt!.fields.organization).toBe('PT Tanpa Nama');
    expect(agus!.fields.phones).toEqual([]);
    expect(agus!.fields.unparsedPhones).toEqual([{ label: 'mobile', raw: '12345' }]);
    expect(agus!.warnings).toEqual([
      { field: 'phone', message: 'errors.phoneInvalid', value: '12345' },
    ]);
  });
});

describe('loose dates', () => {
  it('reads the ways Indonesians and tools write a date', () => {
    expect(parseLooseDate('17/08/1990')).toBe('1990-08-17');
    expect(parseLooseDate('17-08-1990')).toBe('1990-08-17');
    expect(parseLooseDate('17.08.1990')).toBe('1990-08-17');
    expect(parseLooseDate('8/17/1990')).toBe('1990-08-17');
    expect(parseLooseDate('19900817')).toBe('1990-08-17');
    expect(parseLooseDate('17 Agustus 1990')).toBe('1990-08-17');
    expect(parseLooseDate('Aug 17, 1990')).toBe('1990-08-17');
    expect(parseLooseDate('1 Januari 80', 2026)).toBe('1980-01-01');
  });
  it('refuses what is not a date', () => {
    for (const v of ['31/02/1990', '1985-13-40', 'besok', '--08-17', '12345'])
      expect(parseLooseDate(v), v).toBeUndefined();
  });
});
