/** What a new shop owner meets in the first hour (issue #19): search, shortcuts, duplicates. */
import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';
import { createContact } from './timeline-helpers';
import { seedReports, SHOP } from './reports-seed';

// Several contacts go in through the UI: give the shared machine time.
test.describe.configure({ timeout: 120_000 });

test('search finds a contact by any part of the phone number', async ({ page }) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await addContact(page, { name: 'Budi Santoso', phone: '+62 857 2468 1357' });
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  for (const [q, name] of [
    ['3456', 'Siti Rahayu'],
    ['7890', 'Siti Rahayu'],
    ['2468 1357', 'Budi Santoso'],
    ['1357', 'Budi Santoso'],
  ] as const) {
    await search.fill(q);
    await expect(rows(page), q).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name);
  }
});

test('shortcuts work from every screen, a contact page included, and "?" lists them', async ({
  page,
}) => {
  await createContact(page, { name: 'Dewi Lestari', phone: '0812 9876 5432' });
  const contactUrl = page.url();

  // Ctrl+K and the header's search button on a contact's page go to the list's search box.
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  await page.goto(contactUrl);
  await expect(page.getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  await page.getByRole('button', { name: 'Search contacts' }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();

  // S on a contact's page: a sale for that contact; F: a follow-up for that contact.
  await page.goto(contactUrl);
  await expect(page.getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  await page.keyboard.press('s');
  const sale = page.getByRole('dialog', { name: 'Record a sale' });
  await expect(sale).toBeVisible();
  // The customer is fixed (the page's contact): no customer field to fill.
  await expect(sale.getByLabel('Amount')).toBeVisible();
  await expect(sale.getByLabel('Customer')).toHaveCount(0);
  // A letter typed while a window is open stays in that window.
  await page.keyboard.press('n');
  await expect(page).toHaveURL(contactUrl);
  await page.keyboard.press('Escape');
  await expect(sale).toBeHidden();
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'New follow-up' })).toBeVisible();
  await page.keyboard.press('Escape');

  // N from Reports, S from Today, F from Settings.
  await page.goto('./#/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/contacts\/new$/);
  await expect(page.getByRole('form', { name: 'Contact details' })).toBeVisible();
  await page.goto('./#/today');
  await expect(page.getByRole('heading', { name: 'Today', exact: true, level: 2 })).toBeVisible();
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/#\/sales$/);
  await expect(page.getByRole('dialog', { name: 'Record a sale' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('./#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await page.keyboard.press('f');
  await expect(page).toHaveURL(/#\/followups$/);
  await expect(page.getByRole('dialog', { name: 'New follow-up' })).toBeVisible();
  await page.keyboard.press('Escape');
  // Keys wait until the closing window is gone.
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // "?" opens the list of shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const what of ['Search contacts', 'New contact', 'Record a sale', 'New follow-up']) {
    await expect(help.getByText(what, { exact: false }).first()).toBeVisible();
  }
});

test('saving a phone already in the book warns and offers open, merge or save as new', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });

  const typeNew = async (name: string, phone: string) => {
    await page.getByRole('button', { name: 'New contact' }).first().click();
    const form = page.getByRole('form', { name: 'Contact details' });
    await form.getByLabel(/^name/i).fill(name);
    await form.getByLabel(/^phone$/i).fill(phone);
    await form.getByRole('button', { name: 'Save' }).click();
    return form;
  };
  // The same number typed another way: warned, and "back" keeps what was typed.
  let form = await typeNew('Ibu Siti', '+62 812 3456 7890');
  const warning = page.getByRole('dialog', { name: 'Already in your book?' });
  await expect(warning.getByTestId('duplicate-match')).toContainText('Siti Rahayu');
  await expect(warning.getByText('same phone')).toBeVisible();
  await warning.getByRole('button', { name: 'Back to the form' }).click();
  await expect(form.getByLabel(/^name/i)).toHaveValue('Ibu Siti');
  // Merge: one contact, and its page opens.
  await form.getByRole('button', { name: 'Save' }).click();
  await warning.getByRole('button', { name: 'Merge into Siti Rahayu' }).click();
  await expect(page.getByRole('heading', { name: 'Siti Rahayu' })).toBeVisible();
  await page.goto('./#/contacts');
  await expect(rows(page)).toHaveCount(1);

  // Open: the existing contact's page, nothing saved.
  form = await typeNew('Siti lagi', '081234567890');
  await warning.getByRole('button', { name: 'Open Siti Rahayu' }).click();
  await expect(page.getByRole('heading', { name: 'Siti Rahayu' })).toBeVisible();
  await page.goto('./#/contacts');
  await expect(rows(page)).toHaveCount(1);
});

test('the duplicate finder shows groups, asks before merging, and the merge can be undone', async ({
  page,
}) => {
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await addContact(page, { name: 'Ibu Siti', phone: '0812 3456 7890', duplicate: true });
  await addContact(page, { name: 'Rahayu Siti', phone: '0813 1111 2222' });
  await addContact(page, { name: 'Agus Salim', phone: '0857 1111 2222' });
  await expect(rows(page)).toHaveCount(4);

  await page.getByRole('button', { name: 'Duplicates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Likely duplicates' });
  // One person three times (same phone, same name words): one group of three.
  await expect(dialog.getByTestId('duplicate-pair')).toHaveCount(1);
  await expect(dialog.getByTestId('duplicate-pair')).toContainText('3 contacts');
  await dialog.getByRole('button', { name: 'Keep this one: Siti Rahayu' }).click();
  const confirm = page.getByRole('dialog', { name: 'Merge these contacts?' });
  await expect(confirm).toContainText('(2)');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByTestId('duplicate-pair')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Keep this one: Siti Rahayu' }).click();
  await confirm.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog.getByText('No likely duplicates.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Merge undone')).toBeVisible();
  await expect(dialog.getByTestId('duplicate-pair')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(4);
});

test('a report drill-down starts from a clean list, and Back keeps the period', async ({
  page,
}) => {
  await page.goto('./#/reports');
  // The report worker's first read: slow on a busy machine.
  await expect(page.getByTestId('reports-empty')).toBeVisible({ timeout: 20_000 });
  await seedReports(page, SHOP);
  // A search and a filter left on the contact list from before.
  await page.goto('./#/contacts');
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('ayu');
  await page.goto('./#/reports');
  await expect(page.getByTestId('kpi-revenue-value')).toContainText('Rp', { timeout: 20_000 });
  await page.getByText('Year', { exact: true }).click();
  const label = page.getByTestId('period-label');
  const year = String(new Date().getFullYear());
  await expect(label).toHaveText(year);

  await page.getByRole('tab', { name: 'Customers' }).click();
  await page.getByTestId('segment-atRisk').click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue('');
  await expect(page.getByTestId('id-filter-chip')).toBeVisible();
  // "ayu" would have hidden both of them.
  await expect(rows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Back to Reports' }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(label).toHaveText(year);
  // The browser's Back too.
  await page.getByRole('tab', { name: 'Customers' }).click();
  await page.getByTestId('segment-atRisk').click();
  await expect(page).toHaveURL(/#\/contacts$/);
  await page.goBack();
  await expect(label).toHaveText(year);
});

test('an erased customer offers no WhatsApp and no Edit', async ({ page }) => {
  const id = await createContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toBeVisible();
  await page.getByRole('button', { name: 'Erase this customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Siti Rahayu?' });
  await dialog.getByLabel('Type ERASE to confirm').fill('erase');
  await dialog.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(page.getByRole('heading', { name: 'Erased customer' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${id}$`));
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /WhatsApp/ })).toHaveCount(0);
});
