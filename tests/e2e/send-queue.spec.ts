import { expect, test, type Page } from '@playwright/test';

/** Add a contact through the form; `consent` ticks "Agrees to receive promotions". */
async function person(
  page: Page,
  name: string,
  phone: string,
  opts: { consent?: boolean; salutation?: string } = {},
) {
  await page
    .getByRole('button', { name: /new contact/i })
    .first()
    .click();
  const form = page.getByRole('form');
  await form.getByLabel(/^name/i).fill(name);
  await form.getByLabel(/^phone$/i).fill(phone);
  if (opts.salutation) {
    await form.getByLabel('Form of address').click();
    await page.getByRole('option', { name: opts.salutation, exact: true }).click();
  }
  if (opts.consent) await form.getByLabel('Agrees to receive promotions').check();
  await form.getByRole('button', { name: /^save$/i }).click();
  await expect(page.getByRole('form')).toBeHidden({ timeout: 15_000 });
}

test('a send queue of three: send one, leave, resume; the one without consent is listed', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await context.route('https://wa.me/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>wa</title>' }),
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./#/contacts');
  await person(page, 'Ani Wijaya', '0812-1111-1111', { consent: true, salutation: 'Bu' });
  await person(page, 'Budi Santoso', '0812-2222-2222', { consent: true });
  await person(page, 'Citra Dewi', '0812-3333-3333', { consent: true });
  await person(page, 'Dodi Pratama', '0812-4444-4444');
  await page.goto('./#/contacts');
  await expect(page.getByTestId('contact-row')).toHaveCount(4);

  // Everyone selected, "Message": three will get one, Dodi is left out with the reason.
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Message' }).click();
  const start = page.getByRole('dialog');
  await expect(start.getByTestId('queue-will-send')).toContainText('3 will get a message');
  await expect(start.getByTestId('queue-skipped')).toContainText(
    'Dodi Pratama — no consent to promotions recorded (UU PDP)',
  );
  await start.getByLabel('Template').click();
  await page.getByRole('option', { name: 'We miss you' }).click();
  await start.getByRole('radio', { name: 'English' }).check({ force: true });
  await start.getByRole('button', { name: 'Start' }).click();

  await expect(page.getByTestId('queue-progress')).toHaveText('0 of 3 sent');
  const current = page.getByTestId('queue-current');
  await expect(current).toContainText('Ani Wijaya');
  // Personalised and previewed before WhatsApp opens: the form of address, no empty lines.
  const message = current.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(/^Hi Bu Ani, it has been a while!/);
  await expect(message).not.toHaveValue(/\{|Your last visit/);

  const popup = page.waitForEvent('popup');
  await current.getByRole('button', { name: 'Open WhatsApp' }).click();
  const wa = await popup;
  expect(wa.url()).toContain('https://wa.me/6281211111111?text=');
  expect(decodeURIComponent(new URL(wa.url()).searchParams.get('text') ?? '')).toMatch(
    /^Hi Bu Ani, it has been a while!/,
  );
  await wa.close();
  await expect(page.getByTestId('queue-progress')).toHaveText('1 of 3 sent');
  await current.getByRole('button', { name: 'Next' }).click();
  await expect(current).toContainText('Budi Santoso');

  // Leave the queue (another screen, then a restart) and resume it from Today.
  await page.goto('./#/today');
  await page.reload();
  const banner = page.getByTestId('queue-resume');
  await expect(banner).toContainText('Continue sending: 1 of 3 sent');
  await banner.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByTestId('queue-current')).toContainText('Person 2 of 3');
  await expect(page.getByTestId('queue-current')).toContainText('Budi Santoso');
  await expect(page.getByTestId('queue-skipped')).toContainText('Dodi Pratama');
  await page.screenshot({ path: 'test-results/send-queue-en.png' });

  // The same screen in Bahasa Indonesia.
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await expect(page.getByTestId('queue-progress')).toHaveText('1 dari 3 terkirim');
  await page.screenshot({ path: 'test-results/send-queue-id.png' });

  // The send is on Ani's timeline as a WhatsApp entry.
  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').filter({ hasText: 'Ani Wijaya' }).click();
  const entry = page.getByTestId('timeline-entry');
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expect(entry).toHaveAttribute('data-kind', 'whatsapp');
  await expect(entry).toContainText('Hi Bu Ani, it has been a while!');
});
