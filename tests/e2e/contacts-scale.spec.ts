import { expect, test, type Page } from '@playwright/test';
import { addContact, rows } from './helpers';

const BOOK = 3000;

/** A CSV of BOOK contacts: "Pelanggan 0000".."Pelanggan 2997", plus three named people. */
function bookCsv(): string {
  const lines = ['Nama,No HP,Kota'];
  for (let i = 0; i < BOOK - 3; i++) {
    lines.push(`Pelanggan ${String(i).padStart(4, '0')},0812${String(10_000_000 + i)},Jakarta`);
  }
  lines.push('Siti Rahayu,0857 1111 2222,Semarang');
  lines.push('Rahayu Siti,0857 3333 4444,Solo');
  lines.push('Zainal Abidin,+62 878 5555 6666,Medan');
  return lines.join('\n') + '\n';
}

async function importBook(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (
    await chooser
  ).setFiles({ name: 'pelanggan.csv', mimeType: 'text/csv', buffer: Buffer.from(bookCsv()) });
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: /^Import 3,?000 contacts$/ }).click();
  await expect(dialog.getByText(/^3,?000 added/)).toBeVisible({
    timeout: 30_000,
  });
  // The last "Close": the step's own button (the first is the dialog's X, also named Close).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
}

test.setTimeout(90_000);

test('a book of thousands: the list scrolls to the end, search ranks, other tabs update it', async ({
  page,
  context,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Agus Salim', phone: '0813 2222 3333' });
  await importBook(page);
  await expect(page.getByTestId('contact-count')).toHaveText(/^3[.,]001$/);

  // Only the rows on screen are in the page, and the end of the list is reachable.
  expect(await rows(page).count()).toBeLessThan(100);
  await page.getByTestId('contact-list').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(rows(page).filter({ hasText: 'Zainal Abidin' })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('siti ra');
  await expect(rows(page)).toHaveCount(2);
  // The full-name prefix first, then the same words in another order.
  await expect(rows(page).nth(0)).toContainText('Siti Rahayu');
  await expect(rows(page).nth(1)).toContainText('Rahayu Siti');
  await search.fill('+62 812 1000 029');
  await expect(rows(page)).toHaveCount(10);
  await expect(rows(page).first()).toContainText('Pelanggan 0290');
  await page.screenshot({ path: '/tmp/contacts-scale-search-en.png' });

  // Another tab adds a contact and deletes one: this tab's search sees both.
  const other = await context.newPage();
  await other.goto('./#/contacts');
  await addContact(other, { name: 'Pelanggan Baru', phone: '0812 9999 0000' });
  await search.fill('pelanggan baru');
  await expect(rows(page)).toHaveCount(1);
  await other.close();

  // The book survives a restart; the list is there right away.
  await page.reload();
  await search.fill('');
  // (Generous: this machine is shared; the benchmark measures the time, not this test.)
  await expect(rows(page).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('contact-count')).toHaveText(/^3[.,]002$/);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kontak', exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/contacts-scale-list-id.png' });
});
