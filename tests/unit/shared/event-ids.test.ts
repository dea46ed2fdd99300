/**
 * shared/event-ids.ts: each derived-id recipe is stable (the ids already stored in every book
 * keep coming out the same: the key strings must never change) and distinct (two recipes never
 * give one id for the same cause).
 */
import { describe, expect, it } from 'vitest';
import * as ids from '../../../shared/event-ids';
import { derivedId, isUlid, ulidTime } from '../../../shared/ids';

const contact = '01J0000000ABCDEFGHJKMNPQRS';
const sale = '01J1111111ABCDEFGHJKMNPQRS';
const atMs = Date.UTC(2025, 4, 17, 3, 4, 5);

/** Every recipe once, over the same cause, with the key it has always stored. */
const recipes: [string, string, string][] = [
  ['earn', ids.earnEventId(sale, atMs), derivedId(atMs, `earn:${sale}`)],
  ['redeem', ids.redeemEventId(sale, atMs), derivedId(atMs, `redeem:${sale}`)],
  ['reversal', ids.reversalEventId(sale, atMs), derivedId(atMs, `reversal:${sale}`)],
  ['over-refund', ids.overRefundEventId(sale, atMs), derivedId(atMs, `over-refund:${sale}`)],
  ['welcome', ids.welcomeEventId(contact), derivedId(ulidTime(contact), `welcome:${contact}`)],
  [
    'birthday',
    ids.birthdayEventId(contact, 2025, 2, 28),
    derivedId(Date.UTC(2025, 1, 28), `birthday:${contact}:2025`),
  ],
  ['referral', ids.referralEventId(contact), derivedId(ulidTime(contact), `referral:${contact}`)],
  ['next follow-up', ids.nextFollowUpEventId(sale, atMs), derivedId(atMs, `followup-next:${sale}`)],
  ['invoice', ids.importedInvoiceEventId('INV-7', atMs), derivedId(atMs, 'invoice:INV-7')],
  ['refund', ids.importedRefundEventId('INV-7', atMs), derivedId(atMs, 'refund:INV-7')],
  ['import-contact', ids.importContactId('p:+62812'), derivedId(0, 'import-contact:p:+62812')],
  ['setting', ids.settingId('loyalty.rules'), derivedId(0, 'setting:loyalty.rules')],
  [
    'device name',
    ids.deviceNameId('ABCDEFGHJKMNPQRS'),
    derivedId(0, 'device-name:ABCDEFGHJKMNPQRS'),
  ],
  ['demo', ids.demoRecordId(3, 'c:1', atMs), derivedId(atMs, 'demo:3:c:1')],
  ['demo heavy', ids.demoRecordId(3, 'c:1', atMs, true), derivedId(atMs, 'demo-heavy:3:c:1')],
];

describe('derived event ids', () => {
  it.each(recipes)('%s keeps the id it has always made', (_name, id, stored) => {
    expect(isUlid(id)).toBe(true);
    expect(id).toBe(stored);
  });

  it('ids already in books do not change (pinned values)', () => {
    expect(ids.earnEventId(sale, atMs)).toMatchInlineSnapshot(`"01JVE35S48YQ91J45QQ8GXS405"`);
    expect(ids.welcomeEventId(contact)).toMatchInlineSnapshot(`"01J0000000ZMMGHT4TH4JE9H81"`);
    expect(ids.settingId('loyalty.rules')).toMatchInlineSnapshot(`"0000000000VMKQGZ1Z3G3GDK5X"`);
  });

  it('no two recipes give the same id for the same cause', () => {
    const all = recipes.map(([, id]) => id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a recipe is distinct per cause: another sale, year or key gives another id', () => {
    expect(ids.earnEventId(sale, atMs)).not.toBe(ids.earnEventId(contact, atMs));
    expect(ids.birthdayEventId(contact, 2025, 3, 1)).not.toBe(
      ids.birthdayEventId(contact, 2026, 3, 1),
    );
    expect(ids.settingId('a')).not.toBe(ids.settingId('b'));
  });
});
