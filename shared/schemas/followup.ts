import { z } from 'zod';
import { isoDateTimeSchema, longTextSchema, mutableMetaShape, ulidSchema } from './common';

export const REPEAT_RULES = ['none', 'weekly', 'monthly', 'yearly'] as const;

/** A promise or task tied to a contact. */
export const followUpFieldsSchema = z.object({
  contactId: ulidSchema,
  title: z.string().trim().min(1).max(500),
  note: longTextSchema.optional(),
  dueAt: isoDateTimeSchema,
  repeat: z.enum(REPEAT_RULES),
  doneAt: isoDateTimeSchema.optional(),
  snoozedUntil: isoDateTimeSchema.optional(),
});
export type FollowUpFields = z.infer<typeof followUpFieldsSchema>;

export const followUpSchema = followUpFieldsSchema.extend(mutableMetaShape);
export type FollowUp = z.infer<typeof followUpSchema>;
