import { defineConfig } from 'vitest/config';

/** Unit and integration tests run under plain Node on real files in temp folders (no mocks of our own parts). */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    env: { PASSOPASSO_LOG: 'silent' },
    reporters: ['default', ['json', { outputFile: 'test-summary/unit.json' }]],
  },
});
