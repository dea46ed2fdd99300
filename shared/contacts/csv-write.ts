/**
 * CSV that Excel opens correctly: a UTF-8 byte-order mark (or Excel guesses the wrong encoding
 * and "Zoë" becomes "ZoÃ«"), CRLF line ends, RFC 4180 quoting, and cells that start with
 * = + - @ (or a tab / carriage return) prefixed with ' so a spreadsheet never runs them as a
 * formula (CSV injection).
 */
import type { Contact } from '../schemas/contact';

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
  phone: string;
  email: string;
  address: string;
  city: string;
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
 * One row per contact. Phones get as many columns as the contact with the most numbers, typed
 * as the user typed them ("Phone", "Phone 2", ...); the import reads them back. `extra` columns
 * come last (the import ignores columns it does not know).
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  h: ContactCsvHeaders,
  extra?: ExtraCsvColumns,
): string {
  const phoneColumns = Math.max(1, ...contacts.map((c) => c.phones.length));
  const header = [
    h.name,
    ...Array.from({ length: phoneColumns }, (_, i) => (i === 0 ? h.phone : `${h.phone} ${i + 1}`)),
    h.email,
    h.address,
    h.city,
    h.birthday,
    h.gender,
    h.tags,
    h.source,
    h.channel,
    h.consent,
    h.consentAt,
    h.note,
    ...(extra?.headers ?? []),
  ];
  const rows = contacts.map((c) => [
    c.name,
    ...Array.from({ length: phoneColumns }, (_, i) => c.phones[i]?.raw ?? ''),
    [c.email, ...(c.otherEmails ?? [])].filter(Boolean).join('; '),
    c.address ?? '',
    c.city ?? '',
    c.birthday ?? '',
    c.gender ?? '',
    c.tags.join('; '),
    c.source ?? '',
    c.preferredChannel ?? '',
    c.marketingConsent === undefined ? '' : c.marketingConsent ? 'yes' : 'no',
    c.marketingConsentAt ?? '',
    c.note,
    ...(extra?.cells(c) ?? []),
  ]);
  return writeCsv([header, ...rows]);
}
