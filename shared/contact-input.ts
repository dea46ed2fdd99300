/**
 * The contact form's input and how it becomes stored fields. Error messages are i18n keys
 * (renderer/i18n) so the same validation speaks English and Bahasa Indonesia.
 */
import { z } from 'zod';
import { isCalendarDate, localCalendarDate } from './dates';
import { DEFAULT_PHONE_REGION, normalizePhone } from './phone';
import {
  CUSTOM_FIELD_ID,
  CHANNELS,
  GENDERS,
  LIFECYCLE_STAGES,
  isMonthDay,
  PHONE_LABELS,
  SALUTATIONS,
  type ContactFields,
  type PhoneEntry,
  type UnparsedPhone,
} from './schemas/contact';
import { ulidSchema } from './schemas/common';

/** Built once: making zod's e-mail schema per row was most of an import's validation time. */
const EMAIL = z.email();

/** An address the contact schema accepts (zod's e-mail rule, the one stored records pass). */
export const isEmail = (s: string): boolean => s.length <= 254 && EMAIL.safeParse(s).success;

/** A select that may be left empty: '' means "not set". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)]).optional();

export const contactInputSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.nameTooLong'),
  phones: z
    .array(
      z.object({
        label: z.enum(PHONE_LABELS),
        raw: z.string().trim(),
        customLabel: z.string().trim().max(50, 'errors.textTooLong').optional(),
      }),
    )
    .max(20, 'errors.tooManyPhones'),
  /** The shop's default phone country (Settings): what a number without "+" means. */
  phoneRegion: z.string().max(2).optional(),
  email: z
    .string()
    .trim()
    .max(254, 'errors.emailInvalid')
    .refine((s) => s === '' || EMAIL.safeParse(s).success, 'errors.emailInvalid'),
  tags: z.array(z.string().trim().max(50, 'errors.tagTooLong')).max(50, 'errors.tooManyTags'),
  birthday: z
    .string()
    .trim()
    .refine((s) => s === '' || isCalendarDate(s), 'errors.dateInvalid')
    .refine((s) => s === '' || s <= localCalendarDate(new Date()), 'errors.birthdayFuture'),
  note: z.string().max(100_000, 'errors.textTooLong'),
  /** "MM-DD": a birthday without a year; '' clears it. Ignored when `birthday` is set. */
  birthMonthDay: z
    .string()
    .trim()
    .refine((v) => v === '' || isMonthDay(v), 'errors.dateInvalid')
    .optional(),
  nickname: z.string().trim().max(100, 'errors.textTooLong').optional(),
  firstName: z.string().trim().max(100, 'errors.textTooLong').optional(),
  salutation: optionalChoice(SALUTATIONS),
  organization: z.string().trim().max(200, 'errors.textTooLong').optional(),
  jobTitle: z.string().trim().max(200, 'errors.textTooLong').optional(),
  websites: z.array(z.string().trim().max(500, 'errors.textTooLong')).max(20).optional(),
  otherAddresses: z.array(z.string().trim().max(1000, 'errors.textTooLong')).max(20).optional(),
  emailLabels: z
    .array(z.object({ email: z.string().max(254), label: z.string().trim().max(50) }))
    .max(21)
    .optional(),
  unparsedPhones: z
    .array(
      z.object({
        label: z.enum(PHONE_LABELS),
        raw: z.string().trim().max(40, 'errors.phoneInvalid'),
        customLabel: z.string().max(50).optional(),
      }),
    )
    .max(20)
    .optional(),
  // The fields below are optional in the input: a caller that leaves one out leaves the stored
  // value alone; '' clears it.
  address: z.string().trim().max(1000, 'errors.textTooLong').optional(),
  city: z.string().trim().max(100, 'errors.textTooLong').optional(),
  gender: optionalChoice(GENDERS),
  /** One of CONTACT_SOURCES or the shop's own word. */
  source: z.string().trim().max(50, 'errors.textTooLong').optional(),
  preferredChannel: optionalChoice(CHANNELS),
  marketingConsent: z.boolean().optional(),
  /** The stage set by hand; only used while there is no purchase history. */
  stage: optionalChoice(LIFECYCLE_STAGES),
  /**
   * The shop's own fields by id, as stored text (the form checks each against its type with
   * shared/contacts/custom-fields.ts readCustomValue); '' clears one, absent leaves all alone.
   */
  custom: z
    .record(z.string().regex(CUSTOM_FIELD_ID), z.string().trim().max(2000, 'errors.textTooLong'))
    .optional(),
  /** Who referred this customer (a contact id); '' clears it. */
  referredBy: z.union([z.literal(''), ulidSchema]).optional(),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const emptyContactInput = (): ContactInput => ({
  name: '',
  phones: [{ label: 'mobile', raw: '' }],
  email: '',
  tags: [],
  birthday: '',
  note: '',
});

export interface FieldError {
  /** Dotted path: "name", "phones.1.raw". */
  path: string;
  /** An i18n key. */
  message: string;
}

export type ContactInputFields = Omit<ContactFields, 'mergedInto' | 'marketingConsentAt'>;

export type ContactInputResult =
  | {
      ok: true;
      fields: ContactInputFields;
      /** What was kept but not understood (only with `badPhones: 'keep'`). */
      warnings: FieldError[];
    }
  | { ok: false; errors: FieldError[] };

/** Optional text/choice fields: absent stays absent, '' becomes an explicit clear. */
const OPTIONAL_KEYS = [
  'address',
  'city',
  'gender',
  'source',
  'preferredChannel',
  'stage',
  'nickname',
  'organization',
  'jobTitle',
  'firstName',
  'salutation',
  'referredBy',
] as const;

/** Optional lists: absent stays absent, [] becomes an explicit clear. */
const OPTIONAL_LISTS = ['websites', 'otherAddresses'] as const;

export const PHONE_ERROR_KEYS = {
  empty: 'errors.phoneInvalid',
  invalid: 'errors.phoneInvalid',
  'too-long': 'errors.phoneInvalid',
  'needs-country': 'errors.phoneNeedsCountry',
} as const;

export interface ParseContactOptions {
  /**
   * 'error' (the form): a number that cannot be understood is an error to fix. 'keep' (an
   * import): it is kept as typed in `unparsedPhones` and reported as a warning.
   */
  badPhones?: 'error' | 'keep';
}

/** Validate the form and normalize it into contact fields. Blank phone rows are dropped. */
export function parseContactInput(
  input: unknown,
  options: ParseContactOptions = {},
): ContactInputResult {
  const parsed = contactInputSchema.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const warnings: FieldError[] = [];
  const phones: PhoneEntry[] = [];
  const unparsed: UnparsedPhone[] = [];
  if (parsed.success) {
    const seen = new Set<string>();
    const region = parsed.data.phoneRegion || DEFAULT_PHONE_REGION;
    parsed.data.phones.forEach((p, index) => {
      if (p.raw === '') return;
      const n = normalizePhone(p.raw, region);
      const custom = p.customLabel ? { customLabel: p.customLabel } : {};
      if (!n.ok) {
        const problem = { path: `phones.${index}.raw`, message: PHONE_ERROR_KEYS[n.error] };
        if (options.badPhones === 'keep' && n.error !== 'too-long') {
          warnings.push(problem);
          unparsed.push({ label: p.label, raw: p.raw, ...custom });
        } else errors.push(problem);
      } else if (seen.has(n.value.e164)) {
        if (options.badPhones !== 'keep')
          errors.push({ path: `phones.${index}.raw`, message: 'errors.phoneDuplicate' });
      } else {
        seen.add(n.value.e164);
        phones.push({
          label: p.label,
          raw: p.raw,
          e164: n.value.e164,
          ...custom,
          ...(n.value.ext ? { ext: n.value.ext } : {}),
        });
      }
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const d = parsed.data;
  const fields: ContactInputFields = {
    name: d.name,
    phones,
    email: d.email === '' ? undefined : d.email.toLowerCase(),
    // A blank tag (a stray Enter) is dropped, not an error.
    tags: [...new Set(d.tags.filter((tag) => tag !== ''))],
    birthday: d.birthday === '' ? undefined : d.birthday,
    note: d.note,
  };
  const optional = fields as Record<string, unknown>;
  for (const key of OPTIONAL_KEYS) {
    const v = d[key];
    if (v !== undefined) optional[key] = v === '' ? undefined : v;
  }
  for (const key of OPTIONAL_LISTS) {
    const v = d[key]?.filter((x) => x !== '');
    if (v !== undefined) optional[key] = v.length === 0 ? undefined : v;
  }
  // Addresses after the first need a first: the first other address moves up.
  if (d.address !== undefined && !fields.address && !fields.city && fields.otherAddresses) {
    const [first, ...rest] = fields.otherAddresses;
    fields.address = first;
    fields.otherAddresses = rest.length > 0 ? rest : undefined;
  }
  if (d.birthMonthDay !== undefined)
    fields.birthMonthDay = d.birthMonthDay === '' || fields.birthday ? undefined : d.birthMonthDay;
  if (d.emailLabels !== undefined) {
    const labels = d.emailLabels
      .map((l) => ({ email: l.email.trim().toLowerCase(), label: l.label }))
      .filter((l) => l.label !== '' && l.email !== '');
    fields.emailLabels = labels.length > 0 ? labels : undefined;
  }
  const kept = [...(d.unparsedPhones ?? []).filter((p) => p.raw !== ''), ...unparsed];
  if (d.unparsedPhones !== undefined || kept.length > 0)
    fields.unparsedPhones = kept.length > 0 ? kept.slice(0, 20) : undefined;
  if (d.marketingConsent !== undefined) fields.marketingConsent = d.marketingConsent;
  if (d.custom !== undefined) {
    const present = Object.entries(d.custom).filter(([, v]) => v !== '');
    fields.custom = present.length > 0 ? Object.fromEntries(present) : undefined;
  }
  return { ok: true, fields, warnings };
}

/** The form's values for an existing contact. */
export function contactToInput(c: ContactFields): ContactInput {
  return {
    name: c.name,
    phones:
      c.phones.length > 0
        ? c.phones.map((p) => ({
            label: p.label,
            raw: p.raw,
            ...(p.customLabel !== undefined && { customLabel: p.customLabel }),
          }))
        : [{ label: 'mobile', raw: '' }],
    email: c.email ?? '',
    tags: c.tags,
    birthday: c.birthday ?? '',
    note: c.note,
    ...(c.address !== undefined && { address: c.address }),
    ...(c.city !== undefined && { city: c.city }),
    ...(c.gender !== undefined && { gender: c.gender }),
    ...(c.source !== undefined && { source: c.source }),
    ...(c.preferredChannel !== undefined && { preferredChannel: c.preferredChannel }),
    ...(c.marketingConsent !== undefined && { marketingConsent: c.marketingConsent }),
    ...(c.stage !== undefined && { stage: c.stage }),
    ...(c.referredBy !== undefined && { referredBy: c.referredBy }),
    ...(c.birthMonthDay !== undefined && { birthMonthDay: c.birthMonthDay }),
    ...(c.nickname !== undefined && { nickname: c.nickname }),
    ...(c.firstName !== undefined && { firstName: c.firstName }),
    ...(c.salutation !== undefined && { salutation: c.salutation }),
    ...(c.organization !== undefined && { organization: c.organization }),
    ...(c.jobTitle !== undefined && { jobTitle: c.jobTitle }),
    ...(c.websites !== undefined && { websites: c.websites }),
    ...(c.otherAddresses !== undefined && { otherAddresses: c.otherAddresses }),
    ...(c.emailLabels !== undefined && { emailLabels: c.emailLabels }),
    ...(c.unparsedPhones !== undefined && { unparsedPhones: c.unparsedPhones }),
    ...(c.custom !== undefined && { custom: { ...c.custom } }),
  };
}
