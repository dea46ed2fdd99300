import { defineConfig } from 'vitest/config';

/**
 * `tests/syncthing`: Kenal devices synced through real Syncthing processes on 127.0.0.1
 * (tests/syncthing/syncthing.ts). One file at a time: they share fixed loopback ports.
 */
export default defineConfig({
  test: {
    include: ['tests/syncthing/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
