import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the widget's pure modules, and component tests of each element in happy-dom (those
 * files say `@vitest-environment happy-dom`) against a fake `fetch`. Whole journeys run in Chromium: `test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
