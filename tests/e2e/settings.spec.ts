import { expect, test } from '@playwright/test';
import { addContact } from './helpers';

test('demo data fills an empty book so every screen has something to show', async ({ page }) => {
  // The load below may take up to a minute on a busy machine: the test must allow it too.
  test.setTimeout(120_000);
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load demo data?' });
  await dialog.getByRole('button', { name: 'Load demo data' }).click();
  // 300 customers over three years with their points: longer than 5 s on a busy 2-core machine.
  await expect(page.getByText(/Loaded 300 customers and \d+ sales/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByTestId('contact-count')).toHaveText('300');
  // It survives a reload, and it cannot be loaded twice into a book that has customers.
  await page.goto('./#/settings');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeDisabled();
});

test('demo data is refused once the book has real customers', async ({ page }) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await page.goto('./#/settings');
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeDisabled();
  await expect(page.getByText('Demo data can only be loaded into an empty book')).toBeVisible();
});
