import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addContact, rows } from './helpers';

const FIXTURES = 'tests/fixtures/contacts';

async function importFile(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles(`${FIXTURES}/${file}`);
  return dialog;
}

test.beforeEach(async ({ page }) => {
  await page.goto('./#/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
});

test('a Google Contacts CSV imports after mapping and preview; bad rows are reported by row', async ({
  page,
}) => {
  await addContact(page, { name: 'Siti R.', phone: '0812 3456 7890' });
  const dialog = await importFile(page, 'google-contacts.csv');
  await expect(dialog.getByText('Which column holds what?')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Import as: First Name' })).toHaveValue(
    'First name',
  );
  await dialog.getByRole('button', { name: 'Next' }).click();

  await expect(dialog.getByTestId('import-ready')).toHaveText('3 ready to import');
  await expect(dialog.getByTestId('import-rejected')).toHaveText('3 rows cannot be imported');
  await expect(dialog.getByTestId('import-duplicates')).toContainText('1 already in your book');
  const rejected = dialog.getByTestId('rejected-rows');
  await expect(rejected.getByRole('row', { name: /^5 Birthday/ })).toBeVisible();
  await expect(rejected.getByRole('row', { name: /^6 Name: No name/ })).toBeVisible();
  await expect(
    rejected.getByRole('row', { name: /^7 Phone: This is not a valid phone number/ }),
  ).toBeVisible();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download rejected rows' }).click();
  expect((await download).suggestedFilename()).toBe('rejected-rows.csv');

  await dialog.getByText('Merge into the existing contact').click();
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(dialog.getByText('2 added, 1 merged, 0 skipped.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(rows(page)).toHaveCount(3);
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('jakarta');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Budi Santoso');
  await search.fill('0813 2222');
  await expect(rows(page).first()).toContainText('Budi Santoso');
  // The CSV's Siti was merged into the existing one: her tags joined it.
  await search.fill('vip');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Siti R.');
});

test('a .vcf from a phone imports straight to the preview', async ({ page }) => {
  const dialog = await importFile(page, 'android-phone.vcf');
  await expect(dialog.getByTestId('import-ready')).toHaveText('4 ready to import');
  await dialog.getByRole('button', { name: 'Import 4 contacts' }).click();
  await expect(dialog.getByText('4 added, 0 merged, 0 skipped.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rows(page)).toHaveCount(4);
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('joko pra');
  await expect(rows(page).first()).toContainText('Jokó Prátama');
});

test('bad files get a clear message and change nothing', async ({ page }) => {
  let dialog = await importFile(page, 'empty.csv');
  await expect(dialog.getByRole('alert')).toContainText('This file is empty.');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles(`${FIXTURES}/broken-quotes.csv`);
  await expect(dialog.getByRole('alert')).toContainText('is not closed');

  const chooser2 = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser2).setFiles(`${FIXTURES}/no-name.csv`);
  await expect(dialog.getByRole('alert')).toContainText('Choose the column that holds the name');
  await expect(dialog.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('Escape');
  dialog = page.getByRole('dialog');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No contacts yet')).toBeVisible();
});

test('duplicates are merged from the duplicates view; filters and export work', async ({
  page,
}) => {
  await addContact(page, { name: 'Dewi Lestari', phone: '0878 9999 0000', tags: ['Reseller'] });
  await addContact(page, {
    name: 'Ibu Dewi',
    phone: '+62 878-9999-0000',
    tags: ['VIP'],
    duplicate: true,
  });
  await addContact(page, { name: 'Agus Salim', phone: '0813 2222 3333', tags: ['VIP'] });

  await page.getByRole('button', { name: 'Duplicates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Likely duplicates' });
  await expect(dialog.getByTestId('duplicate-pair')).toHaveCount(1);
  await expect(dialog.getByText('Same phone')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep this one: Dewi Lestari' }).click();
  await page
    .getByRole('dialog', { name: 'Merge these contacts?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(dialog.getByText('No likely duplicates.', { exact: false })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(2);

  // Filter by tag: the survivor carries the merged contact's tag.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page
    .getByRole('region', { name: 'Filter contacts' })
    .getByRole('combobox', { name: 'Tags' })
    .click();
  await page.getByRole('option', { name: 'VIP' }).click();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Export the selection as CSV: UTF-8 BOM, only the selected contact.
  await rows(page).filter({ hasText: 'Dewi Lestari' }).getByRole('checkbox').check();
  await expect(page.getByTestId('selection-count')).toHaveText('1 selected');
  await page
    .getByRole('toolbar', { name: '1 selected' })
    .getByRole('button', { name: 'Export' })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /^CSV/ }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // The merged duplicate's tag is on the survivor; the line is formula-safe and complete.
  expect(text).toContain('\r\nDewi Lestari,0878 9999 0000,,,,,,Reseller; VIP,');
  expect(text).not.toContain('Agus');
});
