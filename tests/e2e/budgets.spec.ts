import type { Route } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadProject } from '../../src/authoring/load.ts';
import { best, courseFor, requiredOf, walk } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { cmi, decide, isFirstScript, launch, openScenario, packageFor } from './preview-driver.ts';

/** Budgets of issue 7: what a learner on a weak connection and the LMS feel. */
const KB = 1024;
const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');
const { project } = loadProject(root);
const zips = readdirSync(dist).filter((f) => f.endsWith('.zip'));

/** A chunk's name without its hash: `assets/mejlstorm.en-B-Wc3Cu4.js` is `mejlstorm.en`. */
const chunkName = (path: string): string | undefined => /^assets\/(.+)-[\w-]{8}\.js$/.exec(path)?.[1];

/** Every chunk after the first script, by name: the structure, the later views, each scenario's texts per language. */
const laterChunks = (audience: string): string[] =>
  ['structure', 'scenario-views', ...courseFor(audience).scenarios.flatMap((s) => [`${s.id}.sv`, `${s.id}.en`])].sort();

/** The script index.html loads: everything the first screen has. */
function firstScript(files: Record<string, Uint8Array>): Uint8Array {
  const html = new TextDecoder().decode(files['index.html']);
  const src = /<script[^>]* src="\.\/([^"]+)"/.exec(html)?.[1] ?? '';
  return files[src] ?? new Uint8Array();
}

for (const zip of zips.filter((z) => z.endsWith('-scorm12.zip'))) {
  test(`${zip}: the first script is at most 45 KB gzip, the zip at most 150 KB + 10 KB per scenario`, () => {
    const bytes = readFileSync(resolve(dist, zip));
    const files = unzipSync(bytes);
    expect(gzipSync(firstScript(files), { level: 9 }).length).toBeLessThanOrEqual(45 * KB);
    // Each scenario has its texts in a chunk per language; the source language's count them.
    const scenarios = Object.keys(files).filter((f) => /^assets\/\w+\.sv-[\w-]+\.js$/.test(f)).length;
    expect(scenarios).toBeGreaterThan(0);
    // A scenario's texts in both languages, compressed: 8.7 KB on average after the content review added
    // situations and questions (2026-12), the largest about 10.
    expect(bytes.length).toBeLessThanOrEqual((150 + 10 * scenarios) * KB);
  });
}

test('the first screen is usable after two requests, the page and one script, while nothing else has arrived', async ({ page }) => {
  const course = `/pkg/${packageFor('1.2')}/`;
  const served: string[] = [];
  const held: Route[] = [];
  const later = new Set<string>();
  let firstScreenUp = false;
  // Every other file the course asks for is held back until the start button can be pressed.
  await page.route(`**${course}**`, async (route) => {
    if (route.request().frame() === page.mainFrame()) return route.continue();
    const path = new URL(route.request().url()).pathname.slice(course.length);
    if (path === 'index.html' || isFirstScript(path)) {
      served.push(path.startsWith('assets/') ? 'script' : path);
      await route.continue();
      return;
    }
    later.add(path);
    if (firstScreenUp) await route.continue();
    else held.push(route);
  });
  const frame = await launch(page, '1.2');
  await expect(frame.locator('start-screen button.primary')).toBeEnabled();
  expect(served).toEqual(['index.html', 'script']);
  firstScreenUp = true;
  for (const route of held) await route.continue();
  // Then, unasked, the scenarios' structure, the views inside a scenario and every scenario's
  // texts in every language: the course needs the network no more.
  await expect.poll(() => [...later].map(chunkName).sort()).toEqual(laterChunks('staff'));
});

test('once everything has arrived, the whole course plays to the end with the network gone, in either language', async ({ page }) => {
  test.setTimeout(180_000);
  const audience = 'elected';
  const course = `/pkg/${packageFor('1.2', audience)}/`;
  const fetched = new Set<string>();
  const afterOffline: string[] = [];
  let offline = false;
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith(course)) return;
    if (offline) afterOffline.push(pathname);
    else fetched.add(chunkName(pathname.slice(course.length)) ?? pathname);
  });
  const frame = await launch(page, '1.2', { audience });
  await expect(frame.locator('start-screen button.primary')).toBeEnabled();
  // The required core: done, the course shows its summary (the optional ones are extra).
  const scenarios = requiredOf(courseFor(audience));
  await expect.poll(() => laterChunks(audience).filter((c) => !fetched.has(c))).toEqual([]);
  await page.context().setOffline(true);
  offline = true;

  await frame.locator('start-screen button.primary').click();
  for (const [n, spec] of scenarios.entries()) {
    // Half-way, the learner switches to English: those texts came with the rest.
    if (n === Math.floor(scenarios.length / 2)) await frame.locator('language-switch button[lang="en"]').click();
    const lang = n < Math.floor(scenarios.length / 2) ? 'sv' : 'en';
    const { steps, endingId } = walk(spec, best);
    await openScenario(frame, spec.id);
    for (const step of steps) await decide(frame, step);
    const texts = project.resources.get(lang)?.get(`scenario.${spec.id}`) as { nodes: Record<string, { title: string }> };
    await expect(frame.locator('ending-view h1')).toHaveText(texts.nodes[endingId]?.title ?? '');
    await expect(frame.locator('ending-view h1')).toBeFocused();
    await frame.locator('ending-view button.primary').click();
  }
  await expect(frame.locator('course-summary')).toBeVisible();
  await expect(frame.locator('.notice')).toHaveCount(0);
  expect(afterOffline).toEqual([]);
  const record = await cmi(page);
  expect(record['cmi.core.lesson_status']).toBe('passed');
});

test('at most one commit per decision, plus the status changes and leaving', async ({ page }) => {
  const spec = courseFor('staff').scenarios[0]!;
  const { steps } = walk(spec, () => 0);
  const frame = await launch(page, '1.2');
  await frame.locator('start-screen button.primary').click();
  await openScenario(frame, spec.id);
  for (const step of steps) await decide(frame, step);
  await frame.getByRole('button', { name: 'Spara och avsluta' }).click();
  const calls = await page.evaluate(() => window.preview.calls.map((c) => c.method));
  // Status changes: "incomplete" on the first launch and the scenario's objective finished.
  expect(calls.filter((m) => m === 'LMSCommit').length).toBeLessThanOrEqual(steps.length + 2 + 1);
});
