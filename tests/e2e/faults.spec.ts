import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { decodeProgress } from '../../src/engine/progress-codec.ts';
import { best, courseFor, requiredOf, suspendDataFor, walk } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { VERSIONS, decide, launchSuspended, openScenario, relaunch, stored, type Version } from './preview-driver.ts';

/**
 * Fault injection: the preview's faulty LMS (scorm/preview/faulty-lms.ts) under the conformance
 * checker, seeded so every run repeats. Each run starts from the same suspended attempt (all
 * scenarios of the elected package done but one) and plays the last one on its best choices, so
 * the course completes and the status is final. Whenever the LMS recovers, what it stored must
 * equal what a sound LMS stored for the same play.
 */
const AUDIENCE = 'elected';
const course = courseFor(AUDIENCE);
const played = requiredOf(course).map((spec) => ({ spec, ...walk(spec, best) }));
// The shortest scenario is played; the others are already in the attempt.
const last = played.reduce((a, b) => (b.steps.length < a.steps.length ? b : a));
const SUSPENDED = suspendDataFor(played.filter((p) => p !== last));
const ui = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../locales/sv/ui.json'), 'utf8')) as {
  notice: Record<string, string>;
  app: { exit: string; exitFinished: string };
  start: { begin: string };
};
const SAVE_FAILED = ui.notice['saveFailed']!;

/** The record without what differs between any two runs: clock times, durations and latencies. */
const lasting = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !/(session_time|total_time|\.time|\.timestamp|\.latency)$/.test(k)));

const heal = (page: Page) => page.evaluate(() => (window as unknown as { preview: { faults: { heal(): void } } }).preview.faults.heal());
const injected = (page: Page) => page.evaluate(() => (window as unknown as { preview: { faults: { injected: number } } }).preview.faults.injected);

async function open(page: Page, version: Version, query: Record<string, string> = {}): Promise<FrameLocator> {
  const frame = await launchSuspended(page, version, { audience: AUDIENCE, suspendData: SUSPENDED, query });
  await openScenario(frame, last.spec.id);
  return frame;
}

async function finish(page: Page, frame: FrameLocator): Promise<Record<string, string>> {
  await expect(frame.locator('ending-view h1')).toBeFocused();
  await frame.locator('ending-view button.primary').click();
  await expect(frame.locator('course-summary')).toBeVisible();
  // The course is finished: leaving no longer promises to come back to this point.
  await frame.getByRole('button', { name: ui.app.exitFinished }).click();
  await expect(frame.locator('course-summary')).toBeHidden();
  return lasting(await stored(page));
}

for (const version of VERSIONS) {
  test.describe(`SCORM ${version} with a faulty LMS`, () => {
    let sound: Record<string, string> = {};

    test.beforeAll(async ({ browser }) => {
      const page = await browser.newPage();
      const frame = await open(page, version);
      for (const step of last.steps) await decide(frame, step);
      sound = await finish(page, frame);
      await page.close();
      const status = version === '1.2' ? sound['cmi.core.lesson_status'] : sound['cmi.success_status'];
      expect(status).toBe('passed');
    });

    test.describe(() => {
      test.use({ allowedRules: ['set-failed', 'call-failed'] });

      test('SetValue and Commit fail at random: the learner is told, and once the LMS recovers the record is whole', async ({ page }) => {
        const frame = await open(page, version, { faults: 'false', seed: '3' });
        for (const step of last.steps.slice(0, -1)) await decide(frame, step);
        await expect(frame.getByText(SAVE_FAILED)).toBeVisible();
        expect(await injected(page)).toBeGreaterThan(0);
        await heal(page);
        await decide(frame, last.steps.at(-1)!);
        // The next commit took everything: the notice goes away by itself.
        await expect(frame.getByText(SAVE_FAILED)).toBeHidden();
        expect(await finish(page, frame)).toEqual(sound);
      });

      test('Commit fails with an error while the page unloads: what was committed before resumes, nothing twice', async ({ page }) => {
        let frame = await open(page, version, { faults: 'unload', seed: '1' });
        for (const step of last.steps.slice(0, 3)) await decide(frame, step);
        frame = await relaunch(page);
        await expect(frame.locator(`situation-view button[data-choice="${last.steps[3]!.choiceId}"]`)).toBeVisible();
        for (const step of last.steps.slice(3)) await decide(frame, step);
        expect(await finish(page, frame)).toEqual(sound);
      });
    });

    test('API methods throw at random: calls are tried again and the record is whole', async ({ page }) => {
      const frame = await open(page, version, { faults: 'throw', seed: '5' });
      for (const step of last.steps.slice(0, -1)) await decide(frame, step);
      expect(await injected(page)).toBeGreaterThan(0);
      await heal(page);
      await decide(frame, last.steps.at(-1)!);
      expect(await finish(page, frame)).toEqual(sound);
    });

    test('the LMS wipes the status after every commit: the course writes it again and the final record is whole', async ({ page }) => {
      const frame = await open(page, version, { faults: 'wipe', seed: '1' });
      for (const step of last.steps) await decide(frame, step);
      expect(await finish(page, frame)).toEqual(sound);
      expect(await injected(page)).toBeGreaterThan(0);
    });

    test('every call blocks for 300 ms: the feedback is on screen before the decision is written, and each decision is saved', async ({ page }) => {
      const frame = await open(page, version, { faults: 'slow', seed: '1' });
      // Notes on each call as it reaches the LMS whether the course was showing the feedback.
      await page.evaluate(() => {
        const { calls } = (window as unknown as { preview: { calls: { args: string[]; feedbackShown?: boolean }[] } }).preview;
        const push = calls.push.bind(calls);
        calls.push = (...items) => {
          const player = document.querySelector('iframe')?.contentDocument?.querySelector('course-player');
          for (const call of items) call.feedbackShown = player?.shadowRoot?.querySelector('feedback-view') != null;
          return push(...items);
        };
      });
      await decide(frame, last.steps[0]!, { andContinue: false });
      const written = () =>
        page.evaluate(() => (window as unknown as { preview: { calls: { args: string[]; feedbackShown?: boolean }[] } }).preview.calls.find((c) => c.args[0] === 'cmi.interactions.0.id')?.feedbackShown);
      await expect.poll(written, { timeout: 20_000 }).toBe(true);
      await frame.locator('feedback-view button.primary').click();
      await frame.getByRole('button', { name: ui.app.exit }).click();
      await expect(frame.locator('situation-view')).toBeHidden();
      const record = await stored(page);
      expect([record['cmi.interactions.0.id'], record['cmi.interactions.1.id']]).toEqual([`${last.spec.id}.${last.steps[0]!.nodeId}`, undefined]);
      expect(record[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
      const saved = decodeProgress(record['cmi.suspend_data']);
      expect(saved.ok && saved.progress.scenarios.at(-1)?.choices.length).toBe(1);
    });

    test('no API at all: the course runs on its own and says progress is only kept in this browser', async ({ page }) => {
      const frame = await launchSuspended(page, version, { audience: AUDIENCE, suspendData: SUSPENDED, query: { faults: 'missing' } });
      await expect(frame.getByText(ui.notice['local']!)).toBeVisible();
      await frame.getByRole('button', { name: ui.start.begin }).click();
      await openScenario(frame, last.spec.id);
      await decide(frame, last.steps[0]!);
      expect(await page.evaluate(() => (window as unknown as { preview: { calls: unknown[] } }).preview.calls)).toEqual([]);
    });
  });
}

test('tampered and cut suspend data: the damaged scenarios start over with a notice, the rest of the attempt resumes', async ({ page }) => {
  const [tampered, cut] = played.filter((p) => p !== last);
  const text = SUSPENDED.split('~')
    .map((segment) => (segment.startsWith(`${tampered!.spec.id}.`) ? segment.replace(/\.[a-z0-9]+\./, '.zzzz.') : segment))
    .map((segment) => (segment.startsWith(`${cut!.spec.id}.`) ? segment.slice(0, cut!.spec.id.length + 3) : segment))
    .join('~');
  const frame = await launchSuspended(page, '2004', { audience: AUDIENCE, suspendData: text });
  const restartedText = ui.notice['restarted']!.split('”').at(-1)!.trim();
  await expect(frame.locator('.notice').filter({ hasText: restartedText })).toHaveCount(2);
  // Back at the scenario list, where the learner can go on.
  await openScenario(frame, last.spec.id);
});
