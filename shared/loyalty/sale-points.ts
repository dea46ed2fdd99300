/**
 * The ledger entries a sale makes: the points earned for it and the points redeemed in it. Both
 * have an id derived from the sale (shared/event-ids.ts), so two devices that record or import
 * the same sale make one entry, and the guard (shared/sync/guard.ts) knows them as rule-derived.
 * Pure.
 */
import { earnEventId, redeemEventId } from '../event-ids';
import type { LedgerEntry } from '../schemas';

export type SalePointsKind = 'earn' | 'redeem';

/** The id of a sale's earn or redeem entry. */
export const salePointsEntryId = (kind: SalePointsKind, sale: { id: string; at: string }) =>
  (kind === 'earn' ? earnEventId : redeemEventId)(sale.id, Date.parse(sale.at));

/**
 * The fields and id of the entry moving `points` (a positive count) for a sale: added when
 * earned, taken off when redeemed, under the loyalty rule `ruleId` in force at the sale.
 */
export function salePointsEntry(
  kind: SalePointsKind,
  sale: { id: string; contactId: string; at: string },
  points: number,
  ruleId: string,
): {
  id: string;
  fields: Pick<LedgerEntry, 'contactId' | 'kind' | 'at' | 'points' | 'saleId' | 'ruleId'>;
} {
  return {
    id: salePointsEntryId(kind, sale),
    fields: {
      contactId: sale.contactId,
      kind,
      at: sale.at,
      points: kind === 'redeem' ? -points : points,
      saleId: sale.id,
      ruleId,
    },
  };
}
