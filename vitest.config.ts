import { defineConfig } from 'vitest/config';

// Unit tests only; the browser tests under tests/e2e run in Playwright. The timeout guards
// against a hang, not a slow machine: a few tests build whole courses or run property checks.
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 },
});
