import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';
import { openBackupPage } from './backup-helpers';
import {
  diskFolder,
  fakeDesktopBridge,
  fakeDirectoryPicker,
  folderFiles,
  noDirectoryPicker,
  putFiles,
} from './backup-folder-helpers';

test.describe.configure({ timeout: 90_000 });

const OTHER_DEVICE = 'FEDCBA9876543210';

test('two devices sync through a shared folder; a half-copied file waits', async ({ browser }) => {
  const shopContext = await browser.newContext();
  await fakeDirectoryPicker(shopContext, 'Dropbox/Kenal');
  const shop = await shopContext.newPage();
  const fieldContext = await browser.newContext();
  await fakeDirectoryPicker(fieldContext, 'Dropbox/Kenal');
  const field = await fieldContext.newPage();

  await shop.goto('./#/contacts');
  await addContact(shop, { name: 'Siti from the shop' });
  await field.goto('./#/contacts');
  await addContact(field, { name: 'Dewi from the field' });

  // The shop chooses the folder: it writes its snapshot there at once.
  await openBackupPage(shop);
  await expect(shop.getByTestId('sync-folder-name')).toHaveText('No sync folder chosen');
  await shop.getByRole('button', { name: 'Choose sync folder…' }).click();
  await expect(shop.getByTestId('sync-folder-name')).toHaveText('Dropbox/Kenal');
  await expect(shop.getByTestId('sync-folder-last')).toBeVisible();
  const shopFiles = await folderFiles(shop);
  expect(Object.keys(shopFiles)).toEqual([
    expect.stringMatching(/^kenal-[0-9A-Z]{16}-snap-.+\.json$/),
  ]);

  // The sync engine copies the shop's file to the field device, plus a file still in transit.
  await putFiles(field, shopFiles);
  const halfName = `kenal-${OTHER_DEVICE}-snap-000001700000000-00000.json`;
  await putFiles(field, { [halfName]: '{"format":"kenal","kind":"sync","tables":{"contac' });
  await openBackupPage(field);
  await field.getByRole('button', { name: 'Choose sync folder…' }).click();
  await expect(field.getByTestId('sync-folder-devices')).toContainText(Object.keys(shopFiles)[0]!);
  const problems = field.getByTestId('sync-folder-problems');
  await expect(problems).toContainText(halfName);
  await expect(problems).toContainText('Incomplete: probably still being copied');
  await field.screenshot({ path: '/tmp/syncfolder-status-en.png', fullPage: true });

  // The field device now has both; its own file goes back to the shop.
  await field.goto('./#/contacts');
  await expect(rows(field)).toHaveCount(2);
  const fieldFiles = await folderFiles(field);
  const fieldOwn = Object.fromEntries(
    Object.entries(fieldFiles).filter(([n]) => !(n in shopFiles) && n !== halfName),
  );
  expect(Object.keys(fieldOwn)).toHaveLength(1);
  // Nobody touched the other devices' files.
  expect(fieldFiles[halfName]).toContain('"contac');
  expect(Object.keys(shopFiles).every((n) => fieldFiles[n] === shopFiles[n])).toBe(true);

  await putFiles(shop, fieldOwn);
  await shop.getByRole('button', { name: 'Sync now' }).click();
  await expect(shop.getByTestId('sync-folder-devices')).toContainText(Object.keys(fieldOwn)[0]!);
  await shop.goto('./#/contacts');
  await expect(rows(shop)).toHaveCount(2);
  await expect(shop.getByText('Dewi from the field')).toBeVisible();

  // In Bahasa Indonesia.
  await field.goto('./#/settings');
  await field
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await openBackupPage(field);
  await expect(field.getByTestId('sync-folder-problems')).toContainText('Belum lengkap');
  await field.screenshot({ path: '/tmp/syncfolder-status-id.png', fullPage: true });

  await shopContext.close();
  await fieldContext.close();
});

test('a browser without folder access says what is needed', async ({ browser }) => {
  const context = await browser.newContext();
  await noDirectoryPicker(context);
  const page = await context.newPage();
  await openBackupPage(page);
  await expect(
    page.getByText('A sync folder needs the Kenal desktop app, or Chrome or Edge'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose sync folder…' })).toHaveCount(0);
  await context.close();
});

test('desktop: automatic backups keep the newest N; a restore saves its safety backup silently', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await fakeDesktopBridge(context);
  const page = await context.newPage();
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Putu Ayu' });

  await page.goto('./#/settings');
  const auto = page.getByTestId('auto-backup');
  await expect(auto).toContainText('/app/backups');
  // The scheduler writes the day's backup by itself when the desktop app opens.
  await expect(auto).toContainText('Last automatic backup:');
  await expect
    .poll(async () => Object.keys(await diskFolder(page, '/app/backups')))
    .toEqual([expect.stringMatching(/^kenal-auto-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)]);
  await auto.getByLabel('Backups to keep').fill('1');
  await auto.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(async () => Object.keys(await diskFolder(page, '/app/backups')).length).toBe(1);
  const first = Object.keys(await diskFolder(page, '/app/backups'));
  expect(first).toEqual([
    expect.stringMatching(/^kenal-auto-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/),
  ]);
  await expect
    .poll(async () => {
      await auto.getByRole('button', { name: 'Back up now' }).click();
      return Object.keys(await diskFolder(page, '/app/backups'));
    })
    .not.toEqual(first);
  expect(Object.keys(await diskFolder(page, '/app/backups'))).toHaveLength(1);
  await page
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await expect(auto).toContainText('Cadangan otomatis terakhir:');
  await auto.screenshot({ path: '/tmp/syncfolder-settings-id.png' });
  await page
    .getByRole('radiogroup', { name: 'Bahasa' })
    .first()
    .getByText('EN', { exact: true })
    .click();

  // Restore that backup: the safety backup goes to the backup folder without a dialog.
  const [backupName, backup] = Object.entries(await diskFolder(page, '/app/backups'))[0]!;
  await page.evaluate(
    ({ name, content }) => {
      (window as unknown as Record<string, unknown>).__kenalNextOpen = {
        status: 'opened',
        file: { name, size: content.length, content },
      };
    },
    { name: backupName, content: backup },
  );
  await openBackupPage(page);
  await page.getByRole('button', { name: 'Restore from a backup file…' }).click();
  await page
    .getByRole('dialog', { name: 'Restore this backup?' })
    .getByRole('button', { name: 'Save safety backup and restore' })
    .click();
  await expect(page.getByText('Backup restored')).toBeVisible();
  const names = Object.keys(await diskFolder(page, '/app/backups'));
  expect(names.filter((n) => n.startsWith('kenal-safety-backup-'))).toHaveLength(1);
  expect(
    await page.evaluate(() => (window as unknown as Record<string, unknown>).__kenalSaveDialogs),
  ).toBeUndefined();
  await context.close();
});
