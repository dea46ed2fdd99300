import { z } from 'zod';
import { isoDateTimeSchema, recordMetaShape, rupiahSchema, ulidSchema } from './common';

export const PAYMENT_METHODS = ['cash', 'transfer', 'qris', 'card', 'ewallet', 'other'] as const;

/** One line of a sale as the POS wrote it; amounts in the shop currency's minor unit. */
export const saleLineSchema = z.object({
  item: z.string().max(500).optional(),
  quantity: z.number().finite().nonnegative(),
  unitPrice: rupiahSchema.refine((n) => n >= 0, 'unit price is not negative'),
  amount: rupiahSchema.refine((n) => n >= 0, 'line amount is not negative'),
});
export type SaleLineRecord = z.infer<typeof saleLineSchema>;

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
    /** The shop currency's minor unit (IDR: whole rupiah), positive for both kinds; a refund subtracts it. */
    amount: rupiahSchema.refine((n) => n > 0, 'amount must be positive'),
    invoiceNo: z.string().max(100).optional(),
    items: z.string().max(10_000).optional(),
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    /** The sale's lines (quantity x unit price), from the checkout or a line-item export. */
    lines: z.array(saleLineSchema).max(1000).optional(),
    /**
     * Money taken off by points redeemed in this sale (the redeem entry names the sale by
     * `saleId`); `amount` is what was paid, so the lines add up to amount + pointsDiscount.
     */
    pointsDiscount: rupiahSchema.refine((n) => n > 0, 'discount is positive').optional(),
    /**
     * For a refund: the sale it reverses. An imported cancellation whose sale is not in the file
     * (a POS "C" invoice) names none: it still lowers the customer's spend.
     */
    reversesId: ulidSchema.optional(),
  })
  .refine((s) => s.kind === 'refund' || s.reversesId === undefined, {
    message: 'only a refund reverses a sale',
    path: ['reversesId'],
  });
export type Sale = z.infer<typeof saleSchema>;
