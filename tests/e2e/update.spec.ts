import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startSwitchableServer, type SwitchableServer } from './switchable-server';

/**
 * "A new version is available - reload": two builds of the app with different precache
 * manifests, served one after the other from the same origin, as a static host does on deploy.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = process.env.KENAL_WEB_OUT ?? 'dist/renderer';
const BUILD_A = `${root}${OUT}-update-a`;
const BUILD_B = `${root}${OUT}-update-b`;

/** `vite build` of this tree with another app version compiled in: another precache manifest. */
function buildVersion(outDir: string, version: string) {
  const script = `import { build } from 'vite';
await build({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify(process.env.KENAL_TEST_VERSION) },
  build: { outDir: process.env.KENAL_TEST_OUT, emptyOutDir: true },
});`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, KENAL_TEST_VERSION: version, KENAL_TEST_OUT: outDir },
    stdio: 'inherit',
  });
}

/** The build's entry script, as its index.html names it: which version a page runs. */
const entryOf = (dir: string) =>
  /src="\.\/(assets\/index-[^"]+\.js)"/.exec(readFileSync(`${dir}/index.html`, 'utf8'))![1]!;
const runningEntry = (page: Page) =>
  page.evaluate(() =>
    new URL(document.querySelector<HTMLScriptElement>('script[type="module"]')!.src).pathname.slice(
      1,
    ),
  );
/** The same while the page may be reloading (then: not known yet). */
const entryAfterReload = (page: Page) => runningEntry(page).catch(() => null);

let server: SwitchableServer;
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  buildVersion(BUILD_A, '0.0.1-update-a');
  buildVersion(BUILD_B, '0.0.2-update-b');
  expect(entryOf(BUILD_A)).not.toBe(entryOf(BUILD_B));
  expect(readFileSync(`${BUILD_A}/sw.js`, 'utf8')).not.toBe(
    readFileSync(`${BUILD_B}/sw.js`, 'utf8'),
  );
  server = await startSwitchableServer(BUILD_A);
});
test.afterAll(async () => server?.close());

const prompt = (page: Page) => page.getByRole('alertdialog', { name: /new version of Kenal/i });

/** First visit: the service worker installs and precaches build A. */
async function installA(page: Page) {
  server.serve(BUILD_A);
  await page.goto(`${server.url}#/contacts`);
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
  await expect(page.getByText('Kenal now works without a network in this browser.')).toBeVisible({
    timeout: 60_000,
  });
  expect(await runningEntry(page)).toBe(entryOf(BUILD_A));
}

/** Start typing a new contact, and leave it half-filled. */
async function halfFill(page: Page, name: string) {
  await page.getByRole('button', { name: 'New contact' }).first().click();
  await page.getByRole('form').getByLabel(/^name/i).fill(name);
  // Anything that reloads the page takes this with it.
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });
}
async function expectUntouched(page: Page, name: string) {
  await expect(page.getByRole('form').getByLabel(/^name/i)).toHaveValue(name);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
    true,
  );
  expect(await runningEntry(page)).toBe(entryOf(BUILD_A));
}

/** What the app does every hour and when it comes back on screen: ask for a new version. */
async function comeBackOnScreen(page: Page) {
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

test('a new version waits for Reload: no reload under a half-filled form, in any window', async ({
  page,
  context,
}) => {
  await installA(page);
  // The second visit is the one the worker controls.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await halfFill(page, 'Ni Luh Setengah');

  // Deploy build B. The open app finds it by itself and says so, and changes nothing else.
  server.serve(BUILD_B);
  await comeBackOnScreen(page);
  await expect(prompt(page)).toBeVisible({ timeout: 60_000 });
  expect(
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting !== null && registration?.active !== null;
    }),
  ).toBe(true);
  await expectUntouched(page, 'Ni Luh Setengah');

  // Later: the prompt goes away, the form stays.
  await prompt(page).getByRole('button', { name: 'Later' }).click();
  await expect(prompt(page)).toBeHidden();
  await expectUntouched(page, 'Ni Luh Setengah');

  // A second window (still build A: the new version waits) with its own half-filled form.
  const other = await context.newPage();
  await other.goto(`${server.url}#/contacts`);
  await expect(prompt(other)).toBeVisible({ timeout: 30_000 });
  expect(await runningEntry(other)).toBe(entryOf(BUILD_A));
  await halfFill(other, 'Komang Belum Selesai');

  // Reload in the second window: it reloads into build B...
  await prompt(other).getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => entryAfterReload(other), { timeout: 30_000 }).toBe(entryOf(BUILD_B));
  await expect(other.locator('h1', { hasText: 'Kenal' })).toBeVisible({ timeout: 30_000 });
  await expect(prompt(other)).toBeHidden();
  expect(await other.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // ...and the first window keeps what is being typed there, and says it was updated.
  const elsewhere = page.getByRole('alertdialog', { name: /updated in another window/i });
  await expect(elsewhere).toBeVisible();
  await expectUntouched(page, 'Ni Luh Setengah');
  await elsewhere.getByRole('button', { name: 'Reload' }).click();

  await expect.poll(() => entryAfterReload(page), { timeout: 30_000 }).toBe(entryOf(BUILD_B));
  await expect(page.locator('h1', { hasText: 'Kenal' })).toBeVisible({ timeout: 30_000 });
});

test('Reload on the very first visit (a page the worker does not control yet) opens the new version', async ({
  page,
}) => {
  await installA(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  server.serve(BUILD_B);
  await comeBackOnScreen(page);
  await expect(prompt(page)).toBeVisible({ timeout: 60_000 });
  await prompt(page).getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => entryAfterReload(page), { timeout: 30_000 }).toBe(entryOf(BUILD_B));
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});
