import { expect, test, type Page } from '@playwright/test';

/**
 * At 1366x768 (the laptop most shops have) no button, tab, label or badge is cut off, in
 * either language (issue #19: "Muat data ·", "Tier follows the spend ri…"). An element whose
 * text is wider than its box (scrollWidth > clientWidth) is cut, whether by an ellipsis or by
 * overflow: hidden. KENAL_SHOTS=<dir> also writes a screenshot of each screen to look at.
 */
test.describe.configure({ timeout: 300_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const SCREENS = ['today', 'contacts', 'followups', 'sales', 'reports', 'backup', 'settings'];
const WORDS = {
  en: { load: 'Load demo data', confirm: 'Load demo data?', loaded: /^Loaded \d+ customers/ },
  id: { load: 'Muat data contoh', confirm: 'Muat data contoh?', loaded: /pelanggan dan .* dimuat/ },
} as const;

/** Elements holding a short label whose text does not fit its box. */
async function cutLabels(page: Page, where: string): Promise<string[]> {
  const cut = await page.evaluate(() => {
    const selector = [
      'button',
      '[role="tab"]',
      '[role="radio"]',
      'label',
      'th',
      'a',
      '.mantine-Button-label',
      '.mantine-Badge-label',
      '.mantine-NavLink-label',
      '.mantine-SegmentedControl-label',
      '.mantine-Chip-label',
      '.mantine-Tabs-tabLabel',
      '.mantine-InputWrapper-label',
      // The chosen value of a select ("Tier follows the spend ri…"): text the user cannot scroll.
      'input.mantine-Select-input',
      'input[readonly]',
    ].join(',');
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const text = (el instanceof HTMLInputElement ? el.value : (el.innerText ?? '')).trim();
      if (!text || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      // Only boxes that hide what overflows cut text; a scroll box shows it by scrolling.
      const clips =
        el instanceof HTMLInputElement ||
        style.overflowX === 'hidden' ||
        style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(text.slice(0, 60));
    }
    return out;
  });
  return cut.map((c) => `${where}: ${c}`);
}

async function shot(page: Page, name: string) {
  const dir = process.env.KENAL_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

for (const lang of ['id', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ locale: lang === 'id' ? 'id-ID' : 'en-US' });

    test(`labels fit at 1366x768 on every screen and dialog (${lang})`, async ({ page }) => {
      const w = WORDS[lang];
      const found: string[] = [];
      // The empty book first: what a new user sees.
      for (const screen of SCREENS) {
        await page.goto(`./#/${screen}`);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await shot(page, `${lang}-empty-${screen}`);
        found.push(...(await cutLabels(page, `empty ${screen}`)));
      }
      await page.goto('./#/settings');
      await page.getByRole('button', { name: w.load }).click();
      const confirm = page.getByRole('dialog', { name: w.confirm });
      await shot(page, `${lang}-demo-dialog`);
      found.push(...(await cutLabels(page, 'demo dialog')));
      await confirm.getByRole('button', { name: w.load }).click();
      await expect(page.getByText(w.loaded)).toBeVisible({ timeout: 120_000 });

      for (const screen of SCREENS) {
        await page.goto(`./#/${screen}`);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        if (screen === 'reports') {
          await expect(page.getByTestId('reports-progress')).toHaveCount(0, { timeout: 60_000 });
        }
        await shot(page, `${lang}-${screen}`);
        found.push(...(await cutLabels(page, screen)));
      }

      // A contact's page, both tabs, and the dialogs a new user opens first.
      await page.goto('./#/contacts');
      await page.getByTestId('contact-row').first().click({ timeout: 30_000 });
      const tabs = page.getByRole('tab');
      await expect(tabs.first()).toBeVisible();
      await shot(page, `${lang}-contact`);
      found.push(...(await cutLabels(page, 'contact')));
      await tabs.nth(1).click();
      await shot(page, `${lang}-contact-points`);
      found.push(...(await cutLabels(page, 'contact points')));

      // New contact (N) and record a sale (S), from the contact list.
      for (const key of ['n', 's']) {
        await page.goto('./#/contacts');
        await expect(page.getByTestId('contact-row').first()).toBeVisible({ timeout: 30_000 });
        await page.locator('body').press(key);
        await expect(page.getByRole('dialog').first()).toBeVisible();
        await page.waitForTimeout(400); // the dialog's opening transition
        await shot(page, `${lang}-dialog-${key}`);
        found.push(...(await cutLabels(page, `dialog ${key}`)));
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
      expect(found).toEqual([]);
    });
  });
}
