/**
 * The shop's currency on every screen (#18 item 6): a shop that keeps its books in US dollars
 * (2 decimals) sees "$" amounts with cents in the loyalty panel, the sales table, the timeline
 * and the reports, in English and in Indonesian; nothing says "Rp".
 */
import { expect, test, type Page } from '@playwright/test';
import { seedReports } from './reports-seed';

/** 125050 and 1999 minor units: $1,250.50 and $19.99; 50 points worth $1.00 each. */
const SHOP = {
  customers: [
    {
      name: 'Ayu Lestari',
      purchases: [
        { daysAgo: 1, amount: 125_050 },
        { daysAgo: 3, amount: 1_999 },
      ],
    },
  ],
  points: [{ name: 'Ayu Lestari', points: 50, daysAgo: 1 }],
};

// Both en-ID and id-ID group with dots and write cents after a comma.
const BIG = /\$\s?1\.250,50/;
const TOTAL = /\$\s?1\.270,49/;

async function useLanguage(page: Page, code: 'EN' | 'ID') {
  await page.goto('./#/settings');
  await page.getByRole('radiogroup').first().getByText(code, { exact: true }).click();
}

async function checkScreens(page: Page, tabs: { timeline: string; loyalty: string }) {
  await page.goto('./#/sales');
  const rows = page.getByTestId('sale-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(BIG);
  await expect(rows.nth(1)).toContainText(/\$\s?19,99/);
  await expect(page.getByTestId('sales-table')).not.toContainText('Rp');

  await page.goto('./#/contacts');
  await page.getByTestId('contact-row').filter({ hasText: 'Ayu Lestari' }).first().click();
  const main = page.locator('main');
  await page.getByRole('tab', { name: tabs.timeline }).click();
  const sale = page.locator('[data-testid="timeline-entry"][data-kind="sale"]').first();
  await expect(sale).toContainText(BIG);
  await expect(main).not.toContainText('Rp');
  await page.getByRole('tab', { name: tabs.loyalty }).click();
  await expect(page.getByTestId('points-balance')).toHaveText('50');
  await expect(main).toContainText(TOTAL); // lifetime spend
  await expect(main).toContainText(/\$\s?50,00/); // what the points are worth
  await expect(main).not.toContainText('Rp');

  await page.goto('./#/reports');
  await expect(page.getByTestId('kpi-revenue-value')).toContainText(
    /\$\s?1\.2\d\d,\d\d|\$\s?1\.270,49/,
  );
  await expect(page.getByTestId('kpi-revenue-value')).not.toContainText('Rp');
}

test('a shop in US dollars sees dollars and cents everywhere, in both languages', async ({
  page,
}) => {
  // Two passes over four screens.
  test.setTimeout(90_000);
  await page.goto('./#/reports');
  await expect(page.getByTestId('reports-empty')).toBeVisible();
  await seedReports(page, SHOP);
  await page.reload();

  await page.goto('./#/settings');
  const shop = page.getByTestId('shop-settings');
  await shop.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'USD', exact: true }).click();
  await expect(page.getByText('Shop settings saved')).toBeVisible();
  await expect(page.getByTestId('money-example')).toHaveText(/^\$\s?1\.250\.000,00$/);

  await checkScreens(page, { timeline: 'Timeline', loyalty: 'Purchases & points' });
  await useLanguage(page, 'ID');
  await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true })).toBeVisible();
  await checkScreens(page, { timeline: 'Riwayat', loyalty: 'Pembelian & poin' });
});
