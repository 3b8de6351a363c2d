import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import { encodeProgress } from '../../src/engine/progress-codec.ts';
import { progressOf } from '../../src/engine/progress.ts';
import type { ScenarioSpec } from '../../src/model/scenario.ts';
import { best, courseFor, requiredOf, walk } from './course-paths.ts';
import { packageFor } from './preview-driver.ts';

/** The screens `walkScreens` shows, in order. */
export type Screen = 'menu' | 'situation' | 'feedback' | 'question' | 'question feedback' | 'ending' | 'summary';

/** The elected officials' course: the shortest. */
export const WALK_AUDIENCE = 'elected';
const course = courseFor(WALK_AUDIENCE);
const played = requiredOf(course).map((spec) => ({ spec, ...walk(spec, best) }));

const isQuestion = (spec: ScenarioSpec, nodeId: string): boolean => {
  const node = spec.nodes[nodeId];
  return node?.kind === 'situation' && node.question === true;
};

/** The scenario played in the browser: one whose best walk has a knowledge question. */
const inBrowser = played.find((p) => p.steps.some((s) => isQuestion(p.spec, s.nodeId)));
if (!inBrowser) throw new Error(`no scenario for ${WALK_AUDIENCE} has a knowledge question on its best walk`);

/** suspend_data with every other scenario finished on its best choices, at the scenario list. */
function othersFinished(): string {
  const actor = createActor(createCourseMachine(course)).start();
  actor.send({ type: 'course.started' });
  for (const { spec, steps } of played) {
    if (spec === inBrowser?.spec) continue;
    actor.send({ type: 'scenario.selected', scenarioId: spec.id });
    for (const step of steps) {
      actor.send({ type: 'choice.selected', choiceId: step.choiceId });
      actor.send({ type: 'feedback.continued' });
    }
    actor.send({ type: 'ending.continued' });
  }
  actor.send({ type: 'menu.opened' });
  return encodeProgress(progressOf(course, actor.getSnapshot()));
}

/**
 * Opens the course in the preview LMS resuming a suspended attempt in which every scenario but
 * one is finished, so one scenario played in the browser shows every screen up to the summary.
 */
export async function openNearlyDone(page: Page, lang: 'sv' | 'en'): Promise<FrameLocator> {
  const pkg = packageFor('2004', WALK_AUDIENCE);
  await page.goto(`/?autolaunch=0`);
  const attempt = {
    format: 1,
    version: '2004',
    savedAt: new Date(0).toISOString(),
    trigger: 'terminate',
    cmi: { 'cmi.suspend_data': othersFinished(), 'cmi.exit': 'suspend', 'cmi.completion_status': 'incomplete' },
  };
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: `trygg-preview:v1:${pkg}:learner_1`, value: JSON.stringify(attempt) });
  await page.goto(`/?${new URLSearchParams({ pkg, learner: 'learner_1', lang, autolaunch: 'resume' })}`);
  await page.evaluate(() => (window as unknown as { preview: { ready: Promise<void> } }).preview.ready);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('scenario-list')).toBeVisible();
  return frame;
}

/**
 * The same course opened on its own, without an LMS (progress in the browser, a notice says so),
 * as a learner's phone or a trainer's browser shows it: the page is the course.
 */
export async function openNearlyDoneWithoutLms(page: Page): Promise<Page> {
  await page.addInitScript(
    ({ key, value }) => localStorage.setItem(key, value),
    { key: `trygg:${course.id}:${WALK_AUDIENCE}:${course.region.id}`, value: JSON.stringify({ suspendData: othersFinished() }) },
  );
  await page.goto(`/pkg/${packageFor('2004', WALK_AUDIENCE)}/index.html`);
  await expect(page.locator('scenario-list')).toBeVisible();
  return page;
}

/** The course's document: the preview LMS's frame, or the page itself. */
export interface CourseRoot {
  locator(selector: string): Locator;
}

/** From the scenario list through one scenario (with a knowledge question) to the summary; `at` runs once per screen type. */
export async function walkScreens(frame: CourseRoot, at: (screen: Screen) => Promise<void>): Promise<void> {
  if (!inBrowser) return;
  const seen = new Set<Screen>();
  const once = async (screen: Screen) => {
    if (seen.has(screen)) return;
    seen.add(screen);
    await at(screen);
  };
  await once('menu');
  const { spec, steps } = inBrowser;
  await frame.locator(`scenario-list button[data-scenario="${spec.id}"]`).click();
  if (spec.hasContentNote) await frame.locator('content-note button[data-action="continue"]').click();
  for (const step of steps) {
    const question = isQuestion(spec, step.nodeId);
    await expect(frame.locator('situation-view h1')).toBeFocused();
    await once(question ? 'question' : 'situation');
    await frame.locator(`situation-view button[data-choice="${step.choiceId}"]`).click();
    await expect(frame.locator('feedback-view h1')).toBeFocused();
    await once(question ? 'question feedback' : 'feedback');
    await frame.locator('feedback-view button.primary').click();
  }
  await expect(frame.locator('ending-view h1')).toBeFocused();
  await once('ending');
  await frame.locator('ending-view button.primary').click();
  await expect(frame.locator('course-summary h1')).toBeFocused();
  await once('summary');
}
