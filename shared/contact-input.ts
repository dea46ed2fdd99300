/**
 * The contact form's input and how it becomes stored fields. Error messages are i18n keys
 * (renderer/i18n) so the same validation speaks English and Bahasa Indonesia.
 */
import { z } from 'zod';
import { isCalendarDate, localCalendarDate } from './dates';
import { normalizePhone } from './phone';
import { PHONE_LABELS, type ContactFields, type PhoneEntry } from './schemas/contact';

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
    .refine((s) => s === '' || z.email().safeParse(s).success, 'errors.emailInvalid'),
  tags: z
    .array(z.string().trim().min(1).max(50, 'errors.tagTooLong'))
    .max(50, 'errors.tooManyTags'),
  birthday: z
    .string()
    .trim()
    .refine((s) => s === '' || isCalendarDate(s), 'errors.dateInvalid')
    .refine((s) => s === '' || s <= localCalendarDate(new Date()), 'errors.birthdayFuture'),
  note: z.string().max(100_000, 'errors.textTooLong'),
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

export type ContactInputResult =
  { ok: true; fields: Omit<ContactFields, 'mergedInto'> } | { ok: false; errors: FieldError[] };

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
  return {
    ok: true,
    fields: {
      name: d.name,
      phones,
      email: d.email === '' ? undefined : d.email.toLowerCase(),
      tags: [...new Set(d.tags)],
      birthday: d.birthday === '' ? undefined : d.birthday,
      note: d.note,
    },
  };
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
  };
}
