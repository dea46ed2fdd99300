import { expect, test } from '@playwright/test';
import { addContact, rows } from './helpers';

test('a name that looks like HTML is shown as text, never run', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">Budi';
  await page.goto('./#/contacts');
  await addContact(page, { name: hostile, phone: '0812 1111 2222' });
  await expect(rows(page).first()).toContainText(hostile);
  await rows(page).first().click();
  await expect(page.getByRole('heading', { name: hostile })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('the Content-Security-Policy blocks inline script', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('./#/contacts');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    return (window as unknown as { __inline?: number }).__inline === 1;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  // (eval is refused by the same policy, but Playwright's own evaluate bypasses CSP, so the
  // policy text itself is asserted in tests/unit/shared/csp.test.ts.)
});

test('two tabs stay consistent: a contact added in one appears in the other', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('./#/contacts');
  await b.goto('./#/contacts');
  await addContact(a, { name: 'Sekar Ayu', phone: '0857 1234 5678' });
  await expect(rows(b)).toHaveCount(1);
  await expect(rows(b).first()).toContainText('Sekar Ayu');
  await addContact(b, { name: 'Teguh Pratama', phone: '0878 1234 5678' });
  await expect(rows(a)).toHaveCount(2);
});

test('Settings shows how much space the book uses on this device', async ({ page }) => {
  await page.goto('./#/settings');
  await expect(page.getByTestId('storage-usage')).toHaveText(/used of .* available/);
});
