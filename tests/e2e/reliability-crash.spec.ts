/**
 * Crash safety: the window closes in the middle of a long write (a big contact import, a big
 * sync merge, a restore). Each is one IndexedDB transaction, so when the app is opened again
 * in the same profile the data must be exactly what it was before the work started: same row
 * counts, same checksum of every row (tests/e2e/reliability-helpers.ts dbDigest).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addContact, rows } from './helpers';
import { openBackupPage, uploadBy } from './backup-helpers';
import { dbDigest, writeBookFile, writeContactsCsv } from './reliability-helpers';

test.describe.configure({ timeout: 180_000 });

/** A small book the user already has, so "as before" is not just "empty". */
async function seedBook(page: Page) {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890', tags: ['VIP'] });
  await addContact(page, { name: 'Budi Santoso', email: 'budi@example.co.id' });
  await expect(rows(page)).toHaveCount(2);
}

/** Open the app again in the same profile, as after a crash, and read the database. */
async function reopen(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('./#/contacts');
  // The closed page's transaction (50,000 rows) is still being rolled back by the browser.
  await expect(rows(page)).toHaveCount(2, { timeout: 30_000 });
  return { page, digest: await dbDigest(page) };
}

test('closing the window during a big contact import leaves the book exactly as it was', async ({
  context,
  page,
}) => {
  await seedBook(page);
  const before = await dbDigest(page);
  const csv = await writeContactsCsv(30_000);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await uploadBy(page, 'Choose a file', csv);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByTestId('import-ready')).toHaveText(/^30,?000 ready to import$/, {
    timeout: 60_000,
  });
  await dialog.getByRole('button', { name: /^Import 30,?000 contacts$/ }).click();
  // The progress bar shows only while the import transaction runs.
  await expect(dialog.getByRole('progressbar', { name: 'Import contacts' })).toBeVisible();
  await page.close();

  // Had the import committed, 30,000 more contacts would be here.
  const { digest } = await reopen(context);
  expect(digest).toEqual(before);
});

test('closing the window during a big sync merge leaves the book exactly as it was', async ({
  context,
  page,
}) => {
  await seedBook(page);
  const before = await dbDigest(page);
  const file = await writeBookFile('sync', 25_000, 50_000, 7);

  await openBackupPage(page);
  await uploadBy(page, 'Merge a sync file…', file);
  // The merge transaction is running (its bar shows only while importSync is pending): close.
  await expect(page.getByTestId('merge-progress')).toBeVisible({ timeout: 90_000 });
  await page.close();

  // Had the merge committed, 50,000 sales would be here; nothing of it is.
  const { digest } = await reopen(context);
  expect(digest).toEqual(before);
  expect(digest.counts.sales).toBe(0);
});

test('closing the window during a restore leaves the book exactly as it was', async ({
  context,
  page,
}) => {
  await seedBook(page);
  const before = await dbDigest(page);
  const file = await writeBookFile('backup', 10_000, 20_000, 8);

  await openBackupPage(page);
  await uploadBy(page, 'Restore from a backup file…', file);
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  const safety = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save safety backup and restore' }).click();
  await safety;
  await expect(dialog.getByTestId('restore-progress')).toBeVisible({ timeout: 60_000 });
  await page.close();

  // Had the restore committed, the two contacts would be replaced by 10,000 others.
  const { digest } = await reopen(context);
  expect(digest).toEqual(before);
});
