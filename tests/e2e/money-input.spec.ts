import { expect, test, type Page } from '@playwright/test';
import { addContact } from './helpers';

/** Every sale amount stored in the app's IndexedDB ('kenal', store 'sales'). */
async function storedAmounts(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('kenal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('sales').objectStore('sales').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const rows = req.result as { kind: string; amount: number }[];
            resolve(rows.filter((r) => r.kind === 'purchase').map((r) => r.amount));
            open.result.close();
          };
        };
      }),
  );
}

async function recordSale(page: Page, button: string, form: string, field: string, text: string) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('form', { name: form });
  await dialog.getByLabel(field).fill(text);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('form', { name: form })).toBeHidden();
  await page.keyboard.press('Escape');
}

test.describe.configure({ timeout: 60_000 });

// The one money field (renderer/app/inputs/MoneyInput.tsx) reads the separators of the
// language in use: "1,250,000" in English and "1.250.000" in Bahasa Indonesia are one amount.
test('an amount typed in English and in Bahasa Indonesia is stored as the same value', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Made Wirawan', phone: '0812-4444-5555' });
  await page.getByTestId('contact-row').first().click();
  await page.getByRole('tab', { name: 'Purchases & points' }).click();
  await recordSale(page, 'Record sale', 'Record a sale', 'Amount', '1,250,000');
  await expect.poll(() => storedAmounts(page)).toEqual([1_250_000]);

  await page.evaluate(() => localStorage.setItem('kenal.language', 'id'));
  await page.reload();
  await page.getByRole('tab', { name: 'Pembelian & poin' }).click();
  await recordSale(page, 'Catat penjualan', 'Catat penjualan', 'Jumlah', '1.250.000');
  await expect.poll(() => storedAmounts(page)).toEqual([1_250_000, 1_250_000]);
});
