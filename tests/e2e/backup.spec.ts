import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';
import { downloadBy, openBackupPage, uploadBy } from './backup-helpers';

test.describe.configure({ timeout: 90_000 });

const tablesOf = async (path: string) => JSON.parse(await readFile(path, 'utf8')).tables;

test('backup, then restore on an empty device, gives the same data', async ({ page, browser }) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890', tags: ['VIP'] });
  await addContact(page, { name: 'Budi Santoso', email: 'budi@example.co.id' });
  await openBackupPage(page);
  const backup = await downloadBy(page, 'Save backup');
  await page.screenshot({ path: '/tmp/backup-page-en.png', fullPage: true });

  // A fresh browser context has an empty IndexedDB: the wiped (or new) device.
  const fresh = await browser.newContext();
  const device = await fresh.newPage();
  await openBackupPage(device);
  await uploadBy(device, 'Restore from a backup file…', backup);
  const dialog = device.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  const contactsRow = dialog.getByTestId('file-counts').getByRole('row', { name: /Contacts/ });
  await expect(contactsRow).toContainText('2');
  await device.screenshot({ path: '/tmp/backup-restore-preview-en.png' });

  // The restore saves a safety backup of what was there first.
  const safety = device.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save safety backup and restore' }).click();
  expect((await safety).suggestedFilename()).toMatch(
    /^kenal-safety-backup-\d{4}-\d{2}-\d{2}\.json$/,
  );
  await expect(dialog).toBeHidden();
  await expect(device.getByText('Backup restored')).toBeVisible();

  await device.goto('./#/contacts');
  await expect(rows(device)).toHaveCount(2);
  await expect(rows(device).first()).toContainText('Budi Santoso');

  // Byte for byte the same records: a backup of the restored device equals the original.
  await openBackupPage(device);
  const again = await downloadBy(device, 'Save backup');
  expect(await tablesOf(again)).toEqual(await tablesOf(backup));
  await fresh.close();
});

test('an encrypted backup needs its password and says when it is wrong', async ({
  page,
  browser,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Made Wirawan' });
  await openBackupPage(page);
  await page.getByLabel('Password (optional)').fill('rahasia toko');
  const file = await downloadBy(page, 'Save backup');
  const text = await readFile(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'kenal-encrypted' });
  expect(text).not.toContain('Made Wirawan');

  const fresh = await browser.newContext();
  const device = await fresh.newPage();
  await openBackupPage(device);
  await uploadBy(device, 'Restore from a backup file…', file);
  const prompt = device.getByRole('dialog', { name: 'This file is encrypted' });
  await prompt.getByLabel('Password', { exact: true }).fill('salah');
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByText('Wrong password')).toBeVisible();
  await prompt.getByLabel('Password', { exact: true }).fill('rahasia toko');
  await prompt.getByRole('button', { name: 'Open' }).click();
  const dialog = device.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog.getByText('Encrypted')).toBeVisible();
  await fresh.close();
});

test('bad files change nothing and say why, in both languages', async ({ page }) => {
  const dir = tmpdir();
  const notJson = join(dir, `kenal-e2e-${Date.now()}-notes.json`);
  await writeFile(notJson, 'this is a shopping list, not JSON');
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Wayan' });
  await openBackupPage(page);

  await uploadBy(page, 'Restore from a backup file…', notJson);
  await expect(page.getByTestId('backup-problem')).toContainText('it is not JSON');
  await expect(page.getByTestId('backup-problem')).toContainText('Nothing was changed');

  // A sync file given to restore is refused as the wrong kind.
  const sync = await downloadBy(page, 'Save sync file');
  await uploadBy(page, 'Restore from a backup file…', sync);
  await expect(page.getByTestId('backup-problem')).toContainText(
    'This is a sync file, not a backup',
  );

  // A backup changed by hand fails its checksum.
  const backup = await downloadBy(page, 'Save backup');
  const tampered = join(dir, `kenal-e2e-${Date.now()}-tampered.json`);
  await writeFile(tampered, (await readFile(backup, 'utf8')).replace('Wayan', 'Wayang'));
  await uploadBy(page, 'Merge a sync file…', backup);
  await expect(page.getByTestId('sync-problem')).toContainText('This is a backup, not a sync file');

  await page.goto('./#/settings');
  await page
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await openBackupPage(page);
  await uploadBy(page, 'Pulihkan dari file cadangan…', tampered);
  await expect(page.getByTestId('backup-problem')).toContainText('checksum tidak cocok');
  await expect(page.getByTestId('backup-problem')).toContainText('Tidak ada yang diubah');
  await page.screenshot({ path: '/tmp/backup-page-id.png', fullPage: true });

  await page.goto('./#/contacts');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Wayan');
});

test('two devices exchange sync files and end with the same book', async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti from the shop' });
  await other.goto('./#/contacts');
  await addContact(other, { name: 'Dewi from the field' });

  await openBackupPage(page);
  const fromShop = await downloadBy(page, 'Save sync file');
  await openBackupPage(other);
  await uploadBy(other, 'Merge a sync file…', fromShop);
  const result = other.getByTestId('merge-result');
  await expect(result.getByRole('row', { name: /Contacts/ })).toContainText('1');
  await other.screenshot({ path: '/tmp/backup-merged-en.png', fullPage: true });

  const fromField = await downloadBy(other, 'Save sync file');
  await uploadBy(page, 'Merge a sync file…', fromField);
  await expect(page.getByTestId('merge-result')).toBeVisible();
  // Merging the same file again changes nothing.
  await uploadBy(page, 'Merge a sync file…', fromField);
  await expect(page.getByText('Nothing new')).toBeVisible();

  for (const p of [page, other]) {
    await p.goto('./#/contacts');
    await expect(rows(p)).toHaveCount(2);
    await expect(rows(p).filter({ hasText: 'Siti from the shop' })).toHaveCount(1);
    await expect(rows(p).filter({ hasText: 'Dewi from the field' })).toHaveCount(1);
  }
  await otherContext.close();
});
