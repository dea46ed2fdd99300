import { z } from 'zod';
import { isoDateTimeSchema, pointsSchema, recordMetaShape, ulidSchema } from './common';

/**
 * Loyalty ledger entries: immutable events. There is no "expire" entry: expiry is derived from
 * the ledger and the rules at read time (ARCHITECTURE.md "Loyalty ledger"), so two devices never expire the same
 * points twice. Entries a rule creates (earn for a sale, a birthday bonus) get an id derived
 * from their cause, so two devices make the same entry.
 */
export const LEDGER_KINDS = ['earn', 'redeem', 'adjust', 'reversal', 'bonus'] as const;

export const ledgerEntrySchema = z
  .object({
    ...recordMetaShape,
    contactId: ulidSchema,
    kind: z.enum(LEDGER_KINDS),
    at: isoDateTimeSchema,
    /** Signed: earn and bonus add, redeem subtracts, adjust and reversal go either way. */
    points: pointsSchema.refine((n) => n !== 0, 'zero points'),
    saleId: ulidSchema.optional(),
    reversesId: ulidSchema.optional(),
    reason: z.string().max(1000).optional(),
    /**
     * A referral bonus: the new customer whose first purchase brought it (the entry is on the
     * referrer's ledger). One counts per referred person, also after duplicates of them merge.
     */
    referredId: ulidSchema.optional(),
    /** Id of the loyalty rule in force when the entry was made. */
    ruleId: z.string().max(100).optional(),
  })
  .refine((e) => (e.kind === 'earn' || e.kind === 'bonus' ? e.points > 0 : true), {
    message: 'earned points are positive',
    path: ['points'],
  })
  .refine((e) => (e.kind === 'redeem' ? e.points < 0 : true), {
    message: 'redeemed points are negative',
    path: ['points'],
  })
  .refine((e) => e.kind !== 'adjust' || (e.reason ?? '').trim() !== '', {
    message: 'a manual adjustment has a reason',
    path: ['reason'],
  });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
