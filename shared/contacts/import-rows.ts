/**
 * One contact read from a file (CSV row or vCard), before and after validation. Both file
 * kinds become a RawContact, then the same rules decide what is stored: the contact form's own
 * validation (shared/contact-input.ts) plus the loose value parsers.
 *
 * A field problem never costs the contact (#18): a value that cannot be understood is kept as
 * typed (a phone in `unparsedPhones`, anything else as a line of the note) and reported as a
 * warning of that row. A row is refused only when it holds nothing to know a person by.
 */
import {
  isEmail,
  parseContactInput,
  type ContactInput,
  type ContactInputFields,
  type FieldError,
} from '../contact-input';
import { localCalendarDate } from '../dates';
import { DEFAULT_PHONE_REGION } from '../phone';
import type { PhoneLabel } from '../schemas/contact';
import { findCustomField, readCustomValue, type CustomFieldDef } from './custom-fields';
import {
  isExcelScientific,
  parseGender,
  parseLooseDate,
  parseSource,
  parseYesNo,
} from './import-values';

export interface RawContact {
  /** Where it is in the file, as a person counts: spreadsheet row or vCard line. */
  line: number;
  name: string;
  phones: { label: PhoneLabel; raw: string; customLabel?: string }[];
  emails: string[];
  /** Labels of some of `emails` ("Work", "Toko"). */
  emailLabels?: { email: string; label: string }[];
  address?: string;
  city?: string;
  /** Addresses after the first, each as one text. */
  otherAddresses?: string[];
  birthday?: string;
  gender?: string;
  tags: string[];
  note?: string;
  source?: string;
  consent?: string;
  nickname?: string;
  organization?: string;
  jobTitle?: string;
  websites?: string[];
  /**
   * Columns no built-in field takes (a CSV column kept as a field, a vCard's X- property), by
   * the name of the shop's field they go to (shared/contacts/custom-fields.ts).
   */
  custom?: { name: string; value: string }[];
  /** The original cells (CSV) or text (vCard), for the rejected-rows download. */
  original: string[];
}

/** Why a row cannot be imported, or what in it was not understood: an i18n key, the field, the value. */
export interface ImportProblem {
  field: string;
  message: string;
  value?: string;
}

export type PreparedRow =
  | { ok: true; line: number; fields: ContactInputFields; warnings: ImportProblem[] }
  | { ok: false; line: number; problems: ImportProblem[]; original: string[] };

export interface PrepareOptions {
  /** The shop's default phone country: what a number without "+" means. */
  phoneRegion?: string;
  /**
   * The words a kept-but-not-understood value is written under in the note ("Birthday: 31/02"),
   * in the user's language; the field key when missing.
   */
  noteLabels?: Readonly<Record<string, string>>;
  /**
   * The shop's fields the file's kept columns go to (existing ones and those the import
   * creates); a value for a name not here is not kept.
   */
  customFields?: readonly CustomFieldDef[];
}

const MAX_PHONES = 20;
/** The most of one value kept in the note (the note holds 100,000 characters in all). */
const MAX_KEPT = 10_000;
/** The note's limit (shared/contact-input.ts). */
const MAX_NOTE = 100_000;
const MAX_EMAILS = 21;
/** Apple writes a birthday without a year as year 1604 (X-APPLE-OMIT-YEAR=1604). */
const APPLE_NO_YEAR = '1604';
/** Outlook writes an empty date as "0/0/00" (or "00/00/0000"). */
const EMPTY_DATE = /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/;

/**
 * A birthday as stored: a full date, or a month and day when the year is not known
 * ("--0415", "--04-15", Apple's "1604-04-15"). `bad` when it is not a date or in the future.
 */
export function parseBirthday(
  raw: string,
  today: string,
): {
  birthday?: string;
  birthMonthDay?: string;
  bad?: 'errors.dateInvalid' | 'errors.birthdayFuture';
} {
  const v = raw.trim();
  if (v === '' || EMPTY_DATE.test(v)) return {};
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(v);
  const d = noYear ? `${APPLE_NO_YEAR}-${noYear[1]}-${noYear[2]}` : parseLooseDate(v);
  if (d === undefined || (noYear && parseLooseDate(d) === undefined))
    return { bad: 'errors.dateInvalid' };
  if (d.startsWith(`${APPLE_NO_YEAR}-`)) return { birthMonthDay: d.slice(5) };
  if (d > today) return { bad: 'errors.birthdayFuture' };
  return { birthday: d };
}

/** "budi.santoso@toko.id" -> "Budi Santoso": a name for a card that has only an e-mail. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? '';
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

const clean = (s: string | undefined): string => s?.replace(/\s+/g, ' ').trim() ?? '';

/** Validate one raw contact into stored fields and its warnings, or the reasons it is refused. */
export function prepareRow(
  raw: RawContact,
  today: string = localCalendarDate(new Date()),
  options: PrepareOptions = {},
): PreparedRow {
  const warnings: ImportProblem[] = [];
  /** Values kept in the note because no field could take them, as "label: value" lines. */
  const kept: string[] = [];
  const keep = (field: string, message: string, value: string) => {
    // A hostile 200,000-character cell is cut, not the reason the contact is lost.
    const v = value.length > MAX_KEPT ? `${value.slice(0, MAX_KEPT)}…` : value;
    warnings.push({ field, message, value: v.slice(0, 200) });
    kept.push(`${options.noteLabels?.[field] ?? field}: ${v}`);
  };

  const emails: string[] = [];
  for (const e of raw.emails) {
    const v = e.trim().toLowerCase();
    if (v === '' || emails.includes(v)) continue;
    if (!isEmail(v)) keep('email', 'errors.emailInvalid', e.trim());
    else if (emails.length >= MAX_EMAILS) keep('email', 'contacts.import.problems.tooMany', v);
    else emails.push(v);
  }

  // Numbers are checked and normalized once, by parseContactInput below (libphonenumber is the
  // slow part of an import); here only the same digits typed twice are dropped.
  const phones: ContactInput['phones'] = [];
  const seen = new Set<string>();
  for (const p of raw.phones) {
    const typed = p.raw.trim();
    const digits = typed.replace(/\D/g, '');
    if (typed === '' || seen.has(digits)) continue;
    seen.add(digits);
    if (typed.length > 40 || phones.length >= MAX_PHONES) {
      keep('phone', 'contacts.import.problems.tooMany', typed);
      continue;
    }
    phones.push({
      label: p.label,
      raw: typed,
      ...(p.customLabel && { customLabel: p.customLabel.slice(0, 50) }),
    });
  }

  // The name: the person's, else what else the card is known by (#18: ORG, e-mail).
  let name = clean(raw.name);
  const nickname = clean(raw.nickname);
  const organization = clean(raw.organization);
  if (name === '') {
    name = nickname || organization || nameFromEmail(emails[0] ?? '') || (phones[0]?.raw ?? '');
    if (name !== '')
      warnings.push({ field: 'name', message: 'contacts.import.problems.nameMade', value: name });
  }
  if (name === '')
    return {
      ok: false,
      line: raw.line,
      problems: [{ field: 'name', message: 'contacts.import.problems.noName' }],
      original: raw.original,
    };
  if (name.length > 200) {
    keep('name', 'errors.nameTooLong', name);
    name = name.slice(0, 200).trim();
  }

  const bday = raw.birthday ? parseBirthday(raw.birthday, today) : {};
  if (bday.bad) keep('birthday', bday.bad, raw.birthday!.trim());

  let gender = '';
  if (
    raw.gender &&
    raw.gender.trim() !== '' &&
    !/^(unspecified|unknown|-)$/i.test(raw.gender.trim())
  ) {
    gender = parseGender(raw.gender) ?? '';
    if (gender === '') keep('gender', 'contacts.import.problems.notUnderstood', raw.gender.trim());
  }
  let consent: boolean | undefined;
  if (raw.consent && raw.consent.trim() !== '') {
    consent = parseYesNo(raw.consent);
    if (consent === undefined)
      keep('consent', 'contacts.import.problems.notUnderstood', raw.consent.trim());
  }

  const input: ContactInput = {
    name,
    phones,
    phoneRegion: options.phoneRegion ?? DEFAULT_PHONE_REGION,
    email: emails[0] ?? '',
    tags: [...new Set(raw.tags.map((t) => t.trim().slice(0, 50)))].slice(0, 50),
    birthday: bday.birthday ?? '',
    birthMonthDay: bday.birthMonthDay ?? '',
    note: raw.note?.trim() ?? '',
    address: raw.address?.trim() ?? '',
    city: raw.city?.trim() ?? '',
    gender: gender as ContactInput['gender'],
    source: raw.source ? (parseSource(raw.source) ?? '') : '',
    nickname: raw.name.trim() === '' && name === nickname ? '' : nickname,
    organization,
    jobTitle: clean(raw.jobTitle),
    websites: (raw.websites ?? [])
      .map((w) => w.trim())
      .filter(Boolean)
      .slice(0, 20),
    otherAddresses: (raw.otherAddresses ?? [])
      .map((a) => a.trim())
      .filter(Boolean)
      .slice(0, 20),
    emailLabels: (raw.emailLabels ?? [])
      .map((l) => ({ email: l.email.trim().toLowerCase(), label: l.label.trim().slice(0, 50) }))
      .filter((l) => emails.includes(l.email) && l.label !== ''),
  };
  if (consent !== undefined) input.marketingConsent = consent;

  // A field the form's rules refuse (too long, ...) goes to the note and the row is tried again.
  let parsed = parseContactInput(withNote(input, kept), { badPhones: 'keep' });
  for (let attempt = 0; !parsed.ok && attempt < 2; attempt++) {
    for (const e of parsed.errors) moveToNote(input, e, keep);
    const over = withNote(input, kept).note.length - MAX_NOTE;
    if (over > 0) {
      // The file's own note is cut to what fits beside the values kept in it, and flagged.
      warnings.push({
        field: 'note',
        message: 'errors.textTooLong',
        value: input.note.slice(0, 200),
      });
      input.note = input.note.slice(0, Math.max(0, input.note.length - over - 1));
    }
    parsed = parseContactInput(withNote(input, kept), { badPhones: 'keep' });
  }
  if (!parsed.ok)
    return {
      ok: false,
      line: raw.line,
      problems: parsed.errors.map((e) => ({
        field: e.path.split('.')[0] ?? e.path,
        message: e.message,
      })),
      original: raw.original,
    };
  for (const w of parsed.warnings) {
    const index = Number(w.path.split('.')[1]);
    const typed = phones[index]?.raw;
    const message =
      typed !== undefined && isExcelScientific(typed)
        ? 'contacts.import.problems.excelNumber'
        : w.message;
    warnings.push({ field: 'phone', message, value: typed });
  }
  const fields: ContactInputFields = { ...parsed.fields };
  if (emails.length > 1) fields.otherEmails = emails.slice(1);
  const custom = customValues(raw, options.customFields ?? [], warnings);
  if (custom.note.length > 0)
    fields.note = [fields.note, ...custom.note].filter((s) => s.trim() !== '').join('\n');
  if (custom.values) fields.custom = custom.values;
  return { ok: true, line: raw.line, fields, warnings };
}

/**
 * The row's values of the shop's own fields, by field id. A value the field's type refuses (a
 * word in a number field) is kept in the note and reported, like any other field's.
 */
function customValues(
  raw: RawContact,
  defs: readonly CustomFieldDef[],
  warnings: ImportProblem[],
): { values?: Record<string, string>; note: string[] } {
  const note: string[] = [];
  if (!raw.custom?.length || defs.length === 0) return { note };
  const values: Record<string, string> = {};
  for (const { name, value } of raw.custom) {
    const def = findCustomField(defs, name);
    if (!def) continue;
    const read = readCustomValue(def, value);
    if (!read.ok) {
      warnings.push({ field: def.name, message: read.error, value: value.trim() });
      note.push(`${def.name}: ${value.trim()}`);
    } else if (read.value !== undefined) {
      // One field given twice (two X-SOCIALPROFILE lines): both values, in one text.
      const before = values[def.id];
      values[def.id] =
        before === undefined || def.type !== 'text'
          ? (before ?? read.value)
          : `${before}, ${read.value}`.slice(0, 2000);
    }
  }
  return Object.keys(values).length > 0 ? { values, note } : { note };
}

function withNote(input: ContactInput, kept: readonly string[]): ContactInput {
  if (kept.length === 0) return input;
  return { ...input, note: [input.note, ...kept].filter((s) => s.trim() !== '').join('\n') };
}

/** Take a refused field out of the input, keeping its value in the note. */
function moveToNote(
  input: ContactInput,
  error: FieldError,
  keep: (field: string, message: string, value: string) => void,
): void {
  const [field = error.path, index] = error.path.split('.');
  const record = input as Record<string, unknown>;
  const value = record[field];
  if (field === 'note' || field === 'name') return;
  if (Array.isArray(value)) {
    const i = Number(index);
    const item: unknown = Number.isInteger(i) ? value[i] : undefined;
    const text = typeof item === 'string' ? item : JSON.stringify(item ?? value);
    keep(field, error.message, text);
    record[field] = Number.isInteger(i) ? value.filter((_, j) => j !== i) : [];
  } else if (typeof value === 'string' && value !== '') {
    keep(field, error.message, value);
    record[field] = '';
  } else {
    delete record[field];
  }
}
