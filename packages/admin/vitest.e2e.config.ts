import { defineConfig } from 'vitest/config';

/** End-to-end tests: the real server in-process on an in-memory PGlite, the built admin, real Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
