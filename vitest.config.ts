import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code (*.test.ts); browser e2e is Playwright's (test/e2e*).
export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**', 'test/e2e-electron/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
