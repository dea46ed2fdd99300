/**
 * An erased customer's sales, complaints and points stay (reports add up), so lists still show
 * them: under the user's words for "erased customer" (the stored name is an English
 * placeholder), never offered as someone to contact (issue #19, item 16).
 */
import { describe, expect, it } from 'vitest';
import { displayName, ERASED_NAME, withShownNames } from '../../../shared/privacy/erase';
import { openDevice, PERSONAL, seedCustomer } from './privacy-fixtures';

const LABEL = 'Pelanggan terhapus';

describe('an erased customer in lists', { timeout: 60_000 }, () => {
  it('sales rows, complaints and pickers carry what tells the name is the placeholder', async () => {
    const repos = await openDevice('lists');
    const customer = await seedCustomer(repos);
    const before = await repos.loyalty.listSales();
    expect(before.map((s) => [s.contactName, s.contactErased])).toEqual([
      [PERSONAL.dupName, false],
    ]);

    await repos.privacy.eraseContact(customer.id);

    const sales = await repos.loyalty.listSales();
    expect(sales).toHaveLength(1);
    expect(sales[0]!.contactName).toBe(ERASED_NAME);
    expect(sales[0]!.contactErased).toBe(true);

    // The open complaint stays countable; its contact names itself through displayName.
    const complaints = await repos.timeline.openComplaints();
    expect(complaints).toHaveLength(1);
    expect(displayName(complaints[0]!.contact, LABEL)).toBe(LABEL);
    const options = await repos.timeline.contactOptions();
    expect(options.map((o) => displayName(o, LABEL))).toEqual([LABEL]);
  });

  it('is never someone to win back or to remind of expiring points', async () => {
    const repos = await openDevice('quiet');
    const customer = await seedCustomer(repos);
    // Her one purchase is months old: she has gone quiet and has points that expire.
    const quietBefore = await repos.timeline.goneQuiet();
    expect(quietBefore.map((q) => q.contactId)).toEqual([customer.id]);
    const expiringBefore = await repos.loyalty.expiringSoon(3650);
    expect(expiringBefore.map((e) => e.contactId)).toEqual([customer.id]);

    // Today's list is an index range of the kept figures: she is on it, and leaves it.
    const due = async () => (await repos.db.customerFigures.get(customer.id))?.quietDueMs;
    expect(await due()).toBeGreaterThan(0);
    await repos.privacy.eraseContact(customer.id);

    expect(await due()).toBeUndefined();
    expect(await repos.timeline.goneQuiet()).toEqual([]);
    expect(await repos.loyalty.expiringSoon(3650)).toEqual([]);
  });

  it('a contacts export names an erased customer in the user’s words, others as they are', () => {
    const erased = {
      name: ERASED_NAME,
      stamps: { erasedAt: '001790000000000-00000-DEVICEAAAAAAAAAA' },
    };
    const budi = { name: 'Budi', stamps: {} };
    expect(withShownNames([erased, budi], LABEL).map((c) => c.name)).toEqual([LABEL, 'Budi']);
  });
});
