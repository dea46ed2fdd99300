/** What a user types to record a sale, a refund, a redemption, an adjustment or feedback. */
import { isLoyaltyError, type LoyaltyError } from './errors';
import { z } from 'zod';
import { FEEDBACK_RANGES } from '../schemas/feedback';
import { PAYMENT_METHODS, saleLineSchema } from '../schemas/sale';
import { lineAmount } from '../sales/checkout';
import { isoDateTimeSchema, ulidSchema } from '../schemas/common';

const positiveRupiah = z
  .number()
  .int('sales.errors.amountWhole')
  .min(1, 'sales.errors.amountPositive')
  .max(1_000_000_000_000, 'sales.errors.amountTooLarge');

export const saleInputSchema = z
  .object({
    contactId: ulidSchema,
    /** Before any points are taken off: the lines' sum when there are lines. */
    amount: positiveRupiah,
    at: isoDateTimeSchema,
    items: z.string().trim().max(10_000).optional(),
    invoiceNo: z.string().trim().max(100).optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    /** The checkout's lines (shared/sales/checkout.ts); each amount is quantity x unit price. */
    lines: z
      .array(saleLineSchema)
      .max(1000)
      .refine(
        (ls) => ls.every((l) => l.quantity > 0 && lineAmount(l.quantity, l.unitPrice) === l.amount),
        'checkout.errors.lineRounds',
      )
      .optional(),
    /** Points redeemed as a discount in this sale (the rules decide whether it may). */
    redeemPoints: z.number().int('sales.errors.pointsWhole').min(0).max(1_000_000_000).optional(),
  })
  .refine((v) => !v.lines?.length || v.lines.reduce((n, l) => n + l.amount, 0) === v.amount, {
    message: 'checkout.errors.linesTotal',
    path: ['amount'],
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
export function firstErrorKey(error: z.ZodError): LoyaltyError {
  const msg = error.issues[0]?.message ?? '';
  return isLoyaltyError(msg) ? msg : 'sales.errors.invalid';
}
