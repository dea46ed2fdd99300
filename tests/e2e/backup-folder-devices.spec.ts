import { expect as baseExpect, test } from '@playwright/test';
import { openBackupPage } from './backup-helpers';
import { fakeDirectoryPicker, folderFiles, putFiles } from './backup-folder-helpers';

test.describe.configure({ timeout: 90_000 });

const viewport = { width: 1366, height: 768 };
// Two browser contexts on a busy machine: give each step more time than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

test('devices in the sync folder by name, last seen, problems until solved, an emptied folder', async ({
  browser,
}) => {
  const shopContext = await browser.newContext({ viewport });
  await fakeDirectoryPicker(shopContext, 'Sync/Kenal');
  const shop = await shopContext.newPage();
  const outletContext = await browser.newContext({ viewport });
  await fakeDirectoryPicker(outletContext, 'Sync/Kenal');
  const outlet = await outletContext.newPage();

  await openBackupPage(shop);
  await shop.getByRole('button', { name: 'Choose sync folder…' }).click();
  await shop.getByLabel('This device’s name').fill('Till 1');
  await shop.getByRole('button', { name: 'Save name' }).click();
  await expect(shop.getByText('Device name saved')).toBeVisible();
  await shop.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => Object.keys(await folderFiles(shop)).length).toBe(2);

  // The outlet names itself too; Syncthing brings each device's files to the other.
  await openBackupPage(outlet);
  await putFiles(outlet, await folderFiles(shop));
  await outlet.getByRole('button', { name: 'Choose sync folder…' }).click();
  await expect(outlet.getByTestId('sync-folder-devices')).toContainText('Till 1');
  await outlet.getByLabel('This device’s name').fill('Outlet Bandung');
  await outlet.getByRole('button', { name: 'Save name' }).click();
  await expect(outlet.getByText('Device name saved')).toBeVisible();
  const before = Object.keys(await folderFiles(outlet)).length;
  await outlet.getByRole('button', { name: 'Sync now' }).click();
  // The name travels in the outlet's next file.
  await expect.poll(async () => Object.keys(await folderFiles(outlet)).length).toBe(before + 1);

  // A file that cannot be merged is listed with its reason until it is fixed or gone.
  const broken = 'kenal-FEDCBA9876543210-snap-000001700000000-00000.json';
  await putFiles(shop, { ...(await folderFiles(outlet)), [broken]: '{"format":"kenal","tab' });
  await shop.getByRole('button', { name: 'Sync now' }).click();
  const devices = shop.getByTestId('sync-folder-devices');
  await expect(devices).toContainText('Outlet Bandung');
  await expect(devices).toContainText('Last seen in the folder');
  await expect(shop.getByTestId('sync-folder-problems')).toContainText(broken);
  await shop.getByTestId('sync-folder').scrollIntoViewIfNeeded();
  await shop.getByTestId('sync-folder').screenshot({ path: 'docs/sync-devices-en.png' });
  await shop.screenshot({ path: '/tmp/sync-devices-page-en.png' });
  await shop.getByRole('button', { name: 'Sync now' }).click();
  await expect(shop.getByTestId('sync-folder-problems')).toContainText(broken);

  // In Bahasa Indonesia.
  await shop.goto('./#/settings');
  await shop
    .getByRole('radiogroup', { name: 'Language' })
    .first()
    .getByText('ID', { exact: true })
    .click();
  await openBackupPage(shop);
  await expect(shop.getByTestId('sync-folder-devices')).toContainText(
    'Terakhir terlihat di folder',
  );
  await expect(shop.getByLabel('Nama perangkat ini')).toHaveValue('Till 1');
  await shop.getByTestId('sync-folder').screenshot({ path: '/tmp/sync-devices-id.png' });

  // The folder is emptied (the deletion came through the sync engine): nothing is deleted,
  // a warning says so, and the broken file's problem is gone with it.
  await shop.evaluate(() =>
    (window as unknown as { __kenalFolder: Map<string, unknown> }).__kenalFolder.clear(),
  );
  await shop.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
  await expect(shop.getByTestId('sync-folder-emptied')).toContainText('Tidak ada data Anda');
  await expect(shop.getByTestId('sync-folder-problems')).toHaveCount(0);
  await expect(shop.getByTestId('sync-folder-devices')).toContainText('Outlet Bandung');
  await shop.screenshot({ path: '/tmp/sync-emptied-id.png' });
});
