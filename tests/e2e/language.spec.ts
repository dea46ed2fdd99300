import { expect, test } from '@playwright/test';
import { addContact } from './helpers';

test('switching to Bahasa Indonesia translates the screen and is remembered', async ({ page }) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Rina Wati', phone: '0812 1111 2222' });
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kontak', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Penjualan & Poin' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Kontak baru/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Nomor HP' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kontak', exact: true })).toBeVisible();

  // Validation messages speak the chosen language too.
  await page.keyboard.press('n');
  const form = page.getByRole('form');
  await form.getByLabel(/^nama(?! depan)/i).fill('Joko');
  await form.getByLabel(/^nomor hp$/i).fill('12');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByText('Nomor HP ini tidak valid.', { exact: false })).toBeVisible();
});

test('money and dates follow the language through Intl', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByTestId('money-example')).toHaveText(/^Rp\s1\.250\.000$/);
  await page
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true })).toBeVisible();
  await expect(page.getByTestId('money-example')).toHaveText(/^Rp\s1\.250\.000$/);
});

test('every area of the app is in the sidebar and opens', async ({ page }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const name of [
    'Today',
    'Contacts',
    'Follow-ups',
    'Sales & Loyalty',
    'Reports',
    'Backup & Sync',
    'Settings',
  ]) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
});
