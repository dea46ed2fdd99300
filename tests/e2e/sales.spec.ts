import { expect, test, type Page } from '@playwright/test';
import { addContact } from './helpers';

/** Open a contact's "Purchases & points" tab. */
async function openPoints(page: Page, name: string) {
  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').filter({ hasText: name }).first().click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: /purchases & points|pembelian/i }).click();
}

async function recordSale(page: Page, amount: string) {
  await page.getByRole('button', { name: 'Record sale' }).first().click();
  const form = page.getByRole('form', { name: 'Record a sale' });
  await form.getByLabel('Amount').fill(amount);
  await form.getByLabel('Amount').press('Enter');
  // After saving, the window offers feedback; close it.
  await expect(page.getByText('Ask for feedback')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/**
 * Type in the sale form's customer picker and choose an option once the list answers exactly
 * what was typed (the picker marks it with data-results-for), so no older list is clicked.
 */
async function pickCustomer(page: Page, text: string, option: RegExp) {
  const form = page.getByRole('form', { name: 'Record a sale' });
  const input = form.getByLabel('Customer');
  await input.fill(text);
  await expect(input).toHaveAttribute('data-results-for', text);
  await page.getByRole('option', { name: option }).click();
  await expect(input).toHaveValue(option);
}

// These flows cross several screens; the shared 2-core machine makes them slow.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('./#/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
});

test('record a sale, see its points; redeem; refund takes the points back', async ({ page }) => {
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await openPoints(page, 'Siti Rahayu');
  await expect(page.getByTestId('points-balance')).toHaveText('0');

  await recordSale(page, '259000');
  // 1 point per Rp 10.000, rounded down.
  await expect(page.getByTestId('points-balance')).toHaveText('25');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row').first()).toContainText('Rp');
  await expect(page.getByTestId('ledger-row').first()).toContainText('Earned');

  // Redeeming more than the balance is refused with the reason, and nothing is written.
  await page.getByRole('button', { name: 'Redeem' }).click();
  const redeem = page.getByRole('form', { name: 'Redeem points' });
  await redeem.getByLabel('Points').fill('30');
  await redeem.getByRole('button', { name: 'Redeem' }).click();
  await expect(redeem.getByText('Not enough points: 25 available.')).toBeVisible();
  await redeem.getByLabel('Points').fill('10');
  await redeem.getByRole('button', { name: 'Redeem' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('points-balance')).toHaveText('15');

  // A refund is a new entry; its points (all 25) are taken back, showing an overdraft of 10
  // because 10 of them were already spent.
  await page.getByTestId('sale-row').first().getByRole('button', { name: 'Refund' }).click();
  const refund = page.getByRole('form', { name: 'Refund a sale' });
  await refund.getByRole('button', { name: 'Record refund' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('points-balance')).toHaveText('-10');
  await expect(page.getByText('Overdraft of 10 points')).toBeVisible();
  await page.getByRole('button', { name: 'Add a follow-up' }).click();
  await expect(page.getByText('Follow-up added for tomorrow')).toBeVisible();
  await expect(page.getByTestId('sale-row')).toHaveCount(2);
  await expect(page.getByTestId('ledger-row')).toHaveCount(3);

  // It is all still there after a reload.
  await page.reload();
  await page.getByRole('tab', { name: 'Purchases & points' }).click();
  await expect(page.getByTestId('points-balance')).toHaveText('-10');
  await page.screenshot({ path: '/tmp/sales-contact-en.png', fullPage: true });
});

test('the Sales screen records a sale for a customer found by phone and filters the list', async ({
  page,
}) => {
  await addContact(page, { name: 'Budi Santoso', phone: '0857-1111-2222' });
  await addContact(page, { name: 'Dewi Lestari', phone: '0813-2222-3333' });
  await page.goto('./#/sales');
  await expect(page.getByText('No sales yet')).toBeVisible();
  await page.keyboard.press('s');
  const form = page.getByRole('form', { name: 'Record a sale' });
  await pickCustomer(page, '0857', /Budi Santoso/);
  await form.getByLabel('Amount').fill('120000');
  await form.getByLabel('Payment').click();
  await page.getByRole('option', { name: 'QRIS' }).click();
  await form.getByLabel('Items or description').fill('Kopi susu');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Sale of Rp 120.000 recorded: +12 points')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  // Letter shortcuts are ignored while a dialog is open (also while it is closing).
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.keyboard.press('s');
  await pickCustomer(page, 'Dewi', /Dewi Lestari/);
  await form.getByLabel('Amount').fill('50000');
  await form.getByLabel('Amount').press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await expect(page.getByTestId('sale-row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search sales' }).fill('budi');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row').first()).toContainText('Kopi susu');
  await expect(page.getByTestId('sale-row').first()).toContainText('QRIS');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByRole('combobox', { name: 'Any payment' }).click();
  await page.getByRole('option', { name: 'Cash' }).click();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row').first()).toContainText('Dewi Lestari');
  await page.screenshot({ path: '/tmp/sales-list-en.png', fullPage: true });
});

test('a rule change in Settings applies to sales from its date', async ({ page }) => {
  await addContact(page, { name: 'Made Wirawan', phone: '0361 234567' });
  await page.goto('./#/settings');
  const settings = page.getByTestId('loyalty-settings');
  await settings.getByLabel('Spend per point').fill('5000');
  await settings.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('Loyalty rules saved')).toBeVisible();
  await page.screenshot({ path: '/tmp/sales-settings-en.png', fullPage: true });
  await openPoints(page, 'Made Wirawan');
  await recordSale(page, '100000');
  await expect(page.getByTestId('points-balance')).toHaveText('20');
});

test('import past sales from a POS CSV; importing it again adds nothing', async ({ page }) => {
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await page.goto('./#/sales');
  const importOnce = async () => {
    await page.getByRole('button', { name: 'Import sales' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (await chooser).setFiles('tests/fixtures/sales/pos-export.csv');
    await expect(page.getByText('Which column holds what?')).toBeVisible();
    await page.screenshot({ path: '/tmp/sales-import-en.png' });
    await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 15_000 });
    const text = await page.getByTestId('import-done').innerText();
    await page.getByRole('button', { name: 'OK' }).click();
    return text;
  };
  expect(await importOnce()).toContain(
    '3 sales imported, 0 already there, 2 new customers, 127 points given.',
  );
  await expect(page.getByTestId('sale-row')).toHaveCount(3);
  expect(await importOnce()).toContain('0 sales imported, 3 already there, 0 new customers');
  await expect(page.getByTestId('sale-row')).toHaveCount(3);

  // The existing customer was matched by phone and got the merged invoice's points.
  await openPoints(page, 'Siti Rahayu');
  await expect(page.getByTestId('points-balance')).toHaveText('20');
});

test('a Loyverse export: the refund is a refund, walk-in and cancelled receipts are skipped, not refused', async ({
  page,
}) => {
  await page.goto('./#/sales');
  await page.getByRole('button', { name: 'Import sales' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles('tests/fixtures/sales/loyverse-receipts-by-item.csv');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Which column holds what?')).toBeVisible();
  // The preview says, row by row, what the import will do before anything is written.
  const readAs = page.getByTestId('import-read-as');
  await expect(readAs).toContainText('Refund');
  await expect(readAs).toContainText('no customer on this row');
  await expect(readAs).toContainText('“budi@example.com” is not a phone number: left out');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText(
    '3 sales imported, 0 already there, 2 new customers',
    { timeout: 15_000 },
  );
  const notes = page.getByTestId('import-notes');
  await expect(notes).toContainText('Walk-in sales (rows naming no customer)');
  await expect(notes).toContainText('not imported since points and history need a customer: 1');
  await expect(notes).toContainText('Rows of cancelled or unpaid orders, not imported: 1');
  await page.screenshot({ path: '/tmp/sales-import-loyverse-en.png' });
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('sale-row')).toHaveCount(3);
});

test('a Shopify orders export: one sale per order at its Total, refunds of refunded orders, unpaid and voided skipped', async ({
  page,
}) => {
  await page.goto('./#/sales');
  await page.getByRole('button', { name: 'Import sales' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles('tests/fixtures/sales/shopify-orders.csv');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Which column holds what?')).toBeVisible();
  // "Name" holds the order number (#1001): the invoice, while the customer is the billing name.
  await expect(dialog.getByRole('combobox', { name: 'Invoice number' })).toHaveValue('Name');
  await expect(dialog.getByRole('combobox', { name: 'Customer name' })).toHaveValue('Billing Name');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText(
    '6 sales imported, 0 already there, 3 new customers',
    { timeout: 15_000 },
  );
  await expect(page.getByTestId('import-notes')).toContainText(
    'Rows of cancelled or unpaid orders, not imported: 2',
  );
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('sale-row').filter({ hasText: '#1001' })).toContainText(
    'Rp 200.000',
  );
});

test('an Excel file in Windows-1252 shows its names as typed, in Bahasa Indonesia', async ({
  page,
}) => {
  await page.evaluate(() => localStorage.setItem('kenal.language', 'id'));
  await page.goto('./#/sales');
  await page.reload();
  await page.getByRole('button', { name: 'Impor penjualan' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Pilih file CSV' }).click();
  await (await chooser).setFiles('tests/fixtures/sales/excel-ansi-1252.csv');
  // A legacy encoding loads the detector first (a megabyte of models): allow it the time.
  await expect(page.getByTestId('import-read-as')).toContainText('José Pérez', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('encoding-select')).toHaveValue(/Windows-1252/);
  await page.screenshot({ path: '/tmp/sales-import-1252-id.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('2 penjualan diimpor', {
    timeout: 15_000,
  });
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('sale-row').first()).toContainText(/Zoë Müller|José Pérez/);
});

test('an Excel workbook chosen by mistake is refused with what to do instead', async ({ page }) => {
  await page.goto('./#/sales');
  await page.getByRole('button', { name: 'Import sales' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles('tests/fixtures/sales/penjualan.xlsx');
  await expect(page.getByRole('dialog')).toContainText('This is not a CSV file', {
    timeout: 20_000,
  });
  await expect(page.getByText('Which column holds what?')).toBeHidden();
});

test('a file with bad rows imports nothing and says which lines to fix', async ({ page }) => {
  await page.goto('./#/sales');
  await page.getByRole('button', { name: 'Import sales' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles('tests/fixtures/sales/bad-rows.csv');
  await page.getByRole('combobox', { name: 'Date order' }).click();
  await page.getByRole('option', { name: 'Year-month-day' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Nothing was imported: 2 rows need fixing.')).toBeVisible();
  await expect(dialog.getByText('Line 3: “2026-13-01” is not a real date')).toBeVisible();
  await expect(dialog.getByText('Line 4: “abc” is not an amount')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('No sales yet')).toBeVisible();
});

test('feedback is recorded on the contact page, in Bahasa Indonesia too', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('kenal.language', 'id'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kontak', exact: true })).toBeVisible();
  await addContact(page, { name: 'Rina Kusuma', phone: '0812-7777-8888' });
  await page.getByTestId('contact-row').first().click();
  await page.getByRole('tab', { name: 'Pembelian & poin' }).click();
  await page.getByRole('button', { name: 'Penilaian' }).click();
  await page.getByRole('radio', { name: '9' }).click();
  await page.getByLabel('Komentar').fill('Pelayanan cepat');
  await page.getByRole('button', { name: 'Simpan penilaian' }).click();
  await expect(page.getByTestId('feedback-table')).toContainText('NPS 9');
  await expect(page.getByTestId('feedback-table')).toContainText('Pelayanan cepat');
  await page.screenshot({ path: '/tmp/sales-contact-id.png', fullPage: true });
  await page.getByRole('button', { name: 'Catat penjualan' }).click();
  await page.getByRole('form', { name: 'Catat penjualan' }).getByLabel('Jumlah').fill('1250000');
  await expect(page.getByText('Dapat 125 poin')).toBeVisible();
  await expect(page.getByText('Dibaca sebagai Rp 1.250.000')).toBeVisible();
  await page.screenshot({ path: '/tmp/sales-form-id.png' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Penjualan Rp 1.250.000 tercatat: +125 poin')).toBeVisible();
  await page.goto('./#/sales');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/sales-list-id.png' });
  await page.goto('./#/settings');
  await page.getByTestId('loyalty-settings').scrollIntoViewIfNeeded();
  await page.getByTestId('loyalty-settings').screenshot({ path: '/tmp/sales-settings-id.png' });
});

test('a pasted "1250000.00" and a typed day-first date are read as meant (#19.1, #19.3)', async ({
  page,
}) => {
  await page.evaluate(() => localStorage.setItem('kenal.language', 'id'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kontak', exact: true })).toBeVisible();
  await addContact(page, { name: 'Dewi Lestari', phone: '0812-5555-6666' });
  await page.getByTestId('contact-row').first().click();
  await page.getByRole('tab', { name: 'Pembelian & poin' }).click();
  await page.getByRole('button', { name: 'Catat penjualan' }).click();
  const form = page.getByRole('form', { name: 'Catat penjualan' });
  const date = form.getByLabel('Tanggal');
  await date.fill('31/02/2025');
  await date.blur();
  await expect(form.getByText('Tanggal ini tidak ada. Periksa hari dan bulannya.')).toBeVisible();
  await date.fill('25/10/2025');
  await date.blur();
  await form.getByLabel('Jumlah').fill('1250000.00');
  await expect(form.getByText('Dibaca sebagai Rp 1.250.000', { exact: false })).toBeVisible();
  await page.screenshot({ path: '/tmp/sales-form-typed-id.png' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Penjualan Rp 1.250.000 tercatat', { exact: false })).toBeVisible();
  await page.goto('./#/sales');
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('sale-row')).toContainText('25 Okt 2025');
  await expect(page.getByTestId('sale-row')).toContainText('Rp 1.250.000');
});

test('Send summary shows the member summary to check and edit; only Send opens WhatsApp and logs it (#19.17)', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const opened: string[] = [];
  await context.route('https://wa.me/**', (route) => {
    opened.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>wa</title>' });
  });
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await openPoints(page, 'Siti Rahayu');
  await recordSale(page, '259000');
  await expect(page.getByTestId('points-balance')).toHaveText('25');

  // Nothing leaves the app on the click: the summary is shown first, with the balance in it.
  await page.getByRole('button', { name: 'Send summary' }).click();
  const dialog = page.getByRole('dialog', { name: 'WhatsApp message to Siti Rahayu' });
  const message = dialog.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(
    /^Hello Siti Rahayu, here is your member summary:\n\nPoints: 25\n/,
  );
  await expect(message).toHaveValue(/Thank you for shopping with us!$/);
  expect(opened).toEqual([]);
  await page.screenshot({ path: '/tmp/summary-dialog-en.png' });

  // The user edits a word, then sends: WhatsApp gets the edited text on the contact's number.
  const edited = (await message.inputValue()).replace('Thank you', 'Many thanks');
  await message.fill(edited);
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open WhatsApp' }).click();
  const wa = await popup;
  await wa.waitForLoadState();
  expect(wa.url()).toBe(`https://wa.me/6281234567890?text=${encodeURIComponent(edited)}`);
  await wa.close();
  await expect(dialog).toBeHidden();

  // The send is on the timeline, as every WhatsApp message is, with what was sent.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const entry = page.getByTestId('timeline-entry').filter({ hasText: 'Many thanks' });
  await expect(entry).toHaveAttribute('data-kind', 'whatsapp');
  await expect(entry).toContainText('Points: 25');

  // In Bahasa Indonesia the summary is in Indonesian.
  await page.evaluate(() => localStorage.setItem('kenal.language', 'id'));
  await page.reload();
  await page.getByRole('tab', { name: 'Pembelian & poin' }).click();
  await page.getByRole('button', { name: 'Kirim ringkasan' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Pesan' })).toHaveValue(
    /^Halo Siti Rahayu, berikut ringkasan member Anda:\n\nPoin: 25\n/,
  );
  await page.screenshot({ path: '/tmp/summary-dialog-id.png' });
});
