/**
 * One contact read from a file (CSV row or vCard), before and after validation. Both file
 * kinds become a RawContact, then the same rules decide whether it can be imported: the
 * contact form's own validation (shared/contact-input.ts) plus the loose value parsers.
 */
import { parseContactInput, type ContactInput, type ContactInputFields } from '../contact-input';
import { localCalendarDate } from '../dates';
import type { PhoneLabel } from '../schemas/contact';
import { parseGender, parseLooseDate, parseSource, parseYesNo } from './import-values';

export interface RawContact {
  /** Where it is in the file, as a person counts: spreadsheet row or vCard line. */
  line: number;
  name: string;
  phones: { label: PhoneLabel; raw: string }[];
  emails: string[];
  address?: string;
  city?: string;
  birthday?: string;
  gender?: string;
  tags: string[];
  note?: string;
  source?: string;
  consent?: string;
  /** The original cells (CSV) or text (vCard), for the rejected-rows download. */
  original: string[];
}

/** Why a row cannot be imported: an i18n key, the field and the offending value. */
export interface ImportProblem {
  field: string;
  message: string;
  value?: string;
}

export type PreparedRow =
  | { ok: true; line: number; fields: ContactInputFields }
  | { ok: false; line: number; problems: ImportProblem[]; original: string[] };

const MAX_PHONES = 20;

/** Validate one raw contact into stored fields, or the reasons it is rejected. */
export function prepareRow(
  raw: RawContact,
  today: string = localCalendarDate(new Date()),
): PreparedRow {
  const problems: ImportProblem[] = [];
  const name = raw.name.replace(/\s+/g, ' ').trim();
  if (name === '') problems.push({ field: 'name', message: 'contacts.import.problems.noName' });

  // Numbers are checked and normalized once, by parseContactInput below (libphonenumber is the
  // slow part of an import); here only the same digits typed twice are dropped.
  const phones: { label: PhoneLabel; raw: string }[] = [];
  const seen = new Set<string>();
  for (const p of raw.phones) {
    const typed = p.raw.trim();
    const digits = typed.replace(/\D/g, '');
    if (typed === '' || seen.has(digits) || phones.length >= MAX_PHONES) continue;
    seen.add(digits);
    phones.push({ label: p.label, raw: typed });
  }

  const emails = [...new Set(raw.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  let birthday = '';
  // Google writes a birthday without a year as "--08-17": we keep birthdays with a year only,
  // so it is left out rather than rejecting the whole contact.
  if (raw.birthday && raw.birthday.trim() !== '' && !/^--\d{2}-?\d{2}$/.test(raw.birthday.trim())) {
    const d = parseLooseDate(raw.birthday);
    if (d === undefined)
      problems.push({ field: 'birthday', message: 'errors.dateInvalid', value: raw.birthday });
    else if (d > today)
      problems.push({ field: 'birthday', message: 'errors.birthdayFuture', value: raw.birthday });
    else birthday = d;
  }

  const input: ContactInput = {
    name,
    phones,
    email: emails[0] ?? '',
    tags: [...new Set(raw.tags)].slice(0, 50),
    birthday,
    note: raw.note?.trim() ?? '',
    address: raw.address?.trim() ?? '',
    city: raw.city?.trim() ?? '',
    gender: raw.gender ? (parseGender(raw.gender) ?? '') : '',
    source: raw.source ? (parseSource(raw.source) ?? '') : '',
  };
  const consent = raw.consent ? parseYesNo(raw.consent) : undefined;
  if (consent !== undefined) input.marketingConsent = consent;

  const parsed = parseContactInput(input);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      const [field = e.path, index] = e.path.split('.');
      if (field === 'name' && problems.some((p) => p.field === 'name')) continue;
      if (field === 'phones' && index !== undefined) {
        problems.push({ field: 'phone', message: e.message, value: phones[Number(index)]?.raw });
        continue;
      }
      problems.push({ field, message: e.message });
    }
  }
  const others = emails.slice(1);
  for (const e of others) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))
      problems.push({ field: 'email', message: 'errors.emailInvalid', value: e });
  }
  if (problems.length > 0 || !parsed.ok)
    return { ok: false, line: raw.line, problems, original: raw.original };
  // The same number typed two ways ("0812…", "+62 812…"): kept once, at most MAX_PHONES.
  const unique = new Set<string>();
  const fields: ContactInputFields = {
    ...parsed.fields,
    phones: parsed.fields.phones
      .filter((p) => !unique.has(p.e164) && unique.add(p.e164))
      .slice(0, MAX_PHONES),
  };
  if (others.length > 0) fields.otherEmails = others.slice(0, 20);
  return { ok: true, line: raw.line, fields };
}
