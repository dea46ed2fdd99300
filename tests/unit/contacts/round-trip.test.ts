/**
 * #18.2: Kenal's own CSV and vCard exports re-import with no field lost or changed, for any
 * contact (fast-check), and the vCard folds at 75 octets without splitting a character.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactsToCsv, type ContactCsvHeaders } from '../../../shared/contacts/csv-write';
import { guessMapping, rowToRaw } from '../../../shared/contacts/import-mapping';
import { prepareRow } from '../../../shared/contacts/import-rows';
import { foldLine, parseVCards, writeVCards } from '../../../shared/contacts/vcard';
import type { ContactInputFields } from '../../../shared/contact-input';
import type { Contact } from '../../../shared/schemas';

export const EN_HEADERS: ContactCsvHeaders = {
  name: 'Name',
  nickname: 'Nickname',
  organization: 'Company',
  jobTitle: 'Job title',
  phone: 'Phone',
  email: 'E-mail',
  label: 'Label',
  address: 'Address',
  city: 'City',
  website: 'Website',
  birthday: 'Birthday',
  gender: 'Gender',
  tags: 'Tags',
  source: 'Source',
  channel: 'Preferred channel',
  consent: 'Agrees to receive promotions',
  consentAt: 'Consent date',
  note: 'Note',
};
const ID_HEADERS: ContactCsvHeaders = {
  name: 'Nama',
  nickname: 'Panggilan',
  organization: 'Perusahaan',
  jobTitle: 'Jabatan',
  phone: 'Nomor HP',
  email: 'E-mail',
  label: 'Label',
  address: 'Alamat',
  city: 'Kota',
  website: 'Situs web',
  birthday: 'Ulang tahun',
  gender: 'Jenis kelamin',
  tags: 'Tag',
  source: 'Sumber',
  channel: 'Saluran favorit',
  consent: 'Setuju menerima promosi',
  consentAt: 'Tanggal persetujuan',
  note: 'Catatan',
};

// Pieces other software and people write: accents, CJK, emoji, quotes, separators, formulas.
const word = fc.constantFrom(
  'Siti', 'Zoë', 'Budi', 'José', '山田', '太郎', 'O\'Neil', 'Ayu', '😀', '👩‍👩‍👧', 'Nguyễn', 'a,b', 'x;y', '"Bos"', '=SUM(1)',
); // prettier-ignore
const text = (max: number) =>
  fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const PHONES = [
  { raw: '0812-3456-7890', e164: '+6281234567890' },
  { raw: '+62 857 1111 2222', e164: '+6285711112222' },
  { raw: '(021) 555 1234', e164: '+62215551234' },
  { raw: '62811223344', e164: '+62811223344' },
  { raw: '+1 650 555 1212 ext. 12', e164: '+16505551212', ext: '12' },
  { raw: '+81 90-1234-5678', e164: '+819012345678' },
];
const phoneLabel = fc.oneof(
  fc.record({ label: fc.constantFrom('mobile', 'whatsapp', 'home', 'work', 'other' as const) }),
  // A custom label is stored with the label it reads as.
  fc.constantFrom(
    { label: 'mobile' as const, customLabel: 'HP Istri' },
    { label: 'work' as const, customLabel: 'Kantor pusat' },
    { label: 'mobile' as const, customLabel: 'Toko 😀' },
  ),
);

const contactArb = fc
  .record({
    name: text(3),
    nickname: optional(text(1)),
    organization: optional(text(2)),
    jobTitle: optional(text(2)),
    phones: fc.uniqueArray(fc.constantFrom(...PHONES), { maxLength: 4, selector: (p) => p.e164 }),
    phoneLabels: fc.array(phoneLabel, { minLength: 4, maxLength: 4 }),
    unparsedPhones: fc.uniqueArray(fc.constantFrom('112', '12345', '(650) 555-1212'), {
      maxLength: 2,
    }),
    emails: fc.uniqueArray(fc.constantFrom('a@toko.id', 'b.c@example.com', 'zoe@mail.co.id'), {
      maxLength: 3,
    }),
    emailLabel: optional(fc.constantFrom('Work', 'Rumah', 'Toko 😀')),
    address: optional(text(3)),
    city: optional(fc.constantFrom('Jakarta', 'Bandung', 'Surabaya, Jawa Timur')),
    otherAddresses: fc.array(text(3), { maxLength: 2 }),
    websites: fc.uniqueArray(fc.constantFrom('https://toko.id', 'instagram.com/toko'), {
      maxLength: 2,
    }),
    birthday: fc.oneof(
      fc.constant({}),
      fc.constant({ birthday: '1990-08-17' }),
      fc.constantFrom({ birthMonthDay: '04-15' }, { birthMonthDay: '02-29' }),
    ),
    gender: optional(fc.constantFrom('female', 'male', 'other' as const)),
    tags: fc.uniqueArray(fc.constantFrom('VIP', 'Grosir', 'Zoë', '山田'), { maxLength: 3 }),
    source: optional(fc.constantFrom('instagram', 'walk-in', 'Pasar Baru')),
    note: fc.oneof(fc.constant(''), text(4), fc.constant('baris 1\nbaris 2, "kutip"; =1+1')),
  })
  .map((r): Contact => {
    const [email, ...otherEmails] = r.emails;
    const c: Contact = {
      id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '000001700000000-00000-abcdefabcdefabcd' as Contact['updatedAt'],
      stamps: {},
      name: r.name,
      phones: r.phones.map((p, i) => ({ ...p, ...r.phoneLabels[i]! })),
      tags: r.tags,
      note: r.note,
      ...r.birthday,
    };
    const set = <K extends keyof Contact>(k: K, v: Contact[K] | undefined) => {
      if (v !== undefined && !(Array.isArray(v) && v.length === 0)) c[k] = v;
    };
    set('nickname', r.nickname);
    set('organization', r.organization);
    set('jobTitle', r.jobTitle);
    set('email', email);
    set('otherEmails', otherEmails);
    if (email && r.emailLabel) c.emailLabels = [{ email, label: r.emailLabel }];
    set('address', r.address);
    set('city', r.city);
    // Addresses after the first need a first (parseContactInput moves one up).
    if (r.address) set('otherAddresses', r.otherAddresses);
    set('websites', r.websites);
    set('gender', r.gender);
    set('source', r.source);
    set(
      'unparsedPhones',
      r.unparsedPhones.map((raw) => ({ label: 'mobile' as const, raw })),
    );
    return c;
  });

/** The fields a contact app's file carries (not Kenal's own state: consent date, stage, ids). */
function carried(c: Partial<ContactInputFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [
    'name', 'nickname', 'organization', 'jobTitle', 'phones', 'unparsedPhones', 'email',
    'otherEmails', 'emailLabels', 'address', 'city', 'otherAddresses', 'websites', 'birthday',
    'birthMonthDay', 'gender', 'tags', 'source', 'note',
  ] as const) {
    const v = c[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out;
} // prettier-ignore

const TODAY = '2026-06-01';

function viaCsv(c: Contact, headers: ContactCsvHeaders) {
  const [h, ...rows] = Papa.parse<string[]>(contactsToCsv([c], headers).slice(1), {
    skipEmptyLines: 'greedy',
  }).data;
  expect(rows).toHaveLength(1);
  return prepareRow(rowToRaw(rows[0]!, guessMapping(h!), 2), TODAY);
}

function viaVCard(c: Contact) {
  const r = parseVCards(writeVCards([c]));
  if (!r.ok) throw new Error('our vCard must parse');
  expect(r.contacts).toHaveLength(1);
  return prepareRow(r.contacts[0]!, TODAY);
}

describe('round trip through our own exports (#18.2)', () => {
  it('CSV (English and Indonesian headers) gives back every field unchanged', () => {
    fc.assert(
      fc.property(contactArb, fc.constantFrom(EN_HEADERS, ID_HEADERS), (c, headers) => {
        const back = viaCsv(c, headers);
        if (!back.ok) throw new Error(JSON.stringify(back));
        expect(carried(back.fields)).toEqual(carried(c));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('vCard gives back every field unchanged', () => {
    fc.assert(
      fc.property(contactArb, (c) => {
        const back = viaVCard(c);
        if (!back.ok) throw new Error(JSON.stringify(back));
        expect(carried(back.fields)).toEqual(carried(c));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('vCard folding (RFC 6350 section 3.2)', () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;

  it('no line is over 75 octets and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const folded = foldLine(`NOTE:${s}`);
        for (const l of folded.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${s}`);
      }),
    );
  });

  it('never splits an emoji or a multi-byte letter across lines', () => {
    const note = '😀'.repeat(40) + 'é'.repeat(40);
    const folded = foldLine(`NOTE:${note}`);
    for (const l of folded.split('\r\n')) {
      expect(l).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(l).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
      expect(octets(l)).toBeLessThanOrEqual(75);
    }
    const text = writeVCards([
      {
        id: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '000001700000000-00000-abcdefabcdefabcd' as Contact['updatedAt'],
        stamps: {},
        name: 'Zoë 😀',
        phones: [],
        tags: [],
        note,
      },
    ]);
    for (const l of text.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
    const back = parseVCards(text);
    expect(back.ok && back.contacts[0]?.note).toBe(note);
  });
});
