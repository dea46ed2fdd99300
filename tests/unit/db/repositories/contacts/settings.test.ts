/** The shop's default phone country (renderer/db/repositories/contacts/settings.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepositories, type Repositories } from '../../../../../renderer/db';

let repos: Repositories;
let dbCounter = 0;
beforeEach(async () => {
  repos = await openRepositories(`test-contacts-settings-${++dbCounter}-${Date.now()}`);
});
afterEach(async () => {
  repos.db.close();
  await repos.db.delete();
});

describe('default phone country setting', () => {
  it('is Indonesia until changed, and is kept', async () => {
    expect(await repos.contacts.phoneRegion()).toBe('ID');
    await repos.contacts.setPhoneRegion('US');
    expect(await repos.contacts.phoneRegion()).toBe('US');
    await expect(repos.contacts.setPhoneRegion('XX')).rejects.toThrow();
  });
});
