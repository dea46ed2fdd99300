/**
 * Which column of a CSV holds what. The guess knows the headers of Google Contacts (old and
 * new export), Outlook and what Indonesian shops write by hand ("Nama", "No HP", "Alamat",
 * "Tanggal Lahir"); the user can change every choice before anything is imported.
 */
import type { PhoneLabel } from '../schemas/contact';
import { foldText } from '../text';
import type { RawContact } from './import-rows';
import { phoneLabelFrom, splitPhones, splitTags } from './import-values';

export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'phone',
  'email',
  'address',
  'city',
  'birthday',
  'gender',
  'tags',
  'source',
  'note',
  'consent',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number] | 'ignore';

export interface ColumnMapping {
  field: ImportField;
  /** For a phone column: the label its numbers get. */
  phoneLabel?: PhoneLabel;
}

/** "E-mail 1 - Value" -> "e mail 1 value". */
const normalizeHeader = (h: string): string =>
  foldText(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Ordered: the first rule that matches wins, so specific rules come before general ones. */
const RULES: [RegExp, ImportField][] = [
  // Describing columns of another column ("Phone 1 - Label", "E-mail 1 - Type") hold no data.
  [/\b(label|type|jenis nomor)$/, 'ignore'],
  [/^(labels|group membership|categories|kategori|tags?|grup|kelompok|segmen)$/, 'tags'],
  // Google splits an address into parts beside "Address 1 - Formatted"; the parts would repeat it.
  [/^address \d+ (street|po box|region|postal code|country|extended address|neighborhood)$/, 'ignore'],
  [/\b(fax|pager|display name|file as)\b|^(nickname|title|suffix|initials)$/, 'ignore'],
  [/\b(e ?mail|surel|surat elektronik)\b/, 'email'],
  [/\b(phone|telepon|telp|tlp|tel|handphone|ponsel|hp|wa|whatsapp|mobile|cell|nomor|no)\b/, 'phone'],
  [/^(first name|given name|nama depan|nama panggilan)$/, 'firstName'],
  [/^(middle name|additional name|nama tengah)$/, 'middleName'],
  [/^(last name|family name|surname|nama belakang|nama keluarga)$/, 'lastName'],
  [/\b(birthday|birth date|date of birth|dob|tanggal lahir|tgl lahir|ulang tahun|ultah|lahir)\b/, 'birthday'],
  [/\b(city|kota|kabupaten|kab)\b/, 'city'],
  [/\b(address|alamat|street|jalan)\b/, 'address'],
  [/^(gender|sex|jenis kelamin|kelamin|jk|l p)$/, 'gender'],
  [/^(source|sumber|asal|asal pelanggan|sumber pelanggan|channel)$/, 'source'],
  [/\b(consent|persetujuan|izin promosi|setuju promosi|menerima promosi|receive promotions|opt in)\b/, 'consent'],
  [/^(notes?|catatan|keterangan|ket|memo|comment|komentar)$/, 'note'],
  [/^(name|nama|full name|nama lengkap|nama pelanggan|customer name|nama customer|pelanggan|customer|contact|kontak)$/, 'name'],
]; // prettier-ignore

export function guessColumn(header: string): ColumnMapping {
  const h = normalizeHeader(header);
  if (h === '') return { field: 'ignore' };
  const rule = RULES.find(([re]) => re.test(h));
  const field = rule ? rule[1] : 'ignore';
  return field === 'phone' ? { field, phoneLabel: phoneLabelFrom(header) } : { field };
}

export function guessMapping(headers: readonly string[]): ColumnMapping[] {
  return headers.map(guessColumn);
}

/** A file can only be imported when some column gives the contact a name. */
export function hasNameColumn(mapping: readonly ColumnMapping[]): boolean {
  return mapping.some((m) => ['name', 'firstName', 'lastName'].includes(m.field));
}

/**
 * One CSV row as a RawContact. Several columns may feed one field: phones and tags add up,
 * address parts join with ", ", notes with a new line, the first non-empty name wins (or the
 * first/middle/last names joined).
 */
export function rowToRaw(
  cells: readonly string[],
  mapping: readonly ColumnMapping[],
  line: number,
): RawContact {
  const raw: RawContact = {
    line,
    name: '',
    phones: [],
    emails: [],
    tags: [],
    original: [...cells],
  };
  const parts: Record<'firstName' | 'middleName' | 'lastName', string[]> = {
    firstName: [],
    middleName: [],
    lastName: [],
  };
  const address: string[] = [];
  const notes: string[] = [];
  mapping.forEach((m, i) => {
    // Undo our own export's guard against spreadsheet formulas ("'+62812…" -> "+62812…").
    const value = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
    if (value === '') return;
    switch (m.field) {
      case 'name':
        if (raw.name === '') raw.name = value;
        break;
      case 'firstName':
      case 'middleName':
      case 'lastName':
        parts[m.field].push(value);
        break;
      case 'phone':
        for (const p of splitPhones(value))
          raw.phones.push({ label: m.phoneLabel ?? 'mobile', raw: p });
        break;
      case 'email':
        raw.emails.push(...value.split(/:::|[;,\s]+/).filter(Boolean));
        break;
      case 'address':
        address.push(value);
        break;
      case 'city':
        raw.city ??= value;
        break;
      case 'birthday':
        raw.birthday ??= value;
        break;
      case 'gender':
        raw.gender ??= value;
        break;
      case 'tags':
        raw.tags.push(...splitTags(value));
        break;
      case 'source':
        raw.source ??= value;
        break;
      case 'note':
        notes.push(value);
        break;
      case 'consent':
        raw.consent ??= value;
        break;
      case 'ignore':
        break;
    }
  });
  if (raw.name === '')
    raw.name = [...parts.firstName, ...parts.middleName, ...parts.lastName].join(' ');
  if (address.length > 0) raw.address = address.join(', ');
  if (notes.length > 0) raw.note = notes.join('\n');
  return raw;
}
