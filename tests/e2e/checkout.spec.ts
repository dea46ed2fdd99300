import { expect, test, type Page } from '@playwright/test';
import { addContact } from './helpers';

// A whole checkout with its receipt and print; the shared 2-core machine makes it slow.
test.describe.configure({ timeout: 180_000 });

async function openContact(page: Page, name: string) {
  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').filter({ hasText: name }).first().click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: /purchases & points|pembelian/i }).click();
}

/** A first sale of Rp 1.000.000 (100 points under the default rules), then close the window. */
async function firstSale(page: Page) {
  await page.getByRole('button', { name: 'Record sale' }).first().click();
  const form = page.getByRole('form', { name: 'Record a sale' });
  await form.getByLabel('Amount').fill('1000000');
  await form.getByLabel('Amount').press('Enter');
  await expect(page.getByText('Ask for feedback')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('points-balance')).toHaveText('100');
}

test('checkout with lines and points redeemed: new balance, receipt previewed for WhatsApp and printed on 58 mm', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await openContact(page, 'Siti Rahayu');
  await firstSale(page);

  await page.getByRole('button', { name: 'Record sale' }).first().click();
  const form = page.getByRole('form', { name: 'Record a sale' });
  await form.getByLabel('Item 1', { exact: true }).fill('Kopi susu');
  await form.getByLabel('Quantity 1').fill('2');
  await form.getByLabel('Unit price 1').fill('18000');
  await form.getByRole('button', { name: 'Add item' }).click();
  await form.getByLabel('Item 2', { exact: true }).fill('Roti bakar');
  await form.getByLabel('Unit price 2').fill('24000');
  await expect(form.getByLabel('Amount')).toHaveValue(/Rp\s60\.000/);
  await expect(form.getByTestId('checkout-points')).toContainText('Points available: 100');
  // More than the customer has is refused with the most that could be used.
  await form.getByLabel('Redeem points').fill('150');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('At most 100 points can be redeemed in this sale.')).toBeVisible();
  await form.getByLabel('Redeem points').fill('50');
  await expect(form.getByTestId('checkout-total')).toHaveText(/Rp\s55\.000/);
  await form.getByRole('button', { name: 'Save' }).click();

  // 100 - 50 redeemed + 5 earned on the Rp 55.000 paid.
  const result = page.getByTestId('checkout-result');
  // The save, the balance and the receipt can take a while on a busy 2-core machine.
  await expect(page.getByTestId('checkout-balance')).toHaveText('55', { timeout: 15_000 });
  await expect(result).toContainText('50 points redeemed');
  await expect(result).toContainText('Points earned: 5');

  await page.getByRole('button', { name: 'Send receipt on WhatsApp' }).click();
  // The shared WhatsApp dialog: the receipt to check and edit, in the language chosen there.
  const whatsApp = page.getByRole('dialog', { name: 'WhatsApp message to Siti Rahayu' });
  const message = whatsApp.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(/Kopi susu\n {2}2 × Rp\s18\.000 = Rp\s36\.000/);
  await expect(message).toHaveValue(/Points redeemed \(50\): −Rp\s5\.000/);
  await expect(message).toHaveValue(/\*Total: Rp\s55\.000\*/);
  await expect(message).toHaveValue(/Your points: 55/);
  await expect(whatsApp.getByRole('button', { name: 'Open WhatsApp' })).toBeVisible();
  await whatsApp.getByText('Bahasa Indonesia').click();
  await expect(message).toHaveValue(/Poin Anda: 55/);
  await expect(message).toHaveValue(/Dibayar dengan: Tunai/);
  await whatsApp.getByRole('button', { name: 'Cancel' }).click();
  await expect(whatsApp).toBeHidden();

  // Printing shows the receipt alone, on a roll 58 mm wide.
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.kenal-print-root [data-testid="receipt"]');
  await expect(printed).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  const box = await printed.boundingBox();
  // 58 mm at 96 dpi is 219 px.
  expect(Math.round(box!.width)).toBe(219);
  await expect(printed).toContainText('Roti bakar');
  await page.screenshot({ path: test.info().outputPath('receipt-print-58mm.png') });
  const pdf = await page.pdf({ width: '58mm', height: '200mm', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('dialog')).toBeVisible();

  // The sale is in the history with its lines, and the balance holds after a reload.
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await page.getByRole('tab', { name: /purchases & points/i }).click();
  await expect(page.getByTestId('points-balance')).toHaveText('55');
});
