import { z } from 'zod';
import { isoDateTimeSchema, recordMetaShape, ulidSchema } from './common';

/** Score ranges: NPS 0-10, CSAT 1-5, CES 1-7. */
export const FEEDBACK_RANGES = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
} as const;
export type FeedbackType = keyof typeof FEEDBACK_RANGES;

/** One survey answer: an immutable event. */
export const feedbackSchema = z
  .object({
    ...recordMetaShape,
    contactId: ulidSchema,
    type: z.enum(['nps', 'csat', 'ces']),
    score: z.number().int(),
    at: isoDateTimeSchema,
    comment: z.string().max(10_000).optional(),
    saleId: ulidSchema.optional(),
    noteId: ulidSchema.optional(),
  })
  .refine((f) => f.score >= FEEDBACK_RANGES[f.type][0] && f.score <= FEEDBACK_RANGES[f.type][1], {
    message: 'score out of range for its type',
    path: ['score'],
  });
export type Feedback = z.infer<typeof feedbackSchema>;
