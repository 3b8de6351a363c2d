import { expect, test } from './fixtures.ts';
import { launch } from './preview-driver.ts';
import { openNearlyDone, walkScreens } from './screens.ts';

/**
 * The built page under its own Content-Security-Policy, on every screen: no violation (the
 * event and Chromium's console report), no request leaving the package's origin, and nothing
 * personal about the learner written to the LMS: only decision ids and the course's own data.
 */
test('every screen keeps to the security policy, stays on its own origin and writes nothing personal', async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const origin = new URL(baseURL ?? '').origin;
  const offsite: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'about:', 'blob:'].includes(url.protocol) && url.origin !== origin) offsite.push(r.url());
  });

  // The start screen of a new attempt, then every other screen from a nearly finished one.
  let frame = await launch(page, '2004', { audience: 'elected' });
  await frame.getByRole('button', { name: 'Börja' }).click();
  await expect(frame.locator('scenario-list')).toBeVisible();
  frame = await openNearlyDone(page, 'sv');
  await walkScreens(frame, async () => {});
  await frame.getByRole('button', { name: 'Avsluta', exact: true }).click();
  await expect(frame.locator('course-summary')).toBeHidden();

  expect(violations).toEqual([]);
  expect(offsite).toEqual([]);
  // The learner (preview learner_1, "Lindqvist, Anna") appears in no value the course wrote.
  const written = await page.evaluate(() =>
    (window as unknown as { preview: { calls: { method: string; args: string[] }[] } }).preview.calls
      .filter((c) => c.method === 'SetValue')
      .map((c) => c.args[1] ?? ''),
  );
  expect(written.length).toBeGreaterThan(10);
  expect(written.filter((v) => /Lindqvist|Anna|learner_1/i.test(v))).toEqual([]);

  // The listener hears a violation when there is one: an inline script is refused.
  const course = page.frames().find((f) => f.url().includes('/pkg/'));
  await course?.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await course?.evaluate(() => 'inlineRan' in window)).toBe(false);
});

test('scenario and translation text containing HTML or script is shown as text', async ({ page }) => {
  const frame = await openNearlyDone(page, 'sv');
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script><b>fet</b>';
  const course = page.frames().find((f) => f.url().includes('/pkg/'));
  // Every text the player shows (scenario texts and UI strings alike) comes through its `t`.
  await course?.evaluate((text) => {
    const player = document.querySelector('course-player') as (HTMLElement & { t: () => string; requestUpdate(): void }) | null;
    if (!player) throw new Error('no course-player');
    player.t = () => text;
    player.requestUpdate();
  }, hostile);
  await expect(frame.getByText(hostile).first()).toBeVisible();
  await expect(frame.locator('img[src="x"], b, script:not([src])')).toHaveCount(0);
  expect(await course?.evaluate(() => 'pwned' in window)).toBe(false);
});
