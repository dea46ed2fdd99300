import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the pictures in README.md and docs/, taken from the built app. */
export default defineConfig({
  ...base,
  testDir: 'scripts/screenshots',
  fullyParallel: false,
  workers: 1,
  use: { ...base.use, viewport: { width: 1280, height: 760 } },
});
