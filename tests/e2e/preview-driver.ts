import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { Step } from './course-paths.ts';

import type { ScormVersion as Version } from '../../src/lms/formats.ts';

export type { Version };
export const VERSIONS: readonly Version[] = ['1.2', '2004'];

export const packageFor = (version: Version, audience = 'staff', region = 'generic'): string =>
  `trygg-i-uppdraget-${region}-${audience}-${version === '1.2' ? 'scorm12' : 'scorm2004'}`;

/** Whether a URL or package path is the script index.html loads (the only one the first screen needs). */
export const isFirstScript = (url: string): boolean => /(^|\/)assets\/index-[\w-]+\.js$/.test(url);

interface Violation {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

interface PreviewWindow {
  preview: {
    ready: Promise<void>;
    relaunch(): Promise<void> | void;
    cmi(): Record<string, string>;
    violations: Violation[];
    terminated: boolean;
    finish?: () => void;
  };
}

/**
 * Opens a package in the preview LMS (scorm-again + the strict conformance checker): a new
 * attempt, or with `resume` the attempt the LMS stored; `mode` and `credit` as an LMS launches.
 */
export async function launch(
  page: Page,
  version: Version,
  options: { lang?: string; learner?: string; audience?: string; mode?: 'normal' | 'review' | 'browse'; credit?: 'credit' | 'no-credit'; resume?: boolean } = {},
): Promise<FrameLocator> {
  const params = new URLSearchParams({
    pkg: packageFor(version, options.audience),
    learner: options.learner ?? 'learner_1',
    lang: options.lang ?? 'sv',
    mode: options.mode ?? 'normal',
    credit: options.credit ?? 'credit',
    autolaunch: options.resume ? 'resume' : '1',
  });
  await page.goto(`/?${params}`);
  await page.evaluate(() => (window as unknown as PreviewWindow).preview.ready);
  return page.frameLocator('iframe');
}

export const cmi = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() => (window as unknown as PreviewWindow).preview.cmi());

export const errors = (page: Page): Promise<Violation[]> =>
  page.evaluate(() => (window as unknown as PreviewWindow).preview.violations.filter((v) => v.severity === 'error'));

export const terminated = (page: Page): Promise<boolean> =>
  page.evaluate(() => (window as unknown as PreviewWindow).preview.terminated);

export async function relaunch(page: Page): Promise<FrameLocator> {
  await page.evaluate(() => (window as unknown as PreviewWindow).preview.relaunch());
  await page.evaluate(() => (window as unknown as PreviewWindow).preview.ready);
  return page.frameLocator('iframe');
}

/** Makes one decision and reads its feedback, as a learner would. */
export async function decide(course: FrameLocator, step: Step, { andContinue = true } = {}): Promise<void> {
  await course.locator(`situation-view button[data-choice="${step.choiceId}"]`).click();
  await expect(course.locator('feedback-view h1')).toBeFocused();
  if (andContinue) await course.locator('feedback-view button.primary').click();
}

/** Picks a scenario in the course's scenario list, reading past its content note if it has one. */
export async function openScenario(course: FrameLocator, scenarioId: string): Promise<void> {
  await course.locator(`scenario-list button[data-scenario="${scenarioId}"]`).click();
  await expect(course.locator('situation-view h1, content-note h1')).toBeFocused();
  const note = course.locator('content-note button[data-action="continue"]');
  if (await note.count()) await note.click();
  await expect(course.locator('situation-view h1')).toBeFocused();
}

/**
 * Takes a scenario's short version from the list, as a learner who steps out would: at its content
 * note, or (without one) by skipping it at its first situation, or straight away once it was
 * skipped; then its text, then its questions.
 */
export async function openShortVersion(course: FrameLocator, scenarioId: string): Promise<void> {
  await course.locator(`scenario-list button[data-scenario="${scenarioId}"]`).click();
  await expect(course.locator('situation-view h1, content-note h1')).toBeFocused();
  const start = course.locator('content-note button[data-action="start-short"]');
  if (!(await start.count())) {
    if (!(await course.locator('content-note').count())) await course.locator('button[data-action="skip"]').click();
    await course.locator('content-note button[data-action="short"]').click();
  }
  await start.click();
  await expect(course.locator('situation-view h1')).toBeFocused();
}

/** The preview LMS's stored attempt of a package and learner (see scorm/preview/stored-attempt.ts). */
export const storageKey = (version: Version, audience: string, learner = 'learner_1'): string =>
  `trygg-preview:v1:${packageFor(version, audience)}:${learner}`;

/**
 * Opens a package on an attempt the LMS already holds: a suspended one with `suspendData`, then
 * resumes it. `query` adds preview parameters (a faulty LMS: `{ faults: 'false', seed: '3' }`).
 */
export async function launchSuspended(
  page: Page,
  version: Version,
  options: { audience: string; suspendData: string; query?: Record<string, string> },
): Promise<FrameLocator> {
  const statusKey = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const cmi = { 'cmi.suspend_data': options.suspendData, [version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']: 'suspend', [statusKey]: 'incomplete' };
  return launchStored(page, version, { audience: options.audience, cmi, ...(options.query ? { query: options.query } : {}) });
}

/**
 * Opens a package on an attempt the LMS holds as `cmi` (flattened), as an LMS hands it over:
 * what a review launch gets is what the stored attempt carries (see scorm/preview/stored-attempt.ts).
 */
export async function launchStored(
  page: Page,
  version: Version,
  options: { audience: string; cmi: Record<string, string>; query?: Record<string, string> },
): Promise<FrameLocator> {
  await page.goto('/?autolaunch=0');
  const attempt = { format: 1, version, savedAt: new Date(0).toISOString(), trigger: 'commit', cmi: options.cmi };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey(version, options.audience), JSON.stringify(attempt)] as const);
  const params = new URLSearchParams({ pkg: packageFor(version, options.audience), learner: 'learner_1', lang: 'sv', autolaunch: 'resume', ...options.query });
  await page.goto(`/?${params}`);
  await page.evaluate(() => (window as unknown as PreviewWindow).preview.ready);
  return page.frameLocator('iframe');
}

/** What the LMS stored for the attempt (its last successful Commit or Terminate). */
export const stored = (page: Page): Promise<Record<string, string>> =>
  page.evaluate(() => (window as unknown as { preview: { stored(): { cmi: Record<string, string> } | null } }).preview.stored()?.cmi ?? {});
