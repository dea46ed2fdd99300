import { expect, test, type Page } from '@playwright/test';
import { addContact } from './helpers';

// A field salesperson's phone: 390 x 844, touch, a mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
test.describe.configure({ timeout: 120_000 });

/** The page never scrolls sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

const bottomBar = (page: Page) => page.getByRole('navigation', { name: 'Quick navigation' });

test('the field flows work one-handed on a phone: find, visit note, sale, WhatsApp, follow-up', async ({
  page,
  context,
}) => {
  await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
  await page.goto('./#/today');
  // Navigation is a bottom bar within thumb reach, not a sidebar.
  await expect(bottomBar(page)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  for (const link of await bottomBar(page).getByRole('link').all()) {
    const box = (await link.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  await bottomBar(page).getByRole('link', { name: 'Contacts' }).tap();
  await addContact(page, { name: 'Made Lapangan', phone: '0812-5555-6666' });
  await addContact(page, { name: 'Ketut Toko', phone: '0813-7777-8888' });

  // Find a customer: the search button in the header focuses the contact search.
  await bottomBar(page).getByRole('link', { name: 'Today' }).tap();
  await page.getByRole('banner').getByRole('button', { name: 'Search contacts' }).tap();
  const search = page.getByRole('searchbox', { name: /search/i });
  await expect(search).toBeFocused();
  await search.fill('made');
  await expect(page.getByTestId('contact-row')).toHaveCount(1);
  await expectNoSidewaysScroll(page);
  await page.getByTestId('contact-row').tap();
  await expect(page.getByRole('heading', { name: 'Made Lapangan' })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // Log a visit with a note.
  const note = page.getByRole('form', { name: 'Add to the timeline' });
  await note.getByLabel('Kind').tap();
  await page.getByRole('option', { name: 'Visit' }).tap();
  await note.getByLabel('What happened').fill('Visited the shop, wants 20 boxes next week');
  await note.getByRole('button', { name: 'Add' }).tap();
  await expect(page.getByTestId('timeline-entry').first()).toContainText('wants 20 boxes');

  // Send a WhatsApp message (the dialog takes the whole screen).
  await page.getByRole('button', { name: 'Send via WhatsApp' }).tap();
  const wa = page.getByRole('dialog');
  await expect(wa).toBeVisible();
  const waBox = (await wa.boundingBox())!;
  expect(waBox.width).toBeGreaterThanOrEqual(389);
  await wa.getByRole('textbox', { name: 'Message' }).fill('Halo Made, pesanan siap.');
  const popup = page.waitForEvent('popup');
  await wa.getByRole('button', { name: 'Open WhatsApp' }).tap();
  expect((await popup).url()).toContain('https://wa.me/6281255556666?text=');
  await expect(wa).toBeHidden();
  await expect(page.getByTestId('timeline-entry').first()).toHaveAttribute('data-kind', 'whatsapp');

  // Set a follow-up.
  await page.getByRole('button', { name: 'New follow-up' }).tap();
  const followUp = page.getByRole('dialog');
  await followUp.getByLabel('What to do').fill('Bring the 20 boxes');
  await followUp.getByRole('button', { name: 'Save' }).tap();
  await expect(followUp).toBeHidden();

  // Record a sale.
  await page.getByRole('tab', { name: 'Purchases & points' }).tap();
  await page.getByRole('button', { name: 'Record sale' }).first().tap();
  const sale = page.getByRole('form', { name: 'Record a sale' });
  const saleBox = (await page.getByRole('dialog').boundingBox())!;
  expect(saleBox.width).toBeGreaterThanOrEqual(389);
  await sale.getByLabel('Amount').fill('480000');
  await sale
    .getByRole('button', { name: /^(save|record)/i })
    .first()
    .tap();
  await expect(page.getByText('Ask for feedback')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).tap();
  await expect(page.getByTestId('sale-row')).toHaveCount(1);
  await expect(page.getByTestId('points-balance')).toHaveText('48');

  // The follow-up is on the Follow-ups screen, one tap away in the bottom bar.
  await bottomBar(page).getByRole('link', { name: 'Follow-ups' }).tap();
  await expect(page.getByTestId('followup-row')).toContainText('Bring the 20 boxes');
  await expectNoSidewaysScroll(page);
});

test('every screen fits a phone: no sideways scroll, the rest of the app under "More"', async ({
  page,
}) => {
  await page.goto('./#/today');
  for (const [name, heading] of [
    ['Reports', 'Reports'],
    ['Backup & Sync', 'Backup & Sync'],
    ['Settings', 'Settings'],
  ]) {
    await bottomBar(page).getByRole('button', { name: 'More' }).tap();
    const menu = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(menu).toBeVisible();
    await menu.getByRole('link', { name }).tap();
    await expect(menu).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
  for (const path of ['today', 'contacts', 'followups', 'sales']) {
    await page.goto(`./#/${path}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});

test('sync on a phone goes through files: download a sync file, open it on another phone', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // two phones on a shared machine
  await page.goto('./#/contacts');
  await addContact(page, { name: 'Putu Kiriman', phone: '0812-4444-3333' });
  await page.goto('./#/backup');
  const sync = page.getByTestId('sync-card');
  await expect(sync.getByRole('heading', { name: 'Sync by file' })).toBeVisible();
  // The sync folder needs a desktop; the file actions come first.
  await expect(page.getByTestId('sync-folder')).toBeHidden();
  const syncTop = (await sync.boundingBox())!.y;
  const backupTop = (await page
    .getByRole('heading', { name: 'Backup', exact: true })
    .boundingBox())!.y;
  expect(syncTop).toBeLessThan(backupTop);
  await expectNoSidewaysScroll(page);
  for (const button of await sync.getByRole('button').all())
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // This browser cannot share files (no Web Share API): the sync file is downloaded.
  const download = page.waitForEvent('download');
  await sync.getByRole('button', { name: 'Save sync file' }).tap();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kenal-sync-.*\.json$/);
  await expect(page.getByText('Sync file saved')).toBeVisible();

  // Another phone opens the received file: checked and merged like a file from the sync folder.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-US',
  });
  const other = await context.newPage();
  await other.goto('./#/backup');
  const otherSync = other.getByTestId('sync-card');
  const chooser = other.waitForEvent('filechooser');
  await otherSync.getByRole('button', { name: 'Open a received sync file…' }).tap();
  await (await chooser).setFiles((await file.path())!);
  await expect(other.getByText('Sync file merged', { exact: true })).toBeVisible({
    timeout: 15_000,
  });
  await other.goto('./#/contacts');
  await expect(other.getByTestId('contact-row').filter({ hasText: 'Putu Kiriman' })).toBeVisible();

  // A file that is not a Kenal sync file is refused with a reason, and nothing is written.
  await other.goto('./#/backup');
  const refused = other.waitForEvent('filechooser');
  await otherSync.getByRole('button', { name: 'Open a received sync file…' }).tap();
  await (
    await refused
  ).setFiles({
    name: 'kenal-sync-x.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":1}'),
  });
  await expect(otherSync.getByRole('alert')).toBeVisible();
  await context.close();
});

test('a phone that can share files sends the sync file to the share sheet', async ({ page }) => {
  // Android Chrome / iOS Safari: the Web Share API with files (headless Chromium has none).
  await page.addInitScript(() => {
    const shared: string[] = [];
    Object.assign(window, { sharedFiles: shared });
    Object.defineProperty(navigator, 'canShare', {
      value: (data: ShareData) => (data.files?.length ?? 0) > 0,
    });
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        for (const f of data.files ?? [])
          shared.push(JSON.stringify({ name: f.name, type: f.type, body: await f.text() }));
      },
    });
  });
  await page.goto('./#/backup');
  const sync = page.getByTestId('sync-card');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await sync.getByRole('button', { name: 'Share sync file' }).tap();
  await expect(page.getByText('Sync file shared')).toBeVisible();
  const shared = await page.evaluate(
    () => (window as unknown as { sharedFiles: string[] }).sharedFiles,
  );
  expect(shared).toHaveLength(1);
  const { name, type, body } = JSON.parse(shared[0]!) as Record<string, string>;
  expect(name).toMatch(/^kenal-sync-.*\.json$/);
  expect(type).toBe('application/json');
  expect(JSON.parse(body!)).toMatchObject({ kind: 'sync' });
  expect(downloaded).toBe(false);
});

/** The page and an open dialog fit the phone's width: nothing to scroll sideways. */
async function expectFits(page: Page, where: string) {
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    dialogs: [...document.querySelectorAll<HTMLElement>('[role="dialog"]')]
      .filter((d) => d.offsetParent !== null || getComputedStyle(d).position === 'fixed')
      .map((d) => Math.round(d.getBoundingClientRect().right - window.innerWidth)),
  }));
  expect(sizes.page, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  for (const past of sizes.dialogs)
    expect(past, `${where}: a dialog runs past the screen`).toBeLessThanOrEqual(0);
}

/** Open a dialog with a tap, check that it fits, close it. */
async function checkDialog(page: Page, button: string, where: string) {
  await page.getByRole('button', { name: button, exact: true }).first().tap();
  const dialog = page.getByRole('dialog').last();
  await expect(dialog).toBeVisible();
  // Full-screen dialogs settle after their transition.
  await expect
    .poll(async () => Math.round((await dialog.boundingBox())?.width ?? 0))
    .toBeGreaterThanOrEqual(389);
  await expectFits(page, where);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** The id of the contact with the most sales in the book (read from IndexedDB). */
async function mostFrequentBuyer(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kenal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const sales = await new Promise<{ contactId: string }[]>((resolve, reject) => {
      const req = db.transaction('sales', 'readonly').objectStore('sales').getAll();
      req.onsuccess = () => resolve(req.result as { contactId: string }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const counts = new Map<string, number>();
    for (const s of sales) counts.set(s.contactId, (counts.get(s.contactId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  });
}

test('with a full book every screen and dialog fits a phone, and the field buttons are thumb-sized', async ({
  page,
}) => {
  test.setTimeout(300_000); // the demo book: 300 customers, 3 years of sales
  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Load demo data' }).tap();
  await page
    .getByRole('dialog', { name: 'Load demo data?' })
    .getByRole('button', { name: 'Load demo data' })
    .tap();
  await expect(page.getByText(/^Loaded \d+ customers/)).toBeVisible({ timeout: 120_000 });

  for (const screen of [
    'today',
    'contacts',
    'followups',
    'sales',
    'reports',
    'backup',
    'settings',
  ]) {
    await page.goto(`./#/${screen}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    if (screen === 'reports')
      await expect(page.getByTestId('reports-progress')).toHaveCount(0, { timeout: 60_000 });
    await expectFits(page, screen);
  }

  await page.goto('./#/contacts');
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  await checkDialog(page, 'Import', 'contacts import');
  await checkDialog(page, 'Duplicates', 'duplicates');
  await page.goto('./#/sales');
  await checkDialog(page, 'Import sales', 'sales import');

  // A customer's page and the dialogs of the field flows: a customer who buys (the first row of
  // the list may be a lead, whose page has no segment row to check).
  await page.goto(`./#/contacts/${await mostFrequentBuyer(page)}`);
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeVisible();
  await expectFits(page, 'contact timeline');
  // The customer segment row keeps its R, F and M scores whole, inside its card.
  const rfm = page.getByTestId('contact-rfm');
  await expect(rfm.getByTestId('contact-rfm-m')).toBeVisible();
  const card = (await rfm.boundingBox())!;
  for (const letter of ['r', 'f', 'm']) {
    const score = (await rfm.getByTestId(`contact-rfm-${letter}`).boundingBox())!;
    expect(score.x + score.width, `RFM ${letter}`).toBeLessThanOrEqual(card.x + card.width);
    expect(score.x + score.width, `RFM ${letter}`).toBeLessThanOrEqual(390);
  }
  const fieldButtons = [
    page.getByRole('button', { name: 'Send via WhatsApp' }),
    page.getByRole('button', { name: 'New follow-up' }),
    page.getByRole('form', { name: 'Add to the timeline' }).getByRole('button', { name: 'Add' }),
    page.getByRole('tab', { name: 'Timeline' }),
    page.getByRole('tab', { name: 'Purchases & points' }),
  ];
  for (const target of fieldButtons) {
    const box = (await target.first().boundingBox())!;
    expect(box.height, `${await target.first().textContent()}`).toBeGreaterThanOrEqual(44);
  }
  await checkDialog(page, 'Send via WhatsApp', 'WhatsApp');
  await checkDialog(page, 'New follow-up', 'new follow-up');
  await page.getByRole('tab', { name: 'Purchases & points' }).tap();
  await expectFits(page, 'contact points');
  for (const name of ['Record sale', 'Redeem', 'Adjust']) {
    const box = (await page.getByRole('button', { name, exact: true }).first().boundingBox())!;
    expect(box.height, name).toBeGreaterThanOrEqual(44);
  }
  await checkDialog(page, 'Record sale', 'record sale');
  // The checkout's fields keep a usable width: the item gets a row of its own on a phone.
  await page.getByRole('button', { name: 'Record sale', exact: true }).first().tap();
  const sale = page.getByRole('dialog').last();
  await expect
    .poll(async () => Math.round((await sale.boundingBox())?.width ?? 0))
    .toBeGreaterThanOrEqual(389);
  for (const [label, min] of [
    ['Item 1', 250],
    ['Quantity 1', 60],
    ['Unit price 1', 120],
  ] as const) {
    const box = (await sale.getByLabel(label, { exact: true }).boundingBox())!;
    expect(box.width, label).toBeGreaterThanOrEqual(min);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await checkDialog(page, 'Redeem', 'redeem');
  await checkDialog(page, 'Adjust', 'adjust');

  // The header's search and the bottom bar are the way around.
  const search = page.getByRole('banner').getByRole('button', { name: 'Search contacts' });
  expect((await search.boundingBox())!.height).toBeGreaterThanOrEqual(44);
});
