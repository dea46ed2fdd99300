/**
 * CSV that Excel opens correctly: a UTF-8 byte-order mark (or Excel guesses the wrong encoding
 * and "Zoë" becomes "ZoÃ«"), CRLF line ends, RFC 4180 quoting, and cells that start with
 * = + - @ (or a tab / carriage return) prefixed with ' so a spreadsheet never runs them as a
 * formula (CSV injection).
 */
import type { Contact } from '../schemas/contact';
import type { CustomFieldDef } from './custom-fields';

export const UTF8_BOM = '\uFEFF';

export function escapeCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((r) => r.map(escapeCsvCell).join(',')).join('\r\n') + '\r\n';
}

/** Column titles of the export, in the user's language (the import reads both languages). */
export interface ContactCsvHeaders {
  name: string;
  nickname: string;
  organization: string;
  jobTitle: string;
  phone: string;
  email: string;
  /** "Label", written as "Phone 1 - Label" beside "Phone 1". */
  label: string;
  address: string;
  city: string;
  website: string;
  birthday: string;
  gender: string;
  tags: string;
  source: string;
  channel: string;
  consent: string;
  consentAt: string;
  note: string;
}

/** Columns appended after the contact's own fields (derived facts such as RFM scores). */
export interface ExtraCsvColumns {
  headers: readonly string[];
  /** One cell per header for a contact. */
  cells: (c: Contact) => readonly string[];
}

/**
 * One row per contact, every field in a column our import guesses back (a round trip loses
 * nothing, tests/unit/contacts/round-trip.test.ts). Phones and e-mails get as many numbered
 * columns as the contact with the most, each with a label column the way Google writes them
 * ("Phone 1 - Label", "Phone 1"); numbers as the user typed them, then the ones kept as typed
 * because they were not understood. Addresses after the first are "Address 2", "Address 3", ...
 * The shop's own fields follow, one column each under the field's name (the import keeps a
 * column by that name as that field). `extra` columns come last.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  h: ContactCsvHeaders,
  extra?: ExtraCsvColumns,
  customFields: readonly CustomFieldDef[] = [],
): string {
  const phonesOf = (c: Contact) => [
    ...c.phones.map((p) => ({ label: p.customLabel ?? p.label, raw: p.raw })),
    ...(c.unparsedPhones ?? []).map((p) => ({ label: p.customLabel ?? p.label, raw: p.raw })),
  ];
  const emailsOf = (c: Contact) =>
    [c.email, ...(c.otherEmails ?? [])].filter((e): e is string => !!e);
  const phoneColumns = Math.max(1, ...contacts.map((c) => phonesOf(c).length));
  const emailColumns = Math.max(1, ...contacts.map((c) => emailsOf(c).length));
  const addressColumns = Math.max(0, ...contacts.map((c) => c.otherAddresses?.length ?? 0));
  const numbered = (n: number, f: (i: number) => string[]) =>
    Array.from({ length: n }, (_, i) => f(i)).flat();
  const header = [
    h.name,
    h.nickname,
    h.organization,
    h.jobTitle,
    ...numbered(phoneColumns, (i) => [`${h.phone} ${i + 1} - ${h.label}`, `${h.phone} ${i + 1}`]),
    ...numbered(emailColumns, (i) => [`${h.email} ${i + 1} - ${h.label}`, `${h.email} ${i + 1}`]),
    h.address,
    h.city,
    ...numbered(addressColumns, (i) => [`${h.address} ${i + 2}`]),
    h.website,
    h.birthday,
    h.gender,
    h.tags,
    h.source,
    h.channel,
    h.consent,
    h.consentAt,
    h.note,
    ...customFields.map((f) => f.name),
    ...(extra?.headers ?? []),
  ];
  const rows = contacts.map((c) => {
    const phones = phonesOf(c);
    const emails = emailsOf(c);
    const emailLabel = new Map((c.emailLabels ?? []).map((l) => [l.email, l.label]));
    return [
      c.name,
      c.nickname ?? '',
      c.organization ?? '',
      c.jobTitle ?? '',
      ...numbered(phoneColumns, (i) => [phones[i]?.label ?? '', phones[i]?.raw ?? '']),
      ...numbered(emailColumns, (i) => {
        const e = emails[i];
        return [e === undefined ? '' : (emailLabel.get(e) ?? ''), e ?? ''];
      }),
      c.address ?? '',
      c.city ?? '',
      ...numbered(addressColumns, (i) => [c.otherAddresses?.[i] ?? '']),
      (c.websites ?? []).join(' '),
      c.birthday ?? (c.birthMonthDay ? `--${c.birthMonthDay}` : ''),
      c.gender ?? '',
      c.tags.join('; '),
      c.source ?? '',
      c.preferredChannel ?? '',
      c.marketingConsent === undefined ? '' : c.marketingConsent ? 'yes' : 'no',
      c.marketingConsentAt ?? '',
      c.note,
      ...customFields.map((f) => c.custom?.[f.id] ?? ''),
      ...(extra?.cells(c) ?? []),
    ];
  });
  return writeCsv([header, ...rows]);
}
