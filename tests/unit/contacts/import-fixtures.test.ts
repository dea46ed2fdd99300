/**
 * Files written the way other software writes them (tests/fixtures/contacts), read through the
 * same pipeline as the import worker: encoding, file kind, mapping, validation, plan.
 * The rule of #18: nobody in a file is lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importFileSize,
  rawContactAt,
  readImportFile,
  type ImportFile,
} from '../../../shared/contacts/import-file';
import { guessMapping } from '../../../shared/contacts/import-mapping';
import {
  planCounts,
  planImport,
  rowOutcomes,
  tallyOutcomes,
} from '../../../shared/contacts/import-plan';
import { prepareRow, type PreparedRow } from '../../../shared/contacts/import-rows';
import type { ContactInputFields } from '../../../shared/contact-input';
import { detectEncoding } from '../../../shared/text-encoding';

const TODAY = '2026-06-01';

async function read(name: string): Promise<Extract<ImportFile, { ok: true }>> {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/contacts/${name}`));
  // Detected as the worker does: the bytes first, the legacy detector when they cannot tell.
  const file = readImportFile(name, bytes, await detectEncoding(bytes));
  if (!file.ok) throw new Error(`${name}: ${file.error}`);
  return file;
}

// Read once, up front: reading detects the encoding, which may load jschardet (async).
const files: Record<string, Extract<ImportFile, { ok: true }>> = Object.fromEntries(
  await Promise.all(
    [
      'android-2.1.vcf',
      'google-contacts-2024.csv',
      'hostile.csv',
      'iphone.vcf',
      'outlook-windows-1252.csv',
      'shift-jis.csv',
      'utf16-excel.txt',
      'utf16be.csv',
    ].map(async (n) => [n, await read(n)] as const),
  ),
);

function prepared(file: Extract<ImportFile, { ok: true }>): PreparedRow[] {
  const mapping = file.kind === 'csv' ? guessMapping(file.headers) : [];
  return Array.from({ length: importFileSize(file) }, (_, i) =>
    prepareRow(rawContactAt(file, i, mapping), TODAY),
  );
}

function allKept(rows: PreparedRow[]): Extract<PreparedRow, { ok: true }>[] {
  const refused = rows.filter((r) => !r.ok);
  expect(refused).toEqual([]);
  return rows.flatMap((r) => (r.ok ? [r] : []));
}

const byName = <T extends { fields: ContactInputFields }>(rows: T[], name: string): T => {
  const r = rows.find((x) => x.fields.name === name);
  if (!r) throw new Error(`${name} is missing: ${rows.map((x) => x.fields.name).join(', ')}`);
  return r;
};

describe('Google Contacts CSV (2024 export header set)', () => {
  const file = files['google-contacts-2024.csv']!;
  const rows = allKept(prepared(file));

  it('keeps all 11 people, whatever is wrong with a field', () => {
    expect(file.encoding).toBe('utf-8');
    expect(rows).toHaveLength(11);
  });

  it('gives every field a home: company, title, nickname, labels, both addresses, website', () => {
    const siti = byName(rows, 'Siti Rahayu').fields;
    expect(siti).toMatchObject({
      nickname: 'Bu Siti',
      organization: 'Toko Batik Rahayu',
      jobTitle: 'Pemilik',
      birthday: '1990-08-17',
      note: 'Suka batik tulis\nBayar tunai',
      email: 'siti.rahayu@gmail.com',
      otherEmails: ['siti@batikrahayu.id'],
      emailLabels: [
        { email: 'siti.rahayu@gmail.com', label: 'Home' },
        { email: 'siti@batikrahayu.id', label: 'Work' },
      ],
      websites: ['https://instagram.com/batikrahayu'],
      city: 'Yogyakarta',
      otherAddresses: ['Pasar Beringharjo Blok A 3\nYogyakarta'],
    });
    expect(siti.phones[1]).toMatchObject({ customLabel: 'Toko', e164: '+62274555123' });
    const agus = byName(rows, 'Agus Salim').fields;
    expect(agus.phones.map((p) => p.label)).toEqual(['mobile', 'work', 'whatsapp']);
    const made = byName(rows, 'Ni Made Wirawan').fields;
    expect(made.phones[1]).toMatchObject({ customLabel: 'Fax', ext: '12' });
  });

  it('numbers without "+": 62811… once, a US number kept as typed and flagged', () => {
    expect(byName(rows, 'Dewi Lestari').fields.phones[0]?.e164).toBe('+62811223344');
    const john = byName(rows, 'John Miller');
    expect(john.fields.unparsedPhones).toEqual([{ label: 'work', raw: '(650) 555-1212' }]);
    expect(john.fields.phones.map((p) => p.e164)).toEqual(['+14155552671']);
    expect(john.warnings).toEqual([
      { field: 'phone', message: 'errors.phoneNeedsCountry', value: '(650) 555-1212' },
    ]);
  });

  it('a birthday without a year is kept as month and day; an impossible one goes to the note', () => {
    expect(byName(rows, 'Dewi Lestari').fields.birthMonthDay).toBe('04-15');
    const made = byName(rows, 'Ni Made Wirawan');
    expect(made.fields.birthday).toBeUndefined();
    expect(made.fields.note).toContain('1985-13-40');
    expect(made.warnings.map((w) => w.field)).toEqual(['birthday']);
  });

  it('a company-only row is named by its company, an e-mail-only row by its e-mail', () => {
    expect(byName(rows, 'PT Sinar Jaya').fields.organization).toBe('PT Sinar Jaya');
    expect(byName(rows, 'Budi Santoso').fields.email).toBe('budi.santoso@gmail.com');
  });

  it('the plan finds the duplicates inside the file: a shared number, and a name without contacts', () => {
    const plan = planImport(
      rows.map((r) => r.fields),
      () => undefined,
    );
    const counts = planCounts(plan);
    expect(counts).toEqual({ fresh: 9, inBook: 0, inFile: 2 });
    expect(tallyOutcomes(rowOutcomes(plan, 'skip'))).toEqual({ added: 9, merged: 0, skipped: 2 });
    expect(tallyOutcomes(rowOutcomes(plan, 'merge'))).toEqual({ added: 9, merged: 2, skipped: 0 });
  });
});

describe('Outlook CSV (Windows-1252, its header set)', () => {
  const file = files['outlook-windows-1252.csv']!;
  const rows = allKept(prepared(file));

  it('is read as Windows-1252: accents and smart quotes as they were typed', () => {
    expect(file.encoding).toBe('windows-1252');
    expect(rows.map((r) => r.fields.name)).toEqual(['José Pérez', 'Zoë Müller', 'Toko Ñandú']);
    expect(byName(rows, 'José Pérez').fields.note).toBe('Señor – “VIP” • café');
  });

  it('accepts Outlook\'s empty birthday (0/0/00) and "Unspecified" gender without a word', () => {
    const jose = byName(rows, 'José Pérez');
    expect(jose.fields.birthday).toBeUndefined();
    expect(jose.fields.gender).toBeUndefined();
    expect(jose.warnings.map((w) => w.field)).toEqual(['phone']);
    expect(byName(rows, 'Zoë Müller').fields.birthday).toBe('1990-08-17');
  });

  it('joins each address group (Business, Home) into one address', () => {
    const jose = byName(rows, 'José Pérez').fields;
    expect(jose.address).toBe('Jl. Sudirman Kav. 5, DKI Jakarta, 12190, Indonesia');
    expect(jose.city).toBe('Jakarta Selatan');
    expect(jose.otherAddresses).toEqual(['Jl. Kemang Raya 10, Jakarta']);
    expect(jose).toMatchObject({ organization: 'Café Niño', jobTitle: 'Gerente' });
  });
});

describe('iPhone vCard 3.0', () => {
  const rows = allKept(prepared(files['iphone.vcf']!));

  it('keeps all 5 cards, with item labels, the 1604 birthday, both addresses, the URL', () => {
    expect(rows).toHaveLength(5);
    const putri = byName(rows, 'Putri Kusuma').fields;
    expect(putri).toMatchObject({
      birthMonthDay: '04-15',
      nickname: 'Put',
      jobTitle: 'Manajer',
      websites: ['https://tokomaju.id'],
      otherAddresses: ['Jl. Tunjungan 1, Surabaya'],
      emailLabels: [{ email: 'putri@tokomaju.id', label: 'Work' }],
      note: 'Pelanggan sejak 2019\nSuka kopi',
    });
    expect(putri.birthday).toBeUndefined();
    expect(putri.phones[0]).toMatchObject({ customLabel: 'Toko', e164: '+6282144445555' });
  });

  it('reads quoted-printable emoji and names company-only and e-mail-only cards', () => {
    expect(byName(rows, 'Rina 🌸').fields.note).toBe('Suka 🌸 dan kopi ☕');
    expect(byName(rows, 'PT Sinar Jaya').fields.organization).toBe('PT Sinar Jaya');
    expect(byName(rows, 'Wulan Sari').fields.email).toBe('wulan.sari@yahoo.co.id');
    expect(byName(rows, 'Hendra Tan').fields.unparsedPhones?.map((p) => p.raw)).toEqual([
      '(650) 555-1212',
      '14045',
    ]);
  });
});

describe('Android vCard 2.1', () => {
  const rows = allKept(prepared(files['android-2.1.vcf']!));

  it('keeps all 3 cards: quoted-printable soft breaks, every NOTE, a custom TEL type, a photo', () => {
    expect(rows.map((r) => r.fields.name)).toEqual(['Ahmad Hidayat', '王小明', '0857-1234-0000']);
    const ahmad = rows[0]!.fields;
    expect(ahmad.note).toBe('Pesan kopi tiap Senin dan Kamis\nBayar transfer');
    expect(ahmad.phones).toHaveLength(3);
    expect(ahmad).toMatchObject({
      organization: 'Warung Kopi Braga',
      jobTitle: 'Barista',
      birthMonthDay: '04-15',
      city: 'Bandung',
    });
  });
});

describe('other encodings', () => {
  it('Shift_JIS (Japanese Windows) is detected and read', () => {
    const file = files['shift-jis.csv']!;
    expect(file.encoding).toBe('shift_jis');
    const rows = allKept(prepared(file));
    expect(rows.map((r) => r.fields.name)).toEqual(['山田太郎', '佐藤花子']);
    expect(rows[1]!.fields.note).toBe('ｶﾀｶﾅ も OK');
  });

  it('UTF-16 LE with BOM, tab-separated (Excel "Unicode text"), and UTF-16 BE', () => {
    const le = files['utf16-excel.txt']!;
    expect(le.encoding).toBe('utf-16le');
    expect(allKept(prepared(le)).map((r) => r.fields.name)).toEqual([
      'Zoë Anggraini',
      'Nguyễn Văn An',
    ]);
    const be = files['utf16be.csv']!;
    expect(be.encoding).toBe('utf-16be');
    expect(allKept(prepared(be))[0]!.fields.name).toBe('Şükrü Öztürk');
  });

  it('the same Windows-1252 bytes read as UTF-8 would be mangled: the choice matters', () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/contacts/outlook-windows-1252.csv'));
    const wrong = readImportFile('outlook.csv', bytes, 'utf-8', { kind: 'csv' });
    if (!wrong.ok || wrong.kind !== 'csv') throw new Error('read anyway when chosen');
    expect(wrong.rows[0]!.join(',')).toContain('Jos\uFFFD');
  });
});

describe('hostile CSV', () => {
  const rows = prepared(files['hostile.csv']!);

  it('keeps everyone who has anything to know them by, and refuses only the empty person', () => {
    expect(rows.filter((r) => !r.ok).map((r) => r.line)).toEqual([5]);
    expect(rows.filter((r) => r.ok)).toHaveLength(5);
  });

  it('keeps what it cannot use in the note, never on a prototype', () => {
    const ok = rows.flatMap((r) => (r.ok ? [r] : []));
    const long = ok.find((r) => r.fields.name.startsWith('Budi'))!;
    expect(long.fields.name).toHaveLength(200);
    expect(long.fields.phones).toHaveLength(20);
    expect(long.fields.note).toContain('0812 0000 1024');
    expect(long.fields.note).toContain('siti@@example.com');
    expect(long.fields.note).toContain('2999-01-01');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ok[0]!.fields.note).toContain('31/02/1990');
  });
});
