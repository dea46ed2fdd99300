/**
 * Opening a contact's page must not write data: the loyalty reads its panel makes
 * (renderer/features/loyalty/ContactLoyaltyPanel.tsx) leave every table and the change log as
 * they were, even for a member whose birthday bonus is due (granted only by the start-up task,
 * renderer/app/StartupTasks.tsx, through grantBirthdayBonuses).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../../../renderer/db';
import { createLoyaltyRepository } from '../../../../../renderer/db/repositories/loyalty';
import { emptyContactInput } from '../../../../../shared/contact-input';
import { DEFAULT_RULE } from '../../../../../shared/loyalty/rules';

let repos: Repositories;
let loyalty: ReturnType<typeof createLoyaltyRepository>;
let n = 0;
const clockNow = new Date('2026-11-23T10:00:00+07:00');

beforeEach(async () => {
  repos = await openRepositories(`test-loyalty-read-only-${++n}-${Date.now()}`);
  loyalty = createLoyaltyRepository(repos.db, repos.clock, () => clockNow);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

/** Every table's rows (the change log `history` included), to compare before and after. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of repos.db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('a contact page read', () => {
  it("writes nothing, even with the member's birthday bonus due", async () => {
    await loyalty.saveRuleVersion({ ...DEFAULT_RULE, birthdayBonus: 20 });
    const r = await repos.contacts.create({
      ...emptyContactInput(),
      name: 'Siti Rahayu',
      phones: [{ label: 'mobile', raw: '0812-3456-7890' }],
      birthday: '1990-11-20',
    });
    if (!r.ok) throw new Error('contact');
    const id = r.value.id;
    const sold = await loyalty.recordSale({
      contactId: id,
      amount: 100_000,
      at: '2026-11-20T10:00:00+07:00',
      paymentMethod: 'cash',
    });
    expect(sold.ok).toBe(true);
    await loyalty.addFeedback({ contactId: id, type: 'csat', score: 5 });
    // Figures kept up to date and all work settled before the reads.
    await loyalty.contactLoyalty(id, 30, { history: false });
    const before = await snapshot();
    expect(before.ledger!.length).toBe(1);

    // The panel's reads, as it makes them.
    await loyalty.contactLoyalty(id, 30, { history: false });
    await loyalty.contactSales(id, 11);
    await loyalty.ledgerHistory(id, 10);
    await loyalty.contactFeedback(id);
    await loyalty.contactLoyalty(id);

    expect(await snapshot()).toEqual(before);
    // The bonus is due: the start-up task (not the page) grants it.
    expect(await loyalty.grantBirthdayBonuses()).toBe(1);
  });
});
