import { defineConfig } from 'vitest/config';

/** Unit tests only; the Chromium flows run with `test:e2e` (vitest.e2e.config.ts). */
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], passWithNoTests: true },
});
