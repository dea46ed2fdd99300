import { expect, type Page } from '@playwright/test';

/** Click a button that makes the app download a file; returns the downloaded file's path. */
export async function downloadBy(page: Page, button: string | RegExp): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const path = await (await download).path();
  expect(path).toBeTruthy();
  return path!;
}

/** Click a button that opens the file picker and give it this file. */
export async function uploadBy(page: Page, button: string | RegExp, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

export async function openBackupPage(page: Page): Promise<void> {
  await page.goto('./#/backup');
  await expect(
    page.getByRole('heading', { name: /^(Backup & Sync|Cadangan & Sinkron)$/ }),
  ).toBeVisible();
}
