import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // fast-check suites are CPU-bound; two cores here and on CI.
    maxWorkers: 2,
    benchmark: {
      include: ['tests/bench/**/*.bench.ts'],
      outputJson: 'bench-results/results.json',
    },
  },
});
