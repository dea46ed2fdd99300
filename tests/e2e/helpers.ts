import { expect, type Page } from '@playwright/test';

export interface NewContact {
  name: string;
  phone?: string;
  email?: string;
  tags?: string[];
  /** The phone or e-mail is already in the book: answer the warning with "save as new". */
  duplicate?: boolean;
}

/** Open the contact form with the N shortcut, fill it and save; waits for the drawer to close. */
export async function addContact(page: Page, c: NewContact): Promise<void> {
  await page
    .getByRole('button', { name: /new contact|kontak baru/i })
    .first()
    .click();
  const form = page.getByRole('form');
  await form.getByLabel(/^(name|nama)(?! depan)/i).fill(c.name);
  if (c.phone) await form.getByLabel(/^(phone|nomor hp)$/i).fill(c.phone);
  if (c.email) await form.getByLabel(/^e-mail/i).fill(c.email);
  for (const tag of c.tags ?? []) {
    await form.getByLabel(/^(tags|tag)$/i).fill(tag);
    await form.getByLabel(/^(tags|tag)$/i).press('Enter');
  }
  await form.getByRole('button', { name: /^(save|simpan)$/i }).click();
  if (c.duplicate)
    await page
      .getByRole('button', { name: /save as a new contact|simpan sebagai kontak baru/i })
      .click();
  // The drawer closes after the write; a loaded 2-core CI machine can take longer than 5 s.
  await expect(page.getByRole('form')).toBeHidden({ timeout: 15_000 });
}

export function rows(page: Page) {
  return page.getByTestId('contact-row');
}

/** On the Sales screen: import a sales CSV (a path or its text) and wait for the summary. */
export async function importSalesCsv(page: Page, file: string | { csv: string }): Promise<void> {
  await page.getByRole('button', { name: 'Import sales' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (
    await chooser
  ).setFiles(
    typeof file === 'string'
      ? file
      : { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(file.csv) },
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
}
