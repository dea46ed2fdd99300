/**
 * Every derived record id, one named recipe each (ARCHITECTURE.md "Events and mutable records"):
 * a record whose cause is known gets an id made from that cause with `derivedId`, so two
 * devices that make "the same" record make the same id and a merge counts it once. The key
 * strings below are stored in every book: changing one changes ids and duplicates records.
 * Pure.
 */
import { derivedId, ulidTime } from './ids';

/** The points earned for a sale. */
export const earnEventId = (saleId: string, saleAtMs: number): string =>
  derivedId(saleAtMs, `earn:${saleId}`);

/** The points redeemed in a sale (taken off at the checkout). */
export const redeemEventId = (saleId: string, saleAtMs: number): string =>
  derivedId(saleAtMs, `redeem:${saleId}`);

/** The points a refund (or an imported refund sale) takes back: from the refund's id. */
export const reversalEventId = (refundId: string, refundAtMs: number): string =>
  derivedId(refundAtMs, `reversal:${refundId}`);

/** The follow-up that asks someone to resolve an over-refunded purchase. */
export const overRefundEventId = (saleId: string, saleAtMs: number): string =>
  derivedId(saleAtMs, `over-refund:${saleId}`);

/** A member's welcome bonus: once per contact, timed at the contact's creation. */
export const welcomeEventId = (contactId: string): string =>
  derivedId(ulidTime(contactId), `welcome:${contactId}`);

/** A member's birthday bonus of `year` (`month` 1-12 and `day` of the birthday). */
export const birthdayEventId = (
  contactId: string,
  year: number,
  month: number,
  day: number,
): string => derivedId(Date.UTC(year, month - 1, day), `birthday:${contactId}:${year}`);

/** The referral bonus the first purchase of `referredId` brings its referrer. */
export const referralEventId = (referredId: string): string =>
  derivedId(ulidTime(referredId), `referral:${referredId}`);

/** The follow-up a repeating follow-up makes when it is done, due at `dueAtMs`. */
export const nextFollowUpEventId = (followUpId: string, dueAtMs: number): string =>
  derivedId(dueAtMs, `followup-next:${followUpId}`);

/** A sale imported from a POS invoice, at the file's naive time read as UTC. */
export const importedInvoiceEventId = (invoiceNo: string, naiveUtcMs: number): string =>
  derivedId(naiveUtcMs, `invoice:${invoiceNo}`);

/** A refund imported from a POS invoice ("C" cancellation or a sale's returns). */
export const importedRefundEventId = (invoiceNo: string, naiveUtcMs: number): string =>
  derivedId(naiveUtcMs, `refund:${invoiceNo}`);

/** A contact an import creates for a customer key of the file; time part 0. */
export const importContactId = (customerKey: string): string =>
  derivedId(0, `import-contact:${customerKey}`);

/** A setting row: one per key on every device; time part 0. */
export const settingId = (key: string): string => derivedId(0, `setting:${key}`);

/** The setting that holds a device's name; time part 0. */
export const deviceNameId = (deviceId: string): string => derivedId(0, `device-name:${deviceId}`);

/** A record of the generated demo book (`heavy`: the large-book generator). */
export const demoRecordId = (seed: number, key: string, atMs: number, heavy = false): string =>
  derivedId(atMs, `${heavy ? 'demo-heavy' : 'demo'}:${seed}:${key}`);
