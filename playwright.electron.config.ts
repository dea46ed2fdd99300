import { defineConfig } from '@playwright/test';

// End-to-end tests of the real Electron app (Playwright _electron). They skip themselves, with
// the reason, on machines without an Electron binary; see tests/electron/electron-binary.ts.
export default defineConfig({
  testDir: 'tests/electron',
  reporter: 'list',
  // Launching Electron (twice, for the restart check) is slow on cold CI machines.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results/electron',
});
