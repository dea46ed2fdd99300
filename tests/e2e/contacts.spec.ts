import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';

// Several tests add three contacts and then search: about 12 s on a quiet machine, past 30 s
// while the whole suite shares CI's 2 cores (seen once in a full run, not a slowdown in the app).
test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./#/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
});

test('a new contact is saved and is still there after a reload', async ({ page }) => {
  await expect(page.getByText('No contacts yet')).toBeVisible();
  await addContact(page, {
    name: 'Siti Rahayu',
    phone: '0812-3456-7890',
    email: 'siti@example.co.id',
    tags: ['VIP'],
  });
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Siti Rahayu');
  await expect(rows(page).first()).toContainText('0812-3456-7890');
  await expect(rows(page).first()).toContainText('VIP');

  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Siti Rahayu');
  await expect(rows(page).first()).toContainText('siti@example.co.id');
});

test('an invalid phone number shows the message and saves nothing', async ({ page }) => {
  await page.keyboard.press('n');
  const form = page.getByRole('form');
  await form.getByLabel(/^name/i).fill('Budi Santoso');
  await form.getByLabel(/^phone$/i).fill('0812345');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('This is not a valid phone number.', { exact: false })).toBeVisible();
  await expect(form).toBeVisible();

  await page.reload();
  await expect(page.getByText('No contacts yet')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
});

test('a contact without a name is refused with a message', async ({ page }) => {
  await page.keyboard.press('n');
  const form = page.getByRole('form');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Enter a name.')).toBeVisible();
});

test('search finds a contact by name prefix and by phone typed in another format', async ({
  page,
}) => {
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await addContact(page, { name: 'Budi Santoso', phone: '+62 857 1111 2222' });
  await addContact(page, { name: 'Made Wirawan', phone: '0361 234567' });
  await expect(rows(page)).toHaveCount(3);

  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('sit');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Siti Rahayu');

  await search.fill('+62812 3456');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Siti Rahayu');

  await search.fill('0857');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Budi Santoso');

  await search.fill('zzz');
  await expect(page.getByText('No contact matches “zzz”')).toBeVisible();

  await search.press('Escape');
  await expect(rows(page)).toHaveCount(3);
});

test('Ctrl+K from another screen opens the contact search', async ({ page }) => {
  await page.goto('./#/settings');
  // A person presses the keys once they see the screen (Settings loads on first visit).
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
});

test('a contact opens on its own page, and editing changes only what was edited', async ({
  page,
}) => {
  await addContact(page, { name: 'Dewi Lestari', phone: '081298765432', tags: ['Grosir'] });
  await rows(page).first().click();
  await expect(page.getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  // Shown the way Indonesians write it, whatever was typed.
  await expect(page.getByText('0812-9876-5432')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  // The contact page has other forms (the timeline's); the drawer's is "Contact details".
  const form = page.getByRole('form', { name: 'Contact details' });
  await expect(form.getByLabel(/^name/i)).toHaveValue('Dewi Lestari');
  await form.getByLabel(/^name/i).fill('Dewi Lestari Putri');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Dewi Lestari Putri' })).toBeVisible();

  await page.getByRole('link', { name: 'All contacts' }).click();
  await expect(rows(page).first()).toContainText('Dewi Lestari Putri');
  await expect(rows(page).first()).toContainText('0812-9876-5432');
  await expect(rows(page).first()).toContainText('Grosir');
});

test('a deleted contact can be brought back with Undo', async ({ page }) => {
  await addContact(page, { name: 'Agus Salim', phone: '0813 2222 3333' });
  await rows(page).first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page
    .getByRole('form', { name: 'Contact details' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('Agus Salim deleted')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Agus Salim');
});

test('keyboard: N adds a contact, Enter on a row opens it', async ({ page }) => {
  await page.keyboard.press('n');
  const form = page.getByRole('form');
  await form.getByLabel(/^name/i).fill('Wayan Sudarma');
  await form.getByLabel(/^name/i).press('Enter');
  await expect(form).toBeHidden();
  await rows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Wayan Sudarma' })).toBeVisible();
});

test('a refused save takes the user to the field to fix', async ({ page }) => {
  await page.keyboard.press('n');
  const form = page.getByRole('form', { name: 'Contact details' });
  await form.getByLabel(/^name/i).fill('Joko');
  await form.getByLabel(/^phone$/i).fill('0812');
  await form.getByLabel(/^note/i).fill('Prefers mornings');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByLabel(/^phone$/i)).toBeFocused();
  await expect(
    form.getByText('This is not a valid phone number.', { exact: false }),
  ).toBeInViewport();
});

test('everything Kenal holds about one customer can be exported (UU PDP)', async ({ page }) => {
  await addContact(page, { name: 'Wulan Sari', phone: '0812 9999 0000' });
  await rows(page).first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export their data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kenal-data-wulan-sari-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    format: string;
    contacts: { name: string; phones: { e164: string }[] }[];
  };
  expect(data.format).toBe('kenal-person');
  expect(data.contacts).toHaveLength(1);
  expect(data.contacts[0]!.name).toBe('Wulan Sari');
  expect(data.contacts[0]!.phones[0]!.e164).toBe('+6281299990000');
});
