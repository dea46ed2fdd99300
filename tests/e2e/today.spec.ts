import { expect, test } from '@playwright/test';
import {
  birthdayInDays,
  createContact,
  localInputInMinutes,
  seedPurchases,
} from './timeline-helpers';

test('a new user sees a welcome with a button to add the first contact', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Welcome to Kenal' })).toBeVisible();
  await page.getByRole('link', { name: 'New contact' }).click();
  await expect(page).toHaveURL(/#\/contacts\/new$/);
  await expect(page.getByRole('form')).toBeVisible();
});

test('Today lists overdue follow-ups, birthdays, customers gone quiet and open complaints', async ({
  page,
}) => {
  // Seven contacts and their data go in through the UI: give the shared CI machine time.
  test.setTimeout(90_000);
  // A birthday in two days.
  await createContact(page, {
    name: 'Rina Ultah',
    phone: '0812 1111 2222',
    birthday: birthdayInDays(2),
  });
  // A weekly customer who stopped coming 40 days ago, and a new one who came last week.
  const quietId = await createContact(page, { name: 'Budi Sepi', phone: '0813 2222 3333' });
  await seedPurchases(page, quietId, [61, 54, 47, 40]);
  const freshId = await createContact(page, { name: 'Fajar Baru' });
  await seedPurchases(page, freshId, [7]);
  // An open complaint.
  await createContact(page, { name: 'Sari Keluhan' });
  const form = page.getByRole('form', { name: 'Add to the timeline' });
  await form.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Complaint' }).click();
  await form.getByLabel('What happened').fill('Package arrived damaged');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('open-complaints')).toBeVisible();
  // An overdue follow-up, made from the Today screen.
  await page.goto('./#/today');
  await page.getByRole('button', { name: 'New follow-up' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Contact').fill('Sari');
  await page.getByRole('option', { name: 'Sari Keluhan' }).click();
  await dialog.getByLabel('What to do').fill('Call back about the refund');
  await dialog.getByLabel('Due').fill(localInputInMinutes(-90));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('today-overdue')).toContainText('Call back about the refund');
  await expect(page.getByTestId('today-overdue')).toContainText('Sari Keluhan');
  await expect(page.getByTestId('today-birthdays')).toContainText('Rina Ultah');
  await expect(page.getByTestId('today-birthdays')).toContainText('In 2 days');
  await expect(page.getByTestId('today-quiet')).toContainText('Budi Sepi');
  await expect(page.getByTestId('today-quiet')).toContainText('Last purchase 40 days ago');
  await expect(page.getByTestId('today-quiet')).toContainText('usually every 7 days');
  await expect(page.getByTestId('today-quiet')).not.toContainText('Fajar Baru');
  await expect(page.getByTestId('today-complaints')).toContainText('Package arrived damaged');
  await page.screenshot({ path: '/tmp/today-today-en.png', fullPage: true });

  // Completing the follow-up from Today takes it off the list.
  await page.getByTestId('today-overdue').getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('today-overdue')).toHaveCount(0);

  // A click on a name opens the contact.
  await page.getByTestId('today-quiet').getByRole('link', { name: 'Budi Sepi' }).click();
  await expect(page).toHaveURL(new RegExp(`#/contacts/${quietId}$`));
  await expect(page.getByTestId('timeline-entry').first()).toContainText('Purchase');

  await page.goto('./#/today');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await expect(page.getByTestId('today-birthdays')).toContainText('2 hari lagi');
  await expect(page.getByTestId('today-quiet')).toContainText('Lama tidak belanja');
  await page.screenshot({ path: '/tmp/today-today-id.png', fullPage: true });
});

test('a birthday greeting from Today opens WhatsApp and is logged', async ({ page, context }) => {
  await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
  await createContact(page, {
    name: 'Rina Ultah',
    phone: '0812 1111 2222',
    birthday: birthdayInDays(0),
  });
  await page.goto('./#/today');
  await expect(page.getByTestId('today-birthdays')).toContainText('Today');
  await page.getByRole('button', { name: 'Send greeting' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toHaveValue(
    /Happy birthday, Rina!/,
  );
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open WhatsApp' }).click();
  expect((await popup).url()).toMatch(
    /^https:\/\/wa\.me\/6281211112222\?text=Happy%20birthday%2C%20Rina!/,
  );
  await page.getByTestId('today-birthdays').getByRole('link', { name: 'Rina Ultah' }).click();
  await expect(page.getByTestId('timeline-entry').first()).toHaveAttribute('data-kind', 'whatsapp');
});
