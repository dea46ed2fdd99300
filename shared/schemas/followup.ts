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
  /**
   * First due time of a repeating series: later occurrences keep its day of month (31 Jan ->
   * 28 Feb -> 31 Mar). Absent means the series starts at `dueAt`.
   */
  repeatAnchor: isoDateTimeSchema.optional(),
  /** The follow-up of the same series this one was made from when that one was done. */
  previousId: ulidSchema.optional(),
});
export type FollowUpFields = z.infer<typeof followUpFieldsSchema>;

export const followUpSchema = followUpFieldsSchema.extend(mutableMetaShape);
export type FollowUp = z.infer<typeof followUpSchema>;
