import { expect, test } from '@playwright/test';
import { createContact, localInputInMinutes, middayToday } from './timeline-helpers';

test('a note is added to the timeline and is still there after a reload; an empty one is refused', async ({
  page,
}) => {
  await createContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  const form = page.getByRole('form', { name: 'Add to the timeline' });
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByText('Write something first: an empty note is not saved.')).toBeVisible();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(0);

  await form.getByLabel('What happened').fill('Asked for the new batik in size L');
  await form.getByLabel('Outcome').fill('Will come on Saturday');
  await form.getByRole('button', { name: 'Add' }).click();
  const entry = page.getByTestId('timeline-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Asked for the new batik in size L');
  await expect(entry).toContainText('Outcome: Will come on Saturday');
  await expect(form.getByLabel('What happened')).toHaveValue('');

  await page.reload();
  await expect(page.getByTestId('timeline-entry')).toContainText('Asked for the new batik');
});

test('very long text is kept whole, newest entries come first, and the filter shows one kind', async ({
  page,
}) => {
  await createContact(page, { name: 'Budi Santoso' });
  const form = page.getByRole('form', { name: 'Add to the timeline' });
  const long = `${'Panjang. '.repeat(400)}END-OF-NOTE`;
  await form.getByLabel('What happened').fill(long);
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);

  await form.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Call' }).click();
  await form.getByLabel('What happened').fill('Called about delivery');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
  await expect(page.getByTestId('timeline-entry').first()).toContainText('Called about delivery');

  const longEntry = page.getByTestId('timeline-entry').nth(1);
  await expect(longEntry).not.toContainText('END-OF-NOTE');
  await longEntry.getByRole('button', { name: 'Show all' }).click();
  await expect(longEntry).toContainText('END-OF-NOTE');

  await page.locator('label', { hasText: /^Call$/ }).click();
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
  await expect(page.getByTestId('timeline-entry')).toHaveAttribute('data-kind', 'call');
});

test('a complaint is open on the contact until it is resolved with a resolution', async ({
  page,
}) => {
  await createContact(page, { name: 'Made Wirawan' });
  const form = page.getByRole('form', { name: 'Add to the timeline' });
  await form.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Complaint' }).click();
  await form.getByLabel('What happened').fill('Wrong size was delivered');
  await form.getByRole('button', { name: 'Add' }).click();

  await expect(page.getByTestId('open-complaints')).toContainText('1 open complaint');
  await page.getByRole('button', { name: 'Start working on it' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('In progress');

  await page.getByRole('button', { name: 'Resolve' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve the complaint' });
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog.getByText('Say how the complaint was resolved.')).toBeVisible();
  await dialog.getByLabel('How was it resolved?').fill('Exchanged for size L');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  // Resolving asks for the customer's feedback on it, tied to the complaint.
  const feedback = page.getByRole('dialog', { name: 'Customer feedback' });
  await feedback.getByRole('radio', { name: '9' }).click();
  await feedback.getByLabel('Comment').fill('Happy with the exchange');
  await feedback.getByRole('button', { name: 'Save feedback' }).click();
  await expect(feedback).toBeHidden();
  await expect(page.getByTestId('complaint-status')).toHaveText('Resolved');
  await expect(page.getByText('Resolution: Exchanged for size L')).toBeVisible();
  await expect(page.getByText(/Resolved in \d+ min/)).toBeVisible();
  await expect(page.getByTestId('open-complaints')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Purchases & points' }).click();
  await expect(page.getByTestId('feedback-table')).toContainText('NPS 9');
  await expect(page.getByTestId('feedback-table')).toContainText('Happy with the exchange');
});

test('a follow-up in the past asks first; snooze and done work, with the next one of a weekly series', async ({
  page,
}) => {
  const noon = middayToday();
  await page.clock.install({ time: noon });
  await createContact(page, { name: 'Rina Wati', phone: '0812 1111 2222' });
  await page.getByRole('button', { name: 'New follow-up' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('What to do').fill('Send the price list');
  await dialog.getByLabel('Due').fill(localInputInMinutes(-120, noon.getTime()));
  await dialog.getByLabel('Repeat').click();
  await page.getByRole('option', { name: 'Every week' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This time is in the past')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Follow-ups' }).click();
  const row = page.getByTestId('followup-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-overdue', 'true');
  await expect(page.getByTestId('followups-overdue')).toContainText('Send the price list');

  await row.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: 'In 1 hour' }).click();
  await expect(row).not.toHaveAttribute('data-overdue', 'true');
  await expect(row).toContainText('Snoozed until');
  await expect(page.getByTestId('followups-today')).toContainText('Send the price list');

  await row.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Done: Send the price list')).toBeVisible();
  // The weekly series goes on: one new open follow-up, due in the future, no longer overdue.
  await expect(page.getByTestId('followup-row')).toHaveCount(1);
  await expect(page.getByTestId('followups-later')).toContainText('Send the price list');

  await page.getByRole('tab', { name: 'Done' }).click();
  await expect(page.getByTestId('followup-row')).toHaveCount(1);
  await expect(page.getByTestId('followup-row')).toContainText('Done ');
});

test('Send via WhatsApp opens the wa.me link with the filled text and logs it on the timeline', async ({
  page,
  context,
}) => {
  await context.route('https://wa.me/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>wa</title>' }),
  );
  await createContact(page, { name: 'Siti Rahayu', phone: '0812-3456-7890' });
  await page.getByRole('button', { name: 'Send via WhatsApp' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'English' }).check({ force: true });
  await dialog
    .getByRole('textbox', { name: 'Message' })
    .fill('Hello Siti, your order #12 is ready & paid: 100%');
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open WhatsApp' }).click();
  const wa = await popup;
  await wa.waitForLoadState();
  expect(wa.url()).toBe(
    `https://wa.me/6281234567890?text=${encodeURIComponent('Hello Siti, your order #12 is ready & paid: 100%')}`,
  );
  await expect(dialog).toBeHidden();
  const entry = page.getByTestId('timeline-entry');
  await expect(entry).toHaveAttribute('data-kind', 'whatsapp');
  await expect(entry).toContainText('your order #12 is ready');
});

test('the WhatsApp message is filled from the template in the chosen language', async ({
  page,
  context,
}) => {
  await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
  await createContact(page, { name: 'Dewi Lestari', phone: '0857 1111 2222' });
  await page.getByRole('button', { name: 'Send via WhatsApp' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Template').click();
  await page.getByRole('option', { name: 'Birthday greeting' }).click();
  await dialog.getByText('Bahasa Indonesia').click();
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toHaveValue(
    /^Selamat ulang tahun, Dewi!/,
  );
  // {points} comes from the loyalty engine: a new member holds 0 points, so that line is left
  // out (no "Poin Anda 0") and the preview says so.
  await expect(dialog.getByRole('textbox', { name: 'Message' })).not.toHaveValue(/\{points\}|Poin/);
  await expect(dialog.getByText('{points}', { exact: false })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Open WhatsApp' }).click();
  expect(decodeURIComponent(new URL((await popup).url()).searchParams.get('text') ?? '')).toContain(
    'Selamat ulang tahun, Dewi!',
  );
});

test('a template edited in Settings is what the WhatsApp message uses, and survives a reload', async ({
  page,
}) => {
  await createContact(page, { name: 'Ayu Lestari', phone: '0812 5555 6666' });
  await page.goto('./#/settings');
  const templates = page.getByTestId('template-settings');
  await templates.getByRole('button', { name: 'Edit Hello' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Text in English').fill('Hi {name}, your {tier} order is ready.');
  await expect(dialog.getByTestId('template-preview')).toHaveText(
    'Hi Siti Rahayu, your Gold order is ready.',
  );
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByTestId('contact-row').filter({ hasText: 'Ayu Lestari' }).click();
  await page.getByRole('button', { name: 'Send via WhatsApp' }).click();
  const wa = page.getByRole('dialog');
  await wa.getByRole('radio', { name: 'English' }).check({ force: true });
  // {tier} comes from the loyalty engine: a new member is in the first tier.
  await expect(wa.getByRole('textbox', { name: 'Message' })).toHaveValue(
    'Hi Ayu Lestari, your Bronze order is ready.',
  );
  await expect(wa.getByText('Left out', { exact: false })).toHaveCount(0);
});
