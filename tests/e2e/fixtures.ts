import { test as base, expect } from '@playwright/test';
import { errors } from './preview-driver.ts';

export { expect };

export interface ConformanceOptions {
  /** Checker rules a test provokes on purpose (a faulty LMS makes calls fail); every other error fails the test. */
  readonly allowedRules: readonly string[];
}

/**
 * `test` for every end-to-end spec: after each test whose page is the preview LMS, the strict
 * conformance checker must have found no error in any session the test ran.
 */
export const test = base.extend<ConformanceOptions & { conformance: undefined }>({
  allowedRules: [[], { option: true }],
  conformance: [
    async ({ page, allowedRules }, use) => {
      await use(undefined);
      if (page.isClosed()) return;
      const hasPreview = await page.evaluate(() => 'preview' in window).catch(() => false);
      if (!hasPreview) return;
      const found = (await errors(page)).filter((v) => !allowedRules.includes(v.rule));
      expect(found.map((v) => `${v.rule}: ${v.message}`), 'conformance errors').toEqual([]);
    },
    { auto: true },
  ],
});
