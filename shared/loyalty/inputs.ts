/** What a user types to record a sale, a refund, a redemption, an adjustment or feedback. */
import { z } from 'zod';
import { FEEDBACK_RANGES } from '../schemas/feedback';
import { PAYMENT_METHODS } from '../schemas/sale';
import { isoDateTimeSchema, ulidSchema } from '../schemas/common';

const positiveRupiah = z
  .number()
  .int('sales.errors.amountWhole')
  .min(1, 'sales.errors.amountPositive')
  .max(1_000_000_000_000, 'sales.errors.amountTooLarge');

export const saleInputSchema = z.object({
  contactId: ulidSchema,
  amount: positiveRupiah,
  at: isoDateTimeSchema,
  items: z.string().trim().max(10_000).optional(),
  invoiceNo: z.string().trim().max(100).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
});
export type SaleInput = z.input<typeof saleInputSchema>;

export const refundInputSchema = z.object({
  saleId: ulidSchema,
  amount: positiveRupiah,
  at: isoDateTimeSchema,
  reason: z.string().trim().max(1000).optional(),
});
export type RefundInput = z.input<typeof refundInputSchema>;

const positivePoints = z
  .number()
  .int('sales.errors.pointsWhole')
  .min(1, 'sales.errors.pointsPositive')
  .max(1_000_000_000, 'sales.errors.pointsTooLarge');

export const redeemInputSchema = z.object({
  contactId: ulidSchema,
  points: positivePoints,
  reason: z.string().trim().max(1000).optional(),
});
export type RedeemInput = z.input<typeof redeemInputSchema>;

export const adjustInputSchema = z.object({
  contactId: ulidSchema,
  /** Signed: a correction up or down. */
  points: z
    .number()
    .int('sales.errors.pointsWhole')
    .refine((n) => n !== 0, 'sales.errors.pointsNotZero')
    .refine((n) => Math.abs(n) <= 1_000_000_000, 'sales.errors.pointsTooLarge'),
  reason: z.string().trim().min(1, 'sales.errors.reasonRequired').max(1000),
});
export type AdjustInput = z.input<typeof adjustInputSchema>;

export const feedbackInputSchema = z
  .object({
    contactId: ulidSchema,
    type: z.enum(['nps', 'csat', 'ces']),
    score: z.number().int(),
    comment: z.string().trim().max(10_000).optional(),
    saleId: ulidSchema.optional(),
    noteId: ulidSchema.optional(),
  })
  .refine((f) => f.score >= FEEDBACK_RANGES[f.type][0] && f.score <= FEEDBACK_RANGES[f.type][1], {
    message: 'sales.errors.scoreRange',
    path: ['score'],
  });
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

/** The first message of a failed parse: an i18n key when we wrote it, else a generic one. */
export function firstErrorKey(error: z.ZodError): string {
  const msg = error.issues[0]?.message ?? '';
  return msg.startsWith('sales.errors.') ? msg : 'sales.errors.invalid';
}
