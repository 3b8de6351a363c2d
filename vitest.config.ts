import { defineConfig } from 'vitest/config';

// Unit tests only; the browser tests under tests/e2e run in Playwright.
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'] },
});
