/**
 * The kept customer figures (renderer/db/derived) are written in the same transaction as each
 * sale or edit; every screen that shows them must update at once, without a reload. Dexie's
 * live queries once stopped re-running after a contact save with the figures' upkeep on.
 */
import { expect, test } from '@playwright/test';
import { addContact, importSalesCsv } from './helpers';

// Several screens and saves on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test('an edit and two sales show their figures at once, in the list and on the contact', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await page.getByTestId('contact-row').filter({ hasText: 'Siti Rahayu' }).click();
  await expect(page.getByRole('heading', { name: 'Siti Rahayu' })).toBeVisible();

  // Save an edit: the page's heading follows.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Contact details' });
  await form.getByLabel(/^name/i).fill('Siti Rahayu Putri');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Siti Rahayu Putri' })).toBeVisible();

  // Two sales: the balance, the purchase count and the lists follow each one.
  await page.getByRole('tab', { name: 'Purchases & points' }).click();
  await expect(page.getByTestId('points-balance')).toHaveText('0');
  for (const [amount, balance, count] of [
    ['259000', '25', 1],
    ['100000', '35', 2],
  ] as const) {
    await page.getByRole('button', { name: 'Record sale' }).first().click();
    const sale = page.getByRole('form', { name: 'Record a sale' });
    await sale.getByLabel('Amount').fill(amount);
    await sale.getByLabel('Amount').press('Enter');
    await expect(page.getByText('Ask for feedback')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByTestId('points-balance')).toHaveText(balance, { timeout: 10_000 });
    await expect(page.getByText(`Purchases: ${count} ·`)).toBeVisible();
  }

  // The contact list shows the edited name.
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByTestId('contact-row')).toHaveText([/Siti Rahayu Putri/]);
});

/** 90 sales of one regular, a day apart from 1 Jan 2025, each naming its product "Barang NNN". */
function regularCsv(): string {
  const lines = ['Tanggal,No Nota,Nama Pelanggan,No HP,Total,Produk,Metode Pembayaran'];
  for (let i = 0; i < 90; i++) {
    const d = new Date(Date.UTC(2025, 0, 1 + i));
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} 10:00`;
    const n = String(i).padStart(3, '0');
    lines.push(`${date},INV-${n},Siti Rahayu,0812-3456-7890,"Rp 100.000",Barang ${n},Tunai`);
  }
  return lines.join('\n') + '\n';
}

test('a regular with many sales: the timeline opens on the newest page and scrolling brings the older ones', async ({
  page,
}) => {
  await page.goto('./#/sales');
  await importSalesCsv(page, { csv: regularCsv() });
  await expect(page.getByTestId('import-done')).toContainText('90 sales imported');
  await page.getByRole('button', { name: 'OK' }).click();

  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').filter({ hasText: 'Siti Rahayu' }).first().click();
  await expect(page.getByRole('heading', { name: 'Siti Rahayu' })).toBeVisible();
  const list = page.getByTestId('timeline-list');
  // The newest sale first; the oldest (90 sales + their points = 180 entries) comes by scrolling.
  await expect(page.getByTestId('timeline-entry').first()).toContainText(/Barang 089|points/i);
  await expect(list.getByText('Barang 000')).toHaveCount(0);
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(list.getByText('Barang 000')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
