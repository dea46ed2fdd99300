import { z } from 'zod';
import { isoDateTimeSchema, recordMetaShape, rupiahSchema, ulidSchema } from './common';

export const PAYMENT_METHODS = ['cash', 'transfer', 'qris', 'card', 'ewallet', 'other'] as const;

/**
 * A purchase or a refund: an immutable event (merged as a set by id). A refund is a new event
 * that reverses an earlier sale; a sale is never edited.
 */
export const saleSchema = z
  .object({
    ...recordMetaShape,
    contactId: ulidSchema,
    kind: z.enum(['purchase', 'refund']),
    at: isoDateTimeSchema,
    /** Whole rupiah, positive for both kinds; a refund subtracts it. */
    amount: rupiahSchema.refine((n) => n > 0, 'amount must be positive'),
    invoiceNo: z.string().max(100).optional(),
    items: z.string().max(10_000).optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    /** For a refund: the sale it reverses. */
    reversesId: ulidSchema.optional(),
  })
  .refine((s) => s.kind === 'purchase' || s.reversesId !== undefined, {
    message: 'a refund names the sale it reverses',
    path: ['reversesId'],
  });
export type Sale = z.infer<typeof saleSchema>;
