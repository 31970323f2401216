import { defineConfig } from 'vitest/config';

/** Unit tests of the widget's pure modules (the screens run in Chromium: `test:e2e`). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
