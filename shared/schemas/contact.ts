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
});
export type PhoneEntry = z.infer<typeof phoneEntrySchema>;

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
  note: longTextSchema,
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
  /** Duplicate merged into another contact: queries resolve this contact to that one. */
  mergedInto: ulidSchema.optional(),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactSchema = contactFieldsSchema.extend(mutableMetaShape);
export type Contact = z.infer<typeof contactSchema>;
