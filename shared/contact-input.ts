/**
 * The contact form's input and how it becomes stored fields. Error messages are i18n keys
 * (renderer/i18n) so the same validation speaks English and Bahasa Indonesia.
 */
import { z } from 'zod';
import { isCalendarDate, localCalendarDate } from './dates';
import { normalizePhone } from './phone';
import {
  CHANNELS,
  GENDERS,
  LIFECYCLE_STAGES,
  PHONE_LABELS,
  type ContactFields,
  type PhoneEntry,
} from './schemas/contact';

/** Built once: making zod's e-mail schema per row was most of an import's validation time. */
const EMAIL = z.email();

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
      }),
    )
    .max(20, 'errors.tooManyPhones'),
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
  { ok: true; fields: ContactInputFields } | { ok: false; errors: FieldError[] };

/** Optional text/choice fields: absent stays absent, '' becomes an explicit clear. */
const OPTIONAL_KEYS = ['address', 'city', 'gender', 'source', 'preferredChannel', 'stage'] as const;

const PHONE_ERROR_KEYS = {
  empty: 'errors.phoneInvalid',
  invalid: 'errors.phoneInvalid',
  'too-long': 'errors.phoneInvalid',
} as const;

/** Validate the form and normalize it into contact fields. Blank phone rows are dropped. */
export function parseContactInput(input: unknown): ContactInputResult {
  const parsed = contactInputSchema.safeParse(input);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const phones: PhoneEntry[] = [];
  if (parsed.success) {
    const seen = new Set<string>();
    parsed.data.phones.forEach((p, index) => {
      if (p.raw === '') return;
      const n = normalizePhone(p.raw);
      if (!n.ok) {
        errors.push({ path: `phones.${index}.raw`, message: PHONE_ERROR_KEYS[n.error] });
      } else if (seen.has(n.value.e164)) {
        errors.push({ path: `phones.${index}.raw`, message: 'errors.phoneDuplicate' });
      } else {
        seen.add(n.value.e164);
        phones.push({ label: p.label, raw: p.raw, e164: n.value.e164 });
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
  if (d.marketingConsent !== undefined) fields.marketingConsent = d.marketingConsent;
  return { ok: true, fields };
}

/** The form's values for an existing contact. */
export function contactToInput(c: ContactFields): ContactInput {
  return {
    name: c.name,
    phones:
      c.phones.length > 0
        ? c.phones.map((p) => ({ label: p.label, raw: p.raw }))
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
  };
}
