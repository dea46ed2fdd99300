import { defineConfig } from 'vitest/config';

/** `npm run bench`'s Syncthing rows (bench/syncthing): measured in Node, asserting nothing. */
export default defineConfig({
  test: {
    include: ['bench/syncthing/**/*.measure.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    fileParallelism: false,
  },
});
