import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { courseFor, suspendDataFor, walk, best } from './course-paths.ts';
import { isFirstScript, launch, launchSuspended, packageFor } from './preview-driver.ts';
import { WALK_AUDIENCE, openNearlyDone, walkScreens } from './screens.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe on the course alone (inside the preview's iframe, or the page when opened without an LMS). */
async function violations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
  if (scope) builder.include(scope);
  const { violations: found } = await builder.analyze();
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['sv', 'en'] as const) {
  const other = lang === 'sv' ? 'en' : 'sv';
  test(`${lang}: every screen, the language switch and the exit have no WCAG 2.1 AA violations`, async ({ page }) => {
    const fresh = await launch(page, '2004', { lang, audience: WALK_AUDIENCE });
    await expect(fresh.locator('start-screen h1')).toBeVisible();
    expect(await violations(page, '#course'), 'start').toEqual([]);
    const course = await openNearlyDone(page, lang);
    await walkScreens(course, async (screen) => {
      expect(await violations(page, '#course'), screen).toEqual([]);
    });
    await course.locator(`language-switch button[lang="${other}"]`).click();
    await expect(course.locator('html')).toHaveAttribute('lang', other);
    expect(await violations(page, '#course'), 'after the language switch').toEqual([]);
    await course.locator('button.support-open').click();
    await expect(course.locator('support-panel')).toBeVisible();
    expect(await violations(page, '#course'), 'support contacts').toEqual([]);
    await course.locator('button.exit').click();
    await expect(course.locator('main h1')).toBeFocused();
    expect(await violations(page, '#course'), 'exited').toEqual([]);
    // The same attempt, launched by the LMS for review: the read-only path of every scenario played.
    const review = await launch(page, '2004', { lang, audience: WALK_AUDIENCE, mode: 'review', resume: true });
    await expect(review.locator('main h1')).toBeVisible();
    await expect(review.locator('main ol li').first()).toBeVisible();
    expect(await violations(page, '#course'), 'review').toEqual([]);
  });
}

test('notices: outside an LMS with unreadable saved progress, in both languages', async ({ page }) => {
  const url = `/pkg/${packageFor('2004', WALK_AUDIENCE)}/index.html`;
  await page.addInitScript((audience) => {
    localStorage.setItem(`trygg:trygg_i_uppdraget:${audience}:generic`, JSON.stringify({ suspendData: 'not progress' }));
  }, WALK_AUDIENCE);
  await page.goto(url);
  const notices = page.locator('course-player p.notice');
  await expect(notices).toHaveCount(2);
  expect(await violations(page), 'sv notices').toEqual([]);
  await page.locator('language-switch button[lang="en"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(notices.first()).toContainText('not opened from a learning platform');
  expect(await violations(page), 'en notices').toEqual([]);
});

test('the page asking to try again when a resumed course cannot be fetched, in both languages', async ({ page }) => {
  const played = courseFor(WALK_AUDIENCE).scenarios.slice(0, 1).map((spec) => ({ spec, ...walk(spec, best) }));
  await page.route(`**/pkg/${packageFor('1.2', WALK_AUDIENCE)}/assets/**`, (route) =>
    isFirstScript(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
  );
  for (const [lang, text] of [['sv', 'Försök igen'], ['en', 'Try again']] as const) {
    const course = await launchSuspended(page, '1.2', { audience: WALK_AUDIENCE, suspendData: suspendDataFor(played), query: { lang } });
    await expect(course.getByRole('button', { name: text })).toBeFocused();
    await expect(course.locator('html')).toHaveAttribute('lang', lang);
    expect(await violations(page, '#course'), lang).toEqual([]);
  }
});
