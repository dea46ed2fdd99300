import { z } from 'zod';
import {
  calendarDateSchema,
  isoDateTimeSchema,
  longTextSchema,
  mutableMetaShape,
  ulidSchema,
} from './common';

export const PHONE_LABELS = ['mobile', 'whatsapp', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];

export const phoneEntrySchema = z.object({
  label: z.enum(PHONE_LABELS),
  /** As the user typed it. */
  raw: z.string().min(1).max(40),
  /** Normalized, "+6281234567890". */
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 number'),
  /** The label another app gave it ("Toko", "Kantor pusat"), when none of ours says it. */
  customLabel: z.string().max(50).optional(),
  /** An extension ("12" of "+1 650 555 1212 ext. 12"). */
  ext: z.string().max(20).optional(),
});
export type PhoneEntry = z.infer<typeof phoneEntrySchema>;

/**
 * A number kept exactly as typed because it could not be understood (a short code, a number
 * without its country): never lost, shown and exported as it came, not dialled or matched.
 */
export const unparsedPhoneSchema = z.object({
  label: z.enum(PHONE_LABELS),
  raw: z.string().min(1).max(40),
  customLabel: z.string().max(50).optional(),
});
export type UnparsedPhone = z.infer<typeof unparsedPhoneSchema>;

/** A birthday whose year is not known: "MM-DD" (an iPhone's "--0415", Google's "--04-15"). */
export function isMonthDay(s: string): boolean {
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s)) return false;
  const [m, d] = s.split('-').map(Number) as [number, number];
  // 2000 is a leap year, so 02-29 is a birthday.
  return d <= new Date(Date.UTC(2000, m, 0)).getUTCDate();
}
export const monthDaySchema = z.string().refine(isMonthDay, 'not a month and day');

/** A custom field's id (a ULID): the key of its value in `custom`, and of its stamp `custom.<id>`. */
export const CUSTOM_FIELD_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const MAX_CUSTOM_FIELDS = 100;
/** Values of the shop's own fields (shared/contacts/custom-fields.ts), by field id, as text. */
export const customValuesSchema = z
  .record(z.string().regex(CUSTOM_FIELD_ID), z.string().min(1).max(2000))
  .refine((m) => Object.keys(m).length <= MAX_CUSTOM_FIELDS, 'too many custom fields');

export const tagSchema = z.string().trim().min(1).max(50);

export const CONTACT_SOURCES = [
  'walk-in',
  'instagram',
  'tiktok',
  'tokopedia',
  'shopee',
  'whatsapp',
  'referral',
] as const;
export const CHANNELS = ['whatsapp', 'phone', 'sms', 'email', 'visit'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
/** How the shop addresses a customer in a message: "Kak", "Bu", "Pak" (none when unset). */
export const SALUTATIONS = ['kak', 'bu', 'pak'] as const;
export type Salutation = (typeof SALUTATIONS)[number];
/** Where a customer is in their life with the shop; see shared/contacts/lifecycle.ts. */
export const LIFECYCLE_STAGES = ['lead', 'new', 'active', 'loyal', 'at-risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The user-editable fields of a contact; every one is last-writer-wins on its own. */
export const contactFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phones: z.array(phoneEntrySchema).max(20),
  email: z.email().max(254).optional(),
  /** More e-mail addresses, e.g. from a duplicate merged into this contact. */
  otherEmails: z.array(z.email().max(254)).max(20).optional(),
  tags: z.array(tagSchema).max(50),
  birthday: calendarDateSchema.optional(),
  /** Set instead of `birthday` when the year is not known. */
  birthMonthDay: monthDaySchema.optional(),
  note: longTextSchema,
  nickname: z.string().max(100).optional(),
  /** The name to greet by in messages ("Siti" of "Siti Rahayu"); unset: the name's first word. */
  firstName: z.string().max(100).optional(),
  salutation: z.enum(SALUTATIONS).optional(),
  organization: z.string().max(200).optional(),
  jobTitle: z.string().max(200).optional(),
  websites: z.array(z.string().min(1).max(500)).max(20).optional(),
  /** Addresses after the first (`address` + `city`), each as one text. */
  otherAddresses: z.array(z.string().min(1).max(1000)).max(20).optional(),
  /** Labels of e-mail addresses ("work", "Toko"): a list, not a record keyed by user text. */
  emailLabels: z
    .array(z.object({ email: z.string().max(254), label: z.string().min(1).max(50) }))
    .max(21)
    .optional(),
  unparsedPhones: z.array(unparsedPhoneSchema).max(20).optional(),
  address: z.string().max(1000).optional(),
  city: z.string().max(100).optional(),
  gender: z.enum(GENDERS).optional(),
  /** One of CONTACT_SOURCES or the shop's own word for it. */
  source: z.string().max(50).optional(),
  preferredChannel: z.enum(CHANNELS).optional(),
  marketingConsent: z.boolean().optional(),
  /** When consent was given or withdrawn (UU PDP asks that we can show it). */
  marketingConsentAt: isoDateTimeSchema.optional(),
  /**
   * The stage the user set by hand. Used only while the contact has no purchase history; once
   * there are purchases the stage is derived from them (shared/contacts/lifecycle.ts).
   */
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  /**
   * The shop's own fields, by field id. Each value is its own last-writer-wins register,
   * stamped as `custom.<id>` (shared/records.ts), so two devices editing two fields both win.
   */
  custom: customValuesSchema.optional(),
  /**
   * The customer who referred this one (their contact id). Their referral bonus comes with this
   * contact's first purchase (shared/loyalty/referral.ts); reports count it as advocacy.
   */
  referredBy: ulidSchema.optional(),
  /** Duplicate merged into another contact: queries resolve this contact to that one. */
  mergedInto: ulidSchema.optional(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactSchema = contactFieldsSchema.extend(mutableMetaShape);
export type Contact = z.infer<typeof contactSchema>;
