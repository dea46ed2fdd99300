/** What a new shop owner meets in the first hour (issue #19): search, shortcuts, duplicates. */
import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';
import { createContact } from './timeline-helpers';

// Several contacts go in through the UI: give the shared machine time.
test.describe.configure({ timeout: 120_000 });

test('search finds a contact by any part of the phone number', async ({ page }) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await addContact(page, { name: 'Budi Santoso', phone: '+62 857 2468 1357' });
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  for (const [q, name] of [
    ['3456', 'Siti Rahayu'],
    ['7890', 'Siti Rahayu'],
    ['2468 1357', 'Budi Santoso'],
    ['1357', 'Budi Santoso'],
  ] as const) {
    await search.fill(q);
    await expect(rows(page), q).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name);
  }
});

test('shortcuts work from every screen, a contact page included, and "?" lists them', async ({
  page,
}) => {
  await createContact(page, { name: 'Dewi Lestari', phone: '0812 9876 5432' });
  const contactUrl = page.url();

  // Ctrl+K and the header's search button on a contact's page go to the list's search box.
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  await page.goto(contactUrl);
  await expect(page.getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  await page.getByRole('button', { name: 'Search contacts' }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();

  // S on a contact's page: a sale for that contact; F: a follow-up for that contact.
  await page.goto(contactUrl);
  await expect(page.getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  await page.keyboard.press('s');
  const sale = page.getByRole('dialog', { name: 'Record a sale' });
  await expect(sale).toBeVisible();
  // The customer is fixed (the page's contact): no customer field to fill.
  await expect(sale.getByLabel('Amount')).toBeVisible();
  await expect(sale.getByLabel('Customer')).toHaveCount(0);
  // A letter typed while a window is open stays in that window.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(contactUrl);
  await page.keyboard.press('Escape');
  await expect(sale).toBeHidden();
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'New follow-up' })).toBeVisible();
  await page.keyboard.press('Escape');

  // N from Reports, S from Today, F from Settings.
  await page.goto('./#/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/contacts\/new$/);
  await expect(page.getByRole('form', { name: 'Contact details' })).toBeVisible();
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 2 })).toBeVisible();
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/#\/sales$/);
  await expect(page.getByRole('dialog', { name: 'Record a sale' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await page.keyboard.press('f');
  await expect(page).toHaveURL(/#\/followups$/);
  await expect(page.getByRole('dialog', { name: 'New follow-up' })).toBeVisible();
  await page.keyboard.press('Escape');

  // "?" opens the list of shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const what of ['Search contacts', 'New contact', 'Record a sale', 'New follow-up']) {
    await expect(help.getByText(what, { exact: false }).first()).toBeVisible();
  }
});
