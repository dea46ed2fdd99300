/**
 * UU PDP right to erasure from the contact page: the dialog says what happens (including that
 * older backups are the user's files), asks for a typed word, and afterwards nothing of the
 * customer's personal data is anywhere in the app's IndexedDB (history included).
 */
import { expect, test, type Page } from '@playwright/test';
import { addContact, rows } from './helpers';

test.describe.configure({ timeout: 90_000 });

const SITI = { name: 'Siti Rahayu', phone: '0812-3456-7890', email: 'siti.rahayu@example.id' };

/** Every row of every store of the app's database, as lower-case text. */
async function everything(page: Page): Promise<string> {
  const stores = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kenal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = await Promise.all(
      names.map(
        (n) =>
          new Promise<unknown[]>((resolve, reject) => {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(all);
  });
  expect(stores.length).toBeGreaterThan(100);
  return stores.toLowerCase();
}

test('erasing a customer from the contact page removes their personal data everywhere', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { ...SITI, tags: ['pelanggan-setia'] });
  await addContact(page, { name: 'Budi Santoso', phone: '0857-1111-2222' });
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('siti');
  await rows(page).first().click();
  await expect(page.getByRole('heading', { name: SITI.name })).toBeVisible();
  expect(await everything(page)).toContain('siti rahayu');

  await page.getByRole('button', { name: 'Erase this customer' }).click();
  const dialog = page.getByRole('dialog', { name: `Erase ${SITI.name}?` });
  await expect(dialog).toContainText('Backups and files you saved before now are your own files');
  await expect(dialog).toContainText('Sales and points stay as anonymous numbers');
  const confirm = dialog.getByRole('button', { name: 'Erase personal data' });
  await expect(confirm).toBeDisabled();
  await page.screenshot({ path: '/tmp/privacy-erase-dialog-en.png' });
  await dialog.getByLabel('Type ERASE to confirm').fill('erase');
  await confirm.click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'Erased customer' })).toBeVisible();
  await expect(page.getByText('Erased', { exact: true })).toBeVisible();
  await expect(page.getByText(SITI.phone)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/privacy-erased-contact-en.png' });

  const data = await everything(page);
  for (const personal of ['siti', 'rahayu', '81234567890', SITI.email, 'pelanggan-setia']) {
    expect(data).not.toContain(personal);
  }
  expect(data).toContain('budi santoso');

  // It stays erased after a restart.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Erased customer' })).toBeVisible();
});

test('the erase dialog speaks Bahasa Indonesia', async ({ page }) => {
  await page.goto('./#/contacts');
  await addContact(page, SITI);
  await page.goto('./#/settings');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await page.goto('./#/contacts');
  await rows(page).first().click();
  await page.getByRole('button', { name: 'Hapus data pelanggan ini' }).click();
  const dialog = page.getByRole('dialog', { name: `Hapus data ${SITI.name}?` });
  await expect(dialog).toContainText('Cadangan dan file yang Anda simpan sebelum ini');
  await page.screenshot({ path: '/tmp/privacy-erase-dialog-id.png' });
  await dialog.getByLabel('Ketik HAPUS untuk mengonfirmasi').fill('HAPUS');
  await dialog.getByRole('button', { name: 'Hapus data pribadi' }).click();
  // The stored placeholder is shown in the user's language, in the heading and the list.
  await expect(page.getByRole('heading', { name: 'Pelanggan terhapus' })).toBeVisible();
  await expect(page.getByText('Terhapus', { exact: true })).toBeVisible();
  await page.goto('./#/contacts');
  await expect(rows(page).first()).toContainText('Pelanggan terhapus');
});
