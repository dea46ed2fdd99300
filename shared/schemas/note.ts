import { z } from 'zod';
import { isoDateTimeSchema, longTextSchema, mutableMetaShape, ulidSchema } from './common';

export const INTERACTION_KINDS = [
  'note',
  'call',
  'whatsapp',
  'visit',
  'email',
  'complaint',
] as const;
export const COMPLAINT_STATUSES = ['open', 'in_progress', 'resolved'] as const;

/** A note or interaction on a contact's timeline. Mutable: it can be corrected later. */
export const noteFieldsSchema = z.object({
  contactId: ulidSchema,
  kind: z.enum(INTERACTION_KINDS),
  /** When it happened (not when it was typed in). */
  at: isoDateTimeSchema,
  text: longTextSchema,
  outcome: z.string().max(1000).optional(),
  complaintStatus: z.enum(COMPLAINT_STATUSES).optional(),
  resolution: longTextSchema.optional(),
  resolvedAt: isoDateTimeSchema.optional(),
});
export type NoteFields = z.infer<typeof noteFieldsSchema>;

export const noteSchema = noteFieldsSchema.extend(mutableMetaShape);
export type Note = z.infer<typeof noteSchema>;
