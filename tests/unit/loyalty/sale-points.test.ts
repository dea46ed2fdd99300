import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/hlc';
import { derivedId } from '../../../shared/ids';
import { earnEntryId } from '../../../shared/loyalty/import-points';
import { salePointsEntry } from '../../../shared/loyalty/sale-points';
import { createEvent } from '../../../shared/records';
import { ledgerEntrySchema } from '../../../shared/schemas';
import { isRuleDerived } from '../../../shared/sync/guard';

const SALE = {
  id: '01JSA0000000000000000000AA',
  contactId: '01JCC0000000000000000000CC',
  at: '2026-03-01T08:00:00.000Z',
};
const STAMP = formatStamp({ wall: Date.parse(SALE.at), counter: 0, deviceId: 'AAAAAAAAAAAAAAAA' });

describe('the ledger entries of a sale', () => {
  it('earn adds, redeem takes off; both name the sale and the rule, with ids derived from the sale', () => {
    const earn = salePointsEntry('earn', SALE, 12, 'rule-1');
    const redeem = salePointsEntry('redeem', SALE, 50, 'rule-1');
    expect(earn.fields).toEqual({
      contactId: SALE.contactId,
      kind: 'earn',
      at: SALE.at,
      points: 12,
      saleId: SALE.id,
      ruleId: 'rule-1',
    });
    expect(redeem.fields.points).toBe(-50);
    expect(redeem.fields.kind).toBe('redeem');
    // The earn id is the one imports and the guard derive; the redeem id its own.
    expect(earn.id).toBe(earnEntryId(SALE));
    expect(redeem.id).toBe(derivedId(Date.parse(SALE.at), `redeem:${SALE.id}`));
    expect(redeem.id).not.toBe(earn.id);
    for (const e of [earn, redeem]) {
      const entry = createEvent(e.fields, { id: e.id, createdAt: SALE.at, stamp: STAMP });
      expect(ledgerEntrySchema.safeParse(entry).success).toBe(true);
    }
    expect(
      isRuleDerived(
        'ledger',
        createEvent(earn.fields, { id: earn.id, createdAt: SALE.at, stamp: STAMP }),
      ),
    ).toBe(true);
  });
});
