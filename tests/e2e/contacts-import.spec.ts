import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addContact, rows } from './helpers';

const FIXTURES = 'tests/fixtures/contacts';

async function importFile(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles(`${FIXTURES}/${file}`);
  await settled(dialog);
  return dialog;
}

/**
 * Reading and checking run in a worker (and a legacy-encoded file first loads the encoding
 * detector): on a busy machine that takes longer than one expect's default wait.
 */
const WORK = { timeout: 60_000 };

/** The file is read: the mapping step, the preview or a message shows. */
async function settled(dialog: Locator) {
  await expect(
    dialog
      .getByText(/^(Which column holds what\?|Check before importing)$/)
      .or(dialog.getByRole('alert')),
  ).toBeVisible(WORK);
}

/** From the mapping step to the checked preview. */
async function next(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByText('Check before importing')).toBeVisible(WORK);
}

/** Pick another encoding; the file is read again (the picker shows it once it is). */
async function pickEncoding(page: Page, dialog: Locator, name: string) {
  const picker = dialog.getByRole('combobox', { name: 'Characters in the file' });
  await picker.click();
  await page.getByRole('option', { name, exact: true }).click();
  await expect(dialog.getByText('Which column holds what?')).toBeVisible(WORK);
  await expect(picker).toHaveValue(name, WORK);
}

test.beforeEach(async ({ page }) => {
  // Imports parse, check and write whole files: more than the default 30 s on a busy machine.
  test.setTimeout(180_000);
  await page.goto('./#/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
});

test('a Google Contacts CSV imports after mapping and preview; nobody is lost, what was not understood is listed by row', async ({
  page,
}) => {
  await addContact(page, { name: 'Siti R.', phone: '0812 3456 7890' });
  const dialog = await importFile(page, 'google-contacts.csv');
  await expect(dialog.getByText('Which column holds what?')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Import as: First Name' })).toHaveValue(
    'First name',
  );
  await next(dialog);

  // A bad birthday, a short code and a company-only row cost nobody (#18.1).
  await expect(dialog.getByTestId('import-ready')).toHaveText('6 ready to import');
  await expect(dialog.getByTestId('import-rejected')).toHaveCount(0);
  await expect(dialog.getByTestId('import-warnings-count')).toHaveText(
    '3 kept with something not understood',
  );
  await expect(dialog.getByTestId('import-duplicates')).toContainText('1 already in your book');
  const kept = dialog.getByTestId('import-warnings');
  await expect(kept.getByRole('row', { name: /^5 Ni Made Wirawan Birthday/ })).toBeVisible();
  await expect(kept.getByRole('row', { name: /^6 PT Tanpa Nama Name: No name/ })).toBeVisible();
  await expect(
    kept.getByRole('row', { name: /^7 Agus Salim Phone: This is not a valid phone number/ }),
  ).toBeVisible();

  await dialog.getByText('Merge into the existing contact').click();
  await dialog.getByRole('button', { name: 'Import 6 contacts' }).click();
  await expect(dialog.getByText('5 added, 1 merged, 0 skipped.')).toBeVisible(WORK);
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await expect(rows(page)).toHaveCount(6);
  await page.reload();
  await expect(rows(page)).toHaveCount(6);
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

test('an Outlook CSV in Windows-1252 shows its encoding and names as they will be saved; the encoding can be changed', async ({
  page,
}) => {
  const dialog = await importFile(page, 'outlook-windows-1252.csv');
  const encoding = dialog.getByRole('combobox', { name: 'Characters in the file' });
  await expect(encoding).toHaveValue('Windows-1252 (Excel, Outlook)');
  await next(dialog);
  const sample = dialog.getByTestId('import-sample');
  await expect(sample).toContainText('José Pérez');
  await expect(sample).toContainText('Toko Ñandú');

  // Read as UTF-8 the same bytes are mangled: the preview shows it before anything is saved.
  await pickEncoding(page, dialog, 'UTF-8');
  await next(dialog);
  await expect(dialog.getByTestId('import-sample')).toContainText('Jos\uFFFD');
  await pickEncoding(page, dialog, 'Windows-1252 (Excel, Outlook)');
  await next(dialog);
  await expect(dialog.getByTestId('import-sample')).toContainText('José Pérez');

  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(dialog.getByText('3 added, 0 merged, 0 skipped.')).toBeVisible(WORK);
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('jose');
  await expect(rows(page).first()).toContainText('José Pérez');
});

test('importing the same file twice adds nobody; duplicates inside the file get the same choice', async ({
  page,
}) => {
  let dialog = await importFile(page, 'google-contacts-2024.csv');
  await next(dialog);
  await expect(dialog.getByTestId('import-ready')).toHaveText('11 ready to import');
  await expect(dialog.getByTestId('import-in-file')).toHaveText('2 appear twice in this file');
  // "Import N" is the plan under the choice: merging the two repeats writes them too.
  await dialog.getByText('Merge into the existing contact').click();
  await expect(dialog.getByRole('button', { name: 'Import 11 contacts' })).toBeVisible();
  await dialog.getByText('Skip them').click();
  await dialog.getByRole('button', { name: 'Import 9 contacts' }).click();
  await expect(dialog.getByText('9 added, 0 merged, 2 skipped.')).toBeVisible(WORK);
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(rows(page)).toHaveCount(9);

  dialog = await importFile(page, 'google-contacts-2024.csv');
  await next(dialog);
  // Every row is someone already there now: Siti R. by number, the second Pak Harto by name.
  await expect(dialog.getByTestId('import-duplicates')).toContainText('11 already in your book');
  await expect(dialog.getByRole('button', { name: 'There is nothing to import.' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(9);
});

test('an iPhone vCard keeps company, job title, labels and a birthday without a year', async ({
  page,
}) => {
  const dialog = await importFile(page, 'iphone.vcf');
  await expect(dialog.getByTestId('import-ready')).toHaveText('5 ready to import');
  await dialog.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(dialog.getByText('5 added, 0 merged, 0 skipped.')).toBeVisible(WORK);
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await rows(page).filter({ hasText: 'Putri Kusuma' }).click();
  await expect(page.getByTestId('contact-work')).toHaveText(
    '“Put” · Manajer, Toko Maju, Penjualan',
  );
  await expect(page.getByTestId('contact-birthday')).toHaveText('15 April');
  await expect(page.getByText('Toko', { exact: true })).toBeVisible();
  await expect(page.getByText('Jl. Tunjungan 1, Surabaya')).toBeVisible();
});

test('the default phone country decides what a number without + means', async ({ page }) => {
  await page.goto('./#/settings');
  await page.getByRole('combobox', { name: 'Default country' }).click();
  await page.getByRole('option', { name: 'United States' }).click();
  await expect(page.getByText('Default phone country saved')).toBeVisible();
  await page.goto('./#/contacts');
  await addContact(page, { name: 'John Miller', phone: '(650) 555-1212' });
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('+1 650');
  await expect(rows(page).first()).toContainText('John Miller');
});

test('a .vcf from a phone imports straight to the preview', async ({ page }) => {
  const dialog = await importFile(page, 'android-phone.vcf');
  await expect(dialog.getByTestId('import-ready')).toHaveText('4 ready to import');
  await dialog.getByRole('button', { name: 'Import 4 contacts' }).click();
  await expect(dialog.getByText('4 added, 0 merged, 0 skipped.')).toBeVisible(WORK);
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
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
  expect(text).toContain('\r\nDewi Lestari,,,,mobile,0878 9999 0000,,,,,,,,Reseller; VIP,');
  expect(text).not.toContain('Agus');
});
