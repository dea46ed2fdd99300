/**
 * #18.8: the shop's own contact fields, end to end: an iPhone vCard's extra properties are kept
 * as fields chosen in the preview, shown on the contact, edited in the form, and a field defined
 * in Settings is there to fill on every contact.
 */
import { expect, test } from '@playwright/test';
import { rows } from './helpers';

const WORK = { timeout: 60_000 };

test.beforeEach(() => {
  // An import parses and checks in a worker: more than 30 s on a busy machine.
  test.setTimeout(180_000);
});

test('an iPhone card keeps its extra properties as fields; they show on the contact and can be edited', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles('tests/fixtures/contacts/iphone-social.vcf');
  await expect(dialog.getByText('Check before importing')).toBeVisible(WORK);
  const kept = dialog.getByTestId('import-custom-fields');
  await expect(kept.getByRole('checkbox', { name: 'Member level' })).toBeChecked();
  // Not every property has to be kept: this one is left out.
  await kept.getByRole('checkbox', { name: 'Social profile (twitter)' }).uncheck();
  await expect(kept.getByRole('checkbox', { name: 'Social profile (twitter)' })).not.toBeChecked(
    WORK,
  );
  await dialog.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(dialog.getByText('1 added, 0 merged, 0 skipped.')).toBeVisible(WORK);
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await rows(page).first().click();
  // The page and its fields load on a busy machine in more than the default 5 s.
  await expect(page.getByText('Member level')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Gold', { exact: true })).toBeVisible();
  await expect(page.getByText('https://instagram.com/dewi.kue')).toBeVisible();
  await expect(page.getByText('Social profile (twitter)')).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Contact details' });
  await form.getByLabel('Member level').fill('Platinum');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden({ timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Platinum', { exact: true })).toBeVisible({ timeout: 20_000 });
});

test('a number field defined in Settings is on every contact form and refuses a word', async ({
  page,
}) => {
  await page.goto('./#/settings');
  const card = page.getByTestId('custom-fields-settings');
  await card.getByRole('button', { name: 'Add field' }).click();
  const modal = page.getByRole('dialog', { name: 'Add field' });
  await modal.getByLabel('Field name').fill('Shoe size');
  await modal.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Number' }).click();
  await modal.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('cell', { name: 'Shoe size', exact: true })).toBeVisible();

  await page.goto('./#/contacts');
  await page
    .getByRole('button', { name: /new contact/i })
    .first()
    .click();
  const form = page.getByRole('form', { name: 'Contact details' });
  await form.getByLabel(/^name/i).fill('Budi');
  await expect(form.getByLabel('Shoe size')).toBeVisible({ timeout: 20_000 });
  await form.getByLabel('Shoe size').fill('besar');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Not a number (like 12 or 12.5).')).toBeVisible();
  await form.getByLabel('Shoe size').fill('42,5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden({ timeout: 15_000 });
  await rows(page).first().click();
  await expect(page.getByText('42.5', { exact: true })).toBeVisible({ timeout: 20_000 });
});
