import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Route } from '@playwright/test';
import { best, courseFor, requiredOf, suspendDataFor, walk } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { cmi, isFirstScript, launch, launchSuspended, packageFor, stored } from './preview-driver.ts';

/**
 * What the learner sees while the content beyond the first screen is on its way, and when it
 * cannot be fetched (a weak connection that drops): never a dead button or a blank page, and a
 * retry that works.
 */
const ui = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../locales/sv/ui.json'), 'utf8')) as {
  notice: Record<string, string>;
  menu: Record<string, string>;
  app: Record<string, string>;
};
const assets = (audience = 'staff') => `/pkg/${packageFor('1.2', audience)}/assets/`;

test('a scenario picked before its content has arrived says it is loading, and opens once it is in', async ({ page }) => {
  const held: Route[] = [];
  let holding = true;
  // Everything after the page and its script waits, as on a slow connection.
  await page.route(`**${assets()}**`, async (route) => {
    if (!holding || isFirstScript(new URL(route.request().url()).pathname)) return route.continue();
    held.push(route);
  });
  const frame = await launch(page, '1.2');
  await frame.locator('start-screen button.primary').click();
  const spec = courseFor('staff').scenarios[0]!;
  const button = frame.locator(`scenario-list button[data-scenario="${spec.id}"]`);
  await button.click();
  await expect(button).toHaveText(ui.menu['loading']!);
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(frame.locator('scenario-list [role="status"]')).toHaveText(ui.menu['loading']!);
  // A second pick meanwhile changes nothing.
  await frame.locator('scenario-list button[data-scenario]').nth(1).click();
  await expect(button).toHaveText(ui.menu['loading']!);
  holding = false;
  for (const route of held) await route.continue();
  await expect(frame.locator('situation-view h1, content-note h1')).toBeFocused();
  if (spec.hasContentNote) await frame.locator('content-note button[data-action="continue"]').click();
  await expect(frame.locator('situation-view h1')).toBeFocused();
  // The scenario that opened is the one picked first.
  await expect.poll(async () => (await cmi(page))['cmi.objectives.0.id']).toBe(spec.id);
});

test('a scenario that cannot be fetched says so, and picking it again once the connection is back opens it', async ({ page }) => {
  let failing = true;
  await page.route(`**${assets()}**`, (route) => (failing && !isFirstScript(new URL(route.request().url()).pathname) ? route.abort('internetdisconnected') : route.continue()));
  const frame = await launch(page, '1.2');
  await frame.locator('start-screen button.primary').click();
  const spec = courseFor('staff').scenarios[0]!;
  const button = frame.locator(`scenario-list button[data-scenario="${spec.id}"]`);
  await button.click();
  await expect(frame.getByText(ui.notice['loadFailed']!)).toBeVisible();
  await expect(button).toHaveAttribute('aria-busy', 'false');
  failing = false;
  await button.click();
  await expect(frame.locator('situation-view h1, content-note h1')).toBeFocused();
  await expect(frame.getByText(ui.notice['loadFailed']!)).toHaveCount(0);
});

test('a resumed course whose content cannot be fetched asks to try again, keeps the saved progress, and resumes once it can', async ({ page }) => {
  const audience = 'elected';
  const played = courseFor(audience).scenarios.slice(0, 2).map((spec) => ({ spec, ...walk(spec, best) }));
  const suspended = suspendDataFor(played);
  let failing = true;
  await page.route(`**${assets(audience)}**`, (route) => (failing && !isFirstScript(new URL(route.request().url()).pathname) ? route.abort('internetdisconnected') : route.continue()));
  const frame = await launchSuspended(page, '1.2', { audience, suspendData: suspended });
  await expect(frame.getByRole('alert')).toHaveText(ui.notice['startFailed']!);
  const retry = frame.getByRole('button', { name: ui.app['retry']! });
  await expect(retry).toBeFocused();
  // Nothing was written over the saved progress meanwhile.
  await retry.click();
  await expect(frame.getByRole('alert')).toHaveText(ui.notice['startFailed']!);
  expect((await cmi(page))['cmi.suspend_data']).toBe(suspended);
  failing = false;
  await frame.getByRole('button', { name: ui.app['retry']! }).click();
  // Back at the list, with the two scenarios done.
  for (const { spec } of played) await expect(frame.locator(`scenario-list button[data-scenario="${spec.id}"]`)).toHaveText(ui.menu['replay']!);
  await expect(frame.getByRole('alert')).toHaveCount(0);
  expect((await stored(page))['cmi.suspend_data']).toBe(suspended);
});

test('a course resumed at its summary shows the summary (its view comes in a later chunk)', async ({ page }) => {
  const audience = 'elected';
  const done = requiredOf(courseFor(audience)).map((spec) => ({ spec, ...walk(spec, best) }));
  // The view must be in before the summary is shown: with the connection down at first, the
  // learner is asked to retry rather than shown an empty page.
  let failing = true;
  await page.route(`**${assets(audience)}**`, (route) => (failing && !isFirstScript(new URL(route.request().url()).pathname) ? route.abort('internetdisconnected') : route.continue()));
  const frame = await launchSuspended(page, '1.2', { audience, suspendData: suspendDataFor(done, 'z') });
  await expect(frame.getByRole('alert')).toHaveText(ui.notice['startFailed']!);
  failing = false;
  await frame.getByRole('button', { name: ui.app['retry']! }).click();
  await expect(frame.locator('course-summary h1')).toBeVisible();
});
