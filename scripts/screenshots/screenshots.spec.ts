import { expect, test, type Page } from '@playwright/test';
import { addContact } from '../../tests/e2e/helpers';

const SAMPLE = [
  {
    name: 'Siti Rahayu',
    phone: '0812-3456-7890',
    email: 'siti.rahayu@gmail.com',
    tags: ['VIP', 'Reseller'],
  },
  { name: 'Budi Santoso', phone: '+62 857 1111 2222', tags: ['Grosir'] },
  { name: 'Dewi Lestari', phone: '081298765432', email: 'dewi@lestari.id' },
  { name: 'I Made Wirawan', phone: '0361 234567', tags: ['Bali'] },
  { name: 'Agus Salim', phone: '0813 2222 3333', tags: ['Baru'] },
  {
    name: 'Rina Wati Kusuma',
    phone: '6281511112222',
    email: 'rina.kusuma@yahoo.co.id',
    tags: ['VIP'],
  },
];

async function seed(page: Page) {
  for (const c of SAMPLE) await addContact(page, c);
}

test('screenshots', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./#/contacts');
  await seed(page);
  await page.getByRole('heading', { name: 'Contacts', exact: true }).click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(4000); // let the toasts fade
  await page.screenshot({ path: 'docs/screenshot-contacts-en.png' });

  await page.getByTestId('contact-row').last().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('form', { name: 'Contact details' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot-form-en.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Contact details' })).toBeHidden();
  await page.waitForTimeout(400); // the drawer's closing animation
  await page.screenshot({ path: 'docs/screenshot-contact-en.png' });
  await page.goto('./#/contacts');

  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await page.getByRole('searchbox').fill('0812');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-contacts-id.png' });
  await page.getByRole('searchbox').fill('');
  await page.getByRole('button', { name: /Kontak baru/ }).click();
  const form = page.getByRole('form', { name: 'Detail kontak' });
  await form.getByLabel(/^nama/i).fill('Joko');
  await form.getByLabel(/^nomor hp$/i).fill('0812');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await page.screenshot({ path: 'docs/screenshot-form-id.png' });
  await page.keyboard.press('Escape');

  await page.goto('./#/reports');
  await page.screenshot({ path: 'docs/screenshot-empty-id.png' });
  await page.goto('./#/today');
  await page.screenshot({ path: 'docs/screenshot-today-id.png' });
});

test('tour of every screen with demo data', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/Loaded 300 customers/)).toBeVisible();
  await page.waitForTimeout(3000);
  const shots: [string, string][] = [
    ['today', './#/today'],
    ['contacts', './#/contacts'],
    ['followups', './#/followups'],
    ['sales', './#/sales'],
    ['reports', './#/reports'],
    ['backup', './#/backup'],
    ['settings', './#/settings'],
  ];
  for (const [name, url] of shots) {
    await page.goto(url);
    await page.waitForTimeout(name === 'reports' ? 6000 : 2000);
    await page.screenshot({ path: `docs/tour-${name}-en.png` });
  }
  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').nth(3).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/tour-contact-en.png' });
  await page.getByRole('tab', { name: 'Purchases & points' }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/tour-contact-loyalty-en.png' });
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  for (const [name, url] of shots.slice(0, 5)) {
    await page.goto(url);
    await page.waitForTimeout(name === 'reports' ? 6000 : 2000);
    await page.screenshot({ path: `docs/tour-${name}-id.png` });
  }
});
