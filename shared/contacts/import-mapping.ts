/**
 * Which column of a CSV holds what. The guess knows the headers of Google Contacts (old and
 * new export), Outlook and what Indonesian shops write by hand ("Nama", "No HP", "Alamat",
 * "Tanggal Lahir"); the user can change every choice before anything is imported.
 */
import type { PhoneLabel } from '../schemas/contact';
import { foldText } from '../text';
import { customNameKey } from './custom-fields';
import type { RawContact } from './import-rows';
import { phoneLabelFrom, splitPhones, splitTags } from './import-values';

export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'nickname',
  'organization',
  'jobTitle',
  'phone',
  'email',
  'label',
  'address',
  'city',
  'birthday',
  'gender',
  'website',
  'tags',
  'source',
  'note',
  'consent',
] as const;
/** `custom`: kept as the shop's own field named `customName` (#18.8). */
export type ImportField = (typeof IMPORT_FIELDS)[number] | 'custom' | 'ignore';

export interface ColumnMapping {
  field: ImportField;
  /** For a phone column: the label its numbers get. */
  phoneLabel?: PhoneLabel;
  /**
   * Columns that describe one thing share a group: "Phone 1 - Label" labels "Phone 1 - Value";
   * Outlook's "Home Street", "Home City" and "Home Postal Code" are one address.
   */
  group?: string;
  /** For a `custom` column: the name of the field it is kept as (the header by default). */
  customName?: string;
}

/** "E-mail 1 - Value" -> "e mail 1 value". */
const normalizeHeader = (h: string): string =>
  foldText(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Ordered: the first rule that matches wins, so specific rules come before general ones. */
const RULES: [RegExp, ImportField][] = [
  // Google's "Phone 1 - Label" / "E-mail 2 - Type" (and our "Nomor HP 1 - Label") name the
  // number or address of their group.
  [/\b\d+ (label|type|jenis|tipe)$/, 'label'],
  // Other describing columns ("Address 1 - Label", Outlook's "E-mail Type" = SMTP) hold no data.
  [/\b(label|type|jenis nomor)$/, 'ignore'],
  [/^(labels|group membership|categories|kategori|tags?|grup|kelompok|segmen)$/, 'tags'],
  // Google splits an address into parts beside "Address 1 - Formatted"; the parts would repeat it.
  [/^address \d+ (street|po box|region|postal code|country|extended address|neighborhood)$/, 'ignore'],
  // Outlook has no formatted address: its parts are joined, per group (Home, Business, Other).
  [/^(home|business|other) (street( \d)?|address po box|state|postal code|country( region)?)$/, 'address'],
  [/\b(fax|pager|display name|file as)\b|^(title|suffix|initials|name prefix|name suffix)$/, 'ignore'],
  // Outlook's and Google's bookkeeping columns: never data a shop typed.
  [/^(priority|sensitivity|private|mileage|billing information|directory server|internet free busy|photo)$/, 'ignore'],
  [/^(nickname|nama panggilan|panggilan|short name)$/, 'nickname'],
  [/^(company|organi[sz]ation( \d+)?( name)?|perusahaan|nama perusahaan|instansi)$/, 'organization'],
  [/^(job title|organi[sz]ation( \d+)? title|jabatan|pekerjaan|occupation|profession|position|posisi)$/, 'jobTitle'],
  [/^(web page|website( \d+ value)?|web|situs|situs web|url|profile url)$/, 'website'],
  [/\b(e ?mail|surel|surat elektronik)\b/, 'email'],
  [/\b(phone|telepon|telp|tlp|tel|handphone|ponsel|hp|wa|whatsapp|mobile|cell|nomor|no)\b/, 'phone'],
  [/^(first name|given name|nama depan)$/, 'firstName'],
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

/**
 * The group of a column: the header without its part words. "Phone 1 - Value" and
 * "Phone 1 - Label" -> "phone 1"; "Home Street 2" and "Home City" -> "home"; "Address 1 - City"
 * -> "address 1".
 */
function groupOf(h: string): string | undefined {
  const o = /^(home|business|other) (street|address po box|city|state|postal code|country)/.exec(h);
  if (o) return o[1];
  return /^(.*?\b\d+)\b/.exec(h)?.[1]?.replace(/^e mail\b/, 'email');
}

export function guessColumn(header: string): ColumnMapping {
  const h = normalizeHeader(header);
  if (h === '') return { field: 'ignore' };
  const rule = RULES.find(([re]) => re.test(h));
  // A column no built-in field takes is kept as the shop's own field, named by its header.
  if (!rule) return { field: 'custom', customName: header.trim().slice(0, 60) };
  const field = rule[1];
  const group = groupOf(h);
  const mapping: ColumnMapping =
    field === 'phone' ? { field, phoneLabel: phoneLabelFrom(header) } : { field };
  if (group !== undefined && field !== 'ignore') mapping.group = group;
  return mapping;
}

/**
 * The guess for every column. With the file's rows, a column kept as a new field that holds
 * nothing, or the same word in every row of many (Outlook's "Priority: Normal", "Private:
 * False"), is ignored instead: the preview still offers to keep it.
 */
export function guessMapping(
  headers: readonly string[],
  rows: readonly (readonly string[])[] = [],
  /** Names of the shop's own fields: a column by one of these names is that field. */
  customNames: readonly string[] = [],
): ColumnMapping[] {
  const known = new Set(customNames.map(customNameKey));
  return headers.map((header, i) => {
    if (known.has(customNameKey(header)) && customNameKey(header) !== '')
      return { field: 'custom', customName: header.trim().slice(0, 60) };
    const m = guessColumn(header);
    // "No" over 1, 2, 3... is a spreadsheet's row number, not a phone.
    if (
      m.field === 'phone' &&
      rows.length > 0 &&
      rows.every((r) => /^\d{0,4}\.?$/.test((r[i] ?? '').trim()))
    )
      return { field: 'ignore' };
    if (m.field !== 'custom' || rows.length === 0) return m;
    const values = new Set<string>();
    for (const row of rows) {
      const v = (row[i] ?? '').trim();
      if (v !== '') values.add(v);
      if (values.size > 1) return m;
    }
    return values.size === 0 || rows.length >= 5 ? { field: 'ignore' } : m;
  });
}

/** Fields a contact can be named from (#18: a company-only or e-mail-only row has a name). */
const NAMING_FIELDS: readonly ImportField[] = [
  'name',
  'firstName',
  'lastName',
  'nickname',
  'organization',
  'email',
];

/** A file can only be imported when some column can give the contact a name. */
export function hasNameColumn(mapping: readonly ColumnMapping[]): boolean {
  return mapping.some((m) => NAMING_FIELDS.includes(m.field));
}

/** "* Mobile" (Google marks the primary with "* ") -> "Mobile"; several values split on ":::". */
const labelsIn = (cell: string): string[] =>
  cell.split(':::').map((s) => s.trim().replace(/^\*\s*/, ''));

/** Labels Google and Outlook write that our phone labels already say. */
export const PLAIN_LABEL = /^(mobile|cell|home|work|other|main|whatsapp)$/i;

/**
 * One CSV row as a RawContact. Several columns may feed one field: phones, e-mails and tags add
 * up, notes join with a new line, the first non-empty name wins (or the first/middle/last names
 * joined). Address columns of one group make one address; each group is its own address.
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
  const addresses = new Map<string, { parts: string[]; city?: string }>();
  const addressOf = (group: string) => {
    let a = addresses.get(group);
    if (!a) addresses.set(group, (a = { parts: [] }));
    return a;
  };
  const notes: string[] = [];
  const websites: string[] = [];
  const labels = new Map<string, string[]>();
  const phoneGroups: { group: string; from: number; count: number }[] = [];
  const emailGroups: { group: string; from: number; count: number }[] = [];
  const value = (i: number) =>
    // Undo our own export's guard against spreadsheet formulas ("'+62812…" -> "+62812…").
    (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
  mapping.forEach((m, i) => {
    if (m.field === 'label' && m.group !== undefined) {
      const v = value(i);
      if (v !== '') labels.set(m.group, labelsIn(v));
    }
  });
  mapping.forEach((m, i) => {
    const v = value(i);
    if (v === '') return;
    // Address and city columns without a group ("Alamat", "Kota") are one address.
    const group = m.group ?? (m.field === 'address' || m.field === 'city' ? '' : `column ${i}`);
    switch (m.field) {
      case 'name':
        if (raw.name === '') raw.name = v;
        break;
      case 'firstName':
      case 'middleName':
      case 'lastName':
        parts[m.field].push(v);
        break;
      case 'nickname':
        raw.nickname ??= v;
        break;
      case 'organization':
        raw.organization ??= v;
        break;
      case 'jobTitle':
        raw.jobTitle ??= v;
        break;
      case 'website':
        websites.push(...v.split(/:::|\s+/).filter(Boolean));
        break;
      case 'phone': {
        const numbers = splitPhones(v);
        phoneGroups.push({ group, from: raw.phones.length, count: numbers.length });
        for (const p of numbers) raw.phones.push({ label: m.phoneLabel ?? 'mobile', raw: p });
        break;
      }
      case 'email': {
        const list = v.split(/:::|[;,\s]+/).filter(Boolean);
        emailGroups.push({ group, from: raw.emails.length, count: list.length });
        raw.emails.push(...list);
        break;
      }
      case 'address':
        addressOf(group).parts.push(v);
        break;
      case 'city':
        addressOf(group).city ??= v;
        break;
      case 'birthday':
        raw.birthday ??= v;
        break;
      case 'gender':
        raw.gender ??= v;
        break;
      case 'tags':
        raw.tags.push(...splitTags(v));
        break;
      case 'source':
        raw.source ??= v;
        break;
      case 'note':
        notes.push(v);
        break;
      case 'consent':
        raw.consent ??= v;
        break;
      case 'custom':
        if (m.customName) (raw.custom ??= []).push({ name: m.customName, value: v });
        break;
      case 'label':
      case 'ignore':
        break;
    }
  });
  for (const g of phoneGroups) {
    const l = labels.get(g.group);
    if (!l) continue;
    for (let k = 0; k < g.count; k++) {
      const text = l[Math.min(k, l.length - 1)] ?? '';
      const phone = raw.phones[g.from + k]!;
      if (text === '') continue;
      phone.label = phoneLabelFrom(text);
      if (!PLAIN_LABEL.test(text)) phone.customLabel = text;
    }
  }
  for (const g of emailGroups) {
    const l = labels.get(g.group);
    if (!l) continue;
    for (let k = 0; k < g.count; k++) {
      const text = l[Math.min(k, l.length - 1)] ?? '';
      if (text !== '')
        (raw.emailLabels ??= []).push({ email: raw.emails[g.from + k]!, label: text });
    }
  }
  if (raw.name === '')
    raw.name = [...parts.firstName, ...parts.middleName, ...parts.lastName].join(' ');
  const found = [...addresses.values()];
  const [first, ...others] = found;
  if (first) {
    if (first.parts.length > 0) raw.address = first.parts.join(', ');
    if (first.city !== undefined) raw.city = first.city;
  }
  const otherAddresses = others
    // Google's formatted address already names the city: not twice.
    .map((a) =>
      [...a.parts, ...(a.city && !a.parts.some((p) => p.includes(a.city!)) ? [a.city] : [])].join(
        ', ',
      ),
    )
    .filter((a) => a !== '');
  if (otherAddresses.length > 0) raw.otherAddresses = otherAddresses;
  if (websites.length > 0) raw.websites = websites;
  if (notes.length > 0) raw.note = notes.join('\n');
  return raw;
}
