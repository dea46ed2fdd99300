import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Demo data (300 customers, 3 years) so every screen shows its tables, charts and rows.
test.describe.configure({ timeout: 300_000 });

const SCREENS = ['today', 'contacts', 'followups', 'sales', 'reports', 'backup', 'settings'];

async function loadDemo(page: Page) {
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load demo data?' });
  await dialog.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByText(/^Loaded \d+ customers/)).toBeVisible({ timeout: 120_000 });
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} - ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const size of [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
]) {
  test.describe(`${size.name} ${size.viewport.width}x${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

    test('no serious or critical accessibility violation on any screen', async ({ page }) => {
      await loadDemo(page);
      const found: string[] = [];
      for (const screen of SCREENS) {
        await page.goto(`./#/${screen}`);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        if (screen === 'reports') {
          await expect(page.getByTestId('reports-progress')).toHaveCount(0, { timeout: 60_000 });
        }
        found.push(...(await seriousViolations(page, screen)));
      }
      await page.goto('./#/contacts');
      await page.getByTestId('contact-row').first().click();
      await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
      found.push(...(await seriousViolations(page, 'contact')));
      await page.getByRole('tab', { name: 'Purchases & points' }).click();
      found.push(...(await seriousViolations(page, 'contact points')));
      await page.getByRole('button', { name: 'Record sale' }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      found.push(...(await seriousViolations(page, 'record sale dialog')));
      expect(found).toEqual([]);
    });
  });
}
