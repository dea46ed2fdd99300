import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium';

// E2E_PORT and KENAL_WEB_OUT let two checkouts (or two engineers) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = process.env.KENAL_WEB_OUT ?? 'dist/renderer';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // On CI (a shared, busy machine) one retry; test-all prints every test that needed it.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // A hang detector, not a speed check: a flow that takes 12 s alone took 25-35 s while the
  // suite shared a busy 2-core runner (timeline and Today specs timed out there, twice in a row).
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    locale: 'en-US',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // The built app, as users get it (with its Content-Security-Policy), not the dev server.
    command: `npx vite build --outDir ../${OUT} && npx vite preview --outDir ../${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
