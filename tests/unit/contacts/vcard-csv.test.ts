import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactsToCsv, escapeCsvCell, writeCsv } from '../../../shared/contacts/csv-write';
import { detectFileKind } from '../../../shared/contacts/file-kind';
import { guessMapping, rowToRaw } from '../../../shared/contacts/import-mapping';
import { prepareRow } from '../../../shared/contacts/import-rows';
import { parseVCards, writeVCards } from '../../../shared/contacts/vcard';
import type { Contact } from '../../../shared/schemas';

const vcf = readFileSync('tests/fixtures/contacts/android-phone.vcf', 'utf8');

describe('parseVCards', () => {
  const r = parseVCards(vcf);
  if (!r.ok) throw new Error('fixture must parse');
  const [rina, joko, putri, andi] = r.contacts.map((c) => prepareRow(c, '2026-01-01'));

  it('reads vCard 2.1 from Android: bare TYPE params, quoted-printable UTF-8 and soft breaks', () => {
    expect(rina?.ok && rina.fields.name).toBe('Rina Wati');
    expect(rina?.ok && rina.fields.phones).toEqual([
      { label: 'mobile', raw: '0812-1111-2222', e164: '+6281211112222' },
      { label: 'home', raw: '0274-555-123', e164: '+62274555123' },
    ]);
    expect(joko?.ok && joko.fields.name).toBe('Jokó Prátama');
    expect(joko?.ok && joko.fields.note).toBe('Langganan kopi setiap minggu');
  });

  it('reads vCard 3.0 from an iPhone: item groups, repeated type params, ADR city, BDAY', () => {
    expect(putri?.ok && putri.fields.phones.map((p) => p.e164)).toEqual([
      '+6282144445555',
      '+6282266667777',
    ]);
    expect(putri?.ok && putri.fields.city).toBe('Surabaya');
    expect(putri?.ok && putri.fields.birthday).toBe('1995-02-14');
  });

  it('reads vCard 4.0: tel: URIs, quoted params, GENDER and CATEGORIES', () => {
    expect(andi?.ok && andi.fields.phones[0]?.e164).toBe('+6281122334455');
    expect(andi?.ok && andi.fields.gender).toBe('male');
    expect(andi?.ok && andi.fields.tags).toEqual(['Grosir', 'VIP']);
    expect(andi?.ok && andi.fields.email).toBe('andi@tokoandi.id');
  });

  it('refuses an empty file and one that is not a vCard', () => {
    expect(parseVCards('')).toEqual({ ok: false, error: 'empty' });
    expect(parseVCards('Nama,No HP\nSiti,0812')).toEqual({ ok: false, error: 'not-vcard' });
  });
});

const contact = (over: Partial<Contact>): Contact => ({
  id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '000001700000000-00000-abcdefabcdefabcd' as Contact['updatedAt'],
  stamps: {},
  name: 'Siti Rahayu',
  phones: [{ label: 'mobile', raw: '0812-3456-7890', e164: '+6281234567890' }],
  tags: [],
  note: '',
  ...over,
});

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, uses CRLF and quotes what needs quoting', () => {
    const csv = writeCsv([
      ['Nama', 'Catatan'],
      ['Zoë, "Ibu"', 'baris 1\nbaris 2'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFNama,Catatan\r\n"Zoë, ""Ibu""","baris 1\nbaris 2"\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("x")', '+62812', '-1', '@SUM(A1)'])
      expect(escapeCsvCell(v).replace(/^"/, '')).toMatch(/^'/);
    expect(escapeCsvCell('Siti')).toBe('Siti');
  });

  it('round-trips through our own import: the guessed mapping reads back every field', () => {
    const c = contact({
      name: 'Dewi "Ayu" Lestari',
      phones: [
        { label: 'mobile', raw: '+62 812 3456 7890', e164: '+6281234567890' },
        { label: 'work', raw: '(021) 555 1234', e164: '+62215551234' },
      ],
      email: 'dewi@example.id',
      city: 'Bandung',
      address: 'Jl. Braga 1, Bandung',
      birthday: '1990-08-17',
      tags: ['VIP', 'Grosir'],
      source: 'instagram',
      note: '=SUM(1)\nkedua',
    });
    const headers = {
      name: 'Nama',
      nickname: 'Nama panggilan',
      organization: 'Perusahaan',
      jobTitle: 'Jabatan',
      label: 'Label',
      website: 'Situs web',
      phone: 'Nomor HP',
      email: 'E-mail',
      address: 'Alamat',
      city: 'Kota',
      birthday: 'Ulang tahun',
      gender: 'Jenis kelamin',
      tags: 'Tag',
      source: 'Sumber',
      channel: 'Saluran favorit',
      consent: 'Setuju menerima promosi',
      consentAt: 'Tanggal persetujuan',
      note: 'Catatan',
    };
    const csv = contactsToCsv([c], headers);
    const [h, row] = Papa.parse<string[]>(csv.slice(1)).data;
    const back = prepareRow(rowToRaw(row!, guessMapping(h!), 2), '2026-01-01');
    if (!back.ok) throw new Error(JSON.stringify(back));
    expect(back.fields).toMatchObject({
      name: c.name,
      email: c.email,
      city: c.city,
      birthday: c.birthday,
      tags: c.tags,
      source: 'instagram',
    });
    expect(back.fields.phones.map((p) => p.e164)).toEqual(['+6281234567890', '+62215551234']);
  });
});

describe('vCard export', () => {
  it('writes vCard 3.0 that our reader (and phones) read back', () => {
    const text = writeVCards([
      contact({ name: 'Budi; Santoso, S.Kom', tags: ['VIP'], city: 'Medan', note: 'a\nb' }),
    ]);
    expect(text).toContain('VERSION:3.0');
    const r = parseVCards(text);
    if (!r.ok) throw new Error('must parse');
    const back = prepareRow(r.contacts[0]!, '2026-01-01');
    expect(back.ok && back.fields).toMatchObject({
      name: 'Budi; Santoso, S.Kom',
      tags: ['VIP'],
      city: 'Medan',
      note: 'a\nb',
    });
  });
});

describe('detectFileKind', () => {
  it('tells CSV and vCard apart and refuses the rest with a reason', () => {
    expect(detectFileKind('a.csv', 'Nama\nSiti')).toEqual({ ok: true, kind: 'csv' });
    expect(detectFileKind('a.vcf', vcf)).toEqual({ ok: true, kind: 'vcard' });
    expect(detectFileKind('a.csv', '  \n')).toEqual({ ok: false, error: 'empty' });
    expect(detectFileKind('a.xlsx', 'PK\u0003\u0004...')).toEqual({
      ok: false,
      error: 'not-contacts',
    });
    expect(detectFileKind('foto.jpg', 'abc')).toEqual({ ok: false, error: 'not-contacts' });
    expect(detectFileKind('a.vcf', 'hello')).toEqual({ ok: false, error: 'not-contacts' });
  });
});
