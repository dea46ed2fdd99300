import { expect, test } from '@playwright/test';
import { rows } from './helpers';
import { seedReports, SHOP } from './reports-seed';

test('with no data the reports say what to do next', async ({ page }) => {
  await page.goto('./#/reports');
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
  await expect(page.getByTestId('reports-empty')).toBeVisible();
  await expect(page.getByText('No report data yet')).toBeVisible();
  await page.getByRole('button', { name: 'Go to contacts' }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
});

test.describe('with a seeded shop', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./#/reports');
    await expect(page.getByTestId('reports-empty')).toBeVisible();
    await seedReports(page, SHOP);
    await page.reload();
  });

  test('renders the numbers and charts, each with a data table', async ({ page }) => {
    // Ayu (10) and Budi (9) answered today: both promoters, NPS 100.
    await expect(page.getByTestId('kpi-revenue-value')).toContainText('Rp');
    await expect(page.getByTestId('kpi-nps-value')).toHaveText('100');
    const revenue = page.getByTestId('chart-revenue');
    await expect(revenue.locator('canvas')).toBeVisible();
    await revenue.getByText('Table', { exact: true }).click();
    const table = page.getByTestId('revenue-table');
    await expect(table.locator('tbody tr')).toHaveCount(12);
    await expect(table).toContainText('Rp');

    await page.getByRole('tab', { name: 'Customers' }).click();
    await expect(page.getByTestId('rfm-grid')).toBeVisible();
    await expect(page.getByTestId('chart-rfm').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('cohort-heatmap')).toBeVisible();
    await expect(page.getByTestId('segment-atRisk')).toHaveText('At risk (2)');
    await page.getByTestId('chart-rfm').getByText('Table', { exact: true }).click();
    await expect(page.getByTestId('rfm-table')).toContainText('At risk');

    await page.getByRole('tab', { name: 'Satisfaction' }).click();
    await expect(page.getByTestId('chart-satisfaction').locator('canvas')).toBeVisible();
  });

  test('clicking "At risk" opens the contact list with just those customers', async ({ page }) => {
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByTestId('segment-atRisk').click();
    await expect(page).toHaveURL(/#\/contacts$/);
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('Rahmat Hidayat');
    await expect(rows(page).nth(1)).toContainText('Rina Wijaya');
  });

  test('exports the revenue data as CSV and the chart as PNG', async ({ page }) => {
    const revenue = page.getByTestId('chart-revenue');
    await expect(revenue.locator('canvas')).toBeVisible();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      revenue.getByRole('button', { name: /as CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^kenal-revenue-\d{4}-\d{2}\.csv$/);
    const text = await (await csv.createReadStream()).toArray();
    const content = Buffer.concat(text).toString('utf8');
    expect(content.split('\r\n')[0]).toBe('\uFEFFmonth,revenue_rp,orders,buyers');
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(13);

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      revenue.getByRole('button', { name: /as PNG/ }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');

    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Reports as CSV' }).click(),
    ]);
    const lines = Buffer.concat(await (await summary.createReadStream()).toArray())
      .toString('utf8')
      .split('\r\n');
    expect(lines[0]).toBe('\uFEFFmetric,this_period,previous_period');
    expect(lines[1]).toMatch(/^Revenue,\d+,\d+$/);
  });

  test('the period picker changes the period, in English and Bahasa Indonesia', async ({
    page,
  }) => {
    await expect(page.getByTestId('kpi-revenue-value')).toContainText('Rp');
    const label = page.getByTestId('period-label');
    const before = await label.textContent();
    await page.getByRole('button', { name: 'Previous period' }).click();
    await expect(label).not.toHaveText(before ?? '');
    await page.getByText('Year', { exact: true }).click();
    await expect(label).toHaveText(/^\d{4}$/);

    await page
      .getByRole('radiogroup', { name: 'Language' })
      .getByText('ID', { exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'Laporan', exact: true })).toBeVisible();
    await expect(page.getByTestId('kpi-revenue')).toContainText('Pendapatan');
    await page.getByText('Kuartal', { exact: true }).click();
    await expect(label).toHaveText(/^K[1-4] \d{4}$/);
  });
});

test('the points liability leaves out points that expired', async ({ page }) => {
  await page.goto('./#/reports');
  await expect(page.getByTestId('reports-empty')).toBeVisible();
  await seedReports(page, {
    ...SHOP,
    points: [
      // Earned 400 days ago: expired after 12 months under the default rules.
      { name: 'Ayu Lestari', points: 500, daysAgo: 400 },
      { name: 'Ayu Lestari', points: 120, daysAgo: 10 },
      { name: 'Budi Santoso', points: 80, daysAgo: 20 },
      { name: 'Budi Santoso', points: -30, daysAgo: 5 },
    ],
  });
  await page.reload();
  const kpi = page.getByTestId('kpi-liability');
  // 120 + 50 points at Rp 100 each (the default rule's point value), not 670 raw points.
  await expect(kpi).toContainText('170 points held by 2 customers');
  await expect(page.getByTestId('kpi-liability-value')).toHaveText('Rp 17.000');
  await page.screenshot({ path: '/tmp/reports-liability-en.png', fullPage: true });
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('ID', { exact: true }).click();
  await expect(kpi).toContainText('170 poin dimiliki 2 pelanggan, setelah kedaluwarsa');
  await page.screenshot({ path: '/tmp/reports-liability-id.png', fullPage: true });
});
