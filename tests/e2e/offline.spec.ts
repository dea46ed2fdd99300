import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';

// The first visit downloads and precaches the whole build; on this shared machine that is slow.
test.describe.configure({ timeout: 120_000 });

test('after one visit the web app opens and works with the network off', async ({
  page,
  context,
}) => {
  await page.goto('./#/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
  // The service worker is active once every file of the build is in its precache.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByText('Kenal now works without a network in this browser.')).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await addContact(page, { name: 'Wayan Offline', phone: '0812-1111-2222' });
  await rows(page).filter({ hasText: 'Wayan Offline' }).click();
  await expect(page.getByRole('heading', { name: 'Wayan Offline' })).toBeVisible();
  await page.getByRole('tab', { name: /purchases & points/i }).click();
  await page.getByRole('button', { name: 'Record sale' }).first().click();
  const form = page.getByRole('form', { name: 'Record a sale' });
  await form.getByLabel('Amount').fill('150000');
  await form.getByLabel('Amount').press('Enter');
  await expect(page.getByText('Ask for feedback')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);

  // Still offline: a reload comes from the precache, and the book from IndexedDB.
  await page.reload();
  await page.getByRole('tab', { name: /purchases & points/i }).click();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row').first()).toContainText('150.000');
  await expect(page.getByTestId('points-balance')).toHaveText('15');

  // Every screen (each one a lazily loaded file) opens offline too.
  for (const [path, heading] of [
    ['today', 'Today'],
    ['followups', 'Follow-ups'],
    ['sales', 'Sales'],
    ['reports', 'Reports'],
    ['backup', 'Backup & Sync'],
    ['settings', 'Settings'],
    ['contacts', 'Contacts'],
  ]) {
    await page.goto(`./#/${path}`);
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(rows(page).filter({ hasText: 'Wayan Offline' })).toBeVisible();
});
