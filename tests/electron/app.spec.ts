import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { HOST_CHANNELS, HOST_EVENT_METHODS, HOST_GLOBAL } from '../../shared/host-api';
import { findElectronBinary, NO_ELECTRON_REASON } from './electron-binary';

const root = fileURLToPath(new URL('../../', import.meta.url));
const executablePath = findElectronBinary(root);

test.describe('Kenal desktop app', () => {
  test.skip(executablePath === null, NO_ELECTRON_REASON);

  const userDataDirs: string[] = [];

  test.beforeAll(() => {
    if (executablePath === null) return;
    // The app runs from the built output; build it once when it is missing.
    const built = [
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist/renderer/index.html',
    ];
    if (!built.every((file) => existsSync(path.join(root, file)))) {
      execSync('npm run build', { cwd: root, stdio: 'inherit' });
    }
  });

  test.afterAll(async () => {
    await Promise.all(userDataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function freshUserDataDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kenal-e2e-'));
    userDataDirs.push(dir);
    return dir;
  }

  async function launch(userDataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
    const app = await electron.launch({
      executablePath: executablePath ?? undefined,
      cwd: root,
      args: [
        '.',
        `--user-data-dir=${userDataDir}`,
        // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer
        // is still contextIsolated with sandbox:true webPreferences.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  }

  test('opens one locked-down window exposing exactly HostApi', async () => {
    const { app, page } = await launch(await freshUserDataDir());
    try {
      const title = await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.getTitle()),
      );
      expect(title).toHaveLength(1);
      expect(title[0]).toMatch(/^Kenal\b/);

      const methods = await page.evaluate(
        (name) => Object.keys((window as unknown as Record<string, object>)[name] ?? {}).sort(),
        HOST_GLOBAL,
      );
      expect(methods).toEqual([...Object.keys(HOST_CHANNELS), ...HOST_EVENT_METHODS].sort());

      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        module: typeof (globalThis as Record<string, unknown>).module,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });

      // The bridge reaches the main process, and the main process validates what it gets.
      const info = await page.evaluate(
        (name) =>
          (window as unknown as Record<string, { getInfo(): Promise<{ kind: string }> }>)[
            name
          ]?.getInfo(),
        HOST_GLOBAL,
      );
      expect(info?.kind).toBe('electron');
      const refused = await page.evaluate(async (name) => {
        const host = (
          window as unknown as Record<string, { openExternal(a: { url: string }): Promise<void> }>
        )[name];
        try {
          await host?.openExternal({ url: 'https://evil.example/' });
          return 'opened';
        } catch (error) {
          return String(error);
        }
      }, HOST_GLOBAL);
      expect(refused).toMatch(/not on the allowlist/);
    } finally {
      await app.close();
    }
  });

  test('adds a contact that is still there after a restart', async () => {
    const userDataDir = await freshUserDataDir();
    const name = `Siti Rahma ${Date.now()}`;

    const first = await launch(userDataDir);
    try {
      const newContact = first.page.getByRole('button', { name: /new contact/i }).first();
      const hasButton = await newContact
        .waitFor({ state: 'visible', timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (hasButton) await newContact.click();
      else await first.page.keyboard.press('n');
      await first.page.getByLabel('Name', { exact: true }).fill(name);
      await first.page.getByLabel('Phone', { exact: true }).fill('+62 812 3456 7890');
      await first.page.getByRole('button', { name: /save/i }).click();
      await expect(first.page.getByText(name).first()).toBeVisible();
    } finally {
      await first.app.close();
    }

    const second = await launch(userDataDir);
    try {
      await expect(second.page.getByText(name).first()).toBeVisible();
      // Served from its own scheme without the web app's service worker (a precache there would
      // pin an old renderer after an app update): none registered on the first run either.
      expect(second.page.url()).toMatch(/^app:\/\/kenal\//);
      const workers = await second.page.evaluate(async () =>
        'serviceWorker' in navigator
          ? {
              registrations: (await navigator.serviceWorker.getRegistrations()).length,
              controlled: navigator.serviceWorker.controller !== null,
            }
          : { registrations: 0, controlled: false },
      );
      expect(workers).toEqual({ registrations: 0, controlled: false });
    } finally {
      await second.app.close();
    }
  });

  test('a reminder is shown as an OS notification, and clicking it opens the contact', async () => {
    const { app, page } = await launch(await freshUserDataDir());
    try {
      // Record notifications in the main process instead of showing them on the desktop.
      await app.evaluate(({ Notification }) => {
        const shown: { title: string; fire: () => void }[] = [];
        (globalThis as unknown as { __shown: typeof shown }).__shown = shown;
        Notification.prototype.show = function (this: InstanceType<typeof Notification>) {
          shown.push({ title: this.title, fire: () => this.emit('click') });
        };
      });
      const contactId = '01KAZZZZZZZZZZZZZZZZZZZZZZ';
      // The reminder scheduler sends exactly this through HostApi (browser e2e covers when).
      await page.evaluate(
        ([name, tag]) =>
          (window as unknown as Record<string, { notify(a: object): Promise<void> }>)[name]!.notify(
            { title: 'Follow-up due: Siti Rahayu', body: 'Call back', tag },
          ),
        [HOST_GLOBAL, `followup:01KAYYYYYYYYYYYYYYYYYYYYYY:${contactId}`] as const,
      );
      await expect
        .poll(() =>
          app.evaluate(() =>
            (globalThis as unknown as { __shown: { title: string }[] }).__shown.map((n) => n.title),
          ),
        )
        .toEqual(['Follow-up due: Siti Rahayu']);
      await app.evaluate(() =>
        (globalThis as unknown as { __shown: { fire: () => void }[] }).__shown[0]!.fire(),
      );
      await expect(page).toHaveURL(new RegExp(`#/contacts/${contactId}$`));
    } finally {
      await app.close();
    }
  });
});
