import { expect, test } from '@playwright/test';
import { courseResult } from '../../src/engine/scoring.ts';
import { best, staffCourse, walk, worst, type Step } from './course-paths.ts';
import { VERSIONS, cmi, decide, errors, launch, openScenario, relaunch, terminated } from './preview-driver.ts';

const course = staffCourse();
const scenario = course.scenarios[0]!;
const RESULT = {
  '1.2': { good: 'correct', acceptable: 'neutral', poor: 'wrong' },
  '2004': { good: 'correct', acceptable: 'neutral', poor: 'incorrect' },
} as const;

function expectedPercent(steps: readonly Step[], endingId: string): number {
  return courseResult(course, {
    current: scenario.id,
    progress: { [scenario.id]: { attempts: [{ decisions: steps, flags: [], endingId }] } },
  }).percent;
}

for (const version of VERSIONS) {
  const el = version === '1.2'
    ? { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', response: 'student_response', exit: 'cmi.core.exit', time: 'cmi.core.session_time' }
    : { status: 'cmi.completion_status', raw: 'cmi.score.raw', response: 'learner_response', exit: 'cmi.exit', time: 'cmi.session_time' };

  test.describe(`SCORM ${version}`, () => {
    for (const [label, pick, passes] of [['best', best, true], ['worst', worst, false]] as const) {
      test(`plays the ${label} path to an ending and the LMS records it`, async ({ page }) => {
        const { steps, endingId } = walk(scenario, pick);
        const frame = await launch(page, version);
        await frame.getByRole('button', { name: 'Börja' }).click();
        await openScenario(frame, scenario.id);
        for (const step of steps) await decide(frame, step);
        await expect(frame.locator('ending-view h2')).toBeFocused();
        await frame.locator('ending-view button.primary').click();
        await expect(frame.locator('course-summary')).toBeVisible();
        await frame.getByRole('button', { name: 'Spara och avsluta' }).click();
        await expect.poll(() => terminated(page)).toBe(true);

        const record = await cmi(page);
        const percent = expectedPercent(steps, endingId);
        expect(Number(record[el.raw])).toBe(percent);
        if (version === '1.2') {
          expect(record['cmi.core.lesson_status']).toBe(passes ? 'passed' : 'failed');
        } else {
          expect(record['cmi.completion_status']).toBe('completed');
          expect(record['cmi.success_status']).toBe(passes ? 'passed' : 'failed');
          expect(Number(record['cmi.score.scaled'])).toBeCloseTo(percent / 100, 4);
        }
        // One interaction per decision, in order, with the response and a result per version.
        steps.forEach((step, n) => {
          const p = `cmi.interactions.${n}`;
          expect(record[`${p}.id`]).toBe(`${scenario.id}.${step.nodeId}`);
          expect(record[`${p}.type`]).toBe('choice');
          expect(record[`${p}.${el.response}`]).toBe(step.choiceId);
          const quality = (scenario.nodes[step.nodeId] as unknown as { choices: { id: string; quality: 'good' | 'acceptable' | 'poor' }[] })
            .choices.find((c) => c.id === step.choiceId)!.quality;
          expect(record[`${p}.result`]).toBe(RESULT[version][quality]);
          expect(record[`${p}.objectives.0.id`]).toBe(scenario.id);
        });
        expect(record[`cmi.interactions.${steps.length}.id`]).toBeUndefined();
        // One objective for the scenario, finished with its result.
        const objectiveIndex = Object.entries(record).find(([k, v]) => /^cmi\.objectives\.\d+\.id$/.test(k) && v === scenario.id)?.[0]
          ?.split('.')[2];
        expect(objectiveIndex).toBeDefined();
        const o = `cmi.objectives.${objectiveIndex}`;
        if (version === '1.2') expect(record[`${o}.status`]).toBe(passes ? 'passed' : 'failed');
        else expect(record[`${o}.success_status`]).toBe(passes ? 'passed' : 'failed');
        expect(Number(record[`${o}.score.raw`])).toBe(percent);
        // Finished: exit is normal, and the session time is in the version's own format.
        expect(record[el.exit] ?? '').toBe(version === '1.2' ? '' : 'normal');
        expect(record[el.time]).toMatch(version === '1.2' ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
        expect(await errors(page)).toEqual([]);
      });
    }

    test('a relaunch midway resumes at the same decision with the same score, without duplicates', async ({ page }) => {
      const { steps, endingId } = walk(scenario, best);
      let frame = await launch(page, version, { lang: 'en' });
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      await openScenario(frame, scenario.id);
      for (const step of steps.slice(0, 3)) await decide(frame, step);
      frame = await relaunch(page);
      const resumed = await cmi(page);
      expect(resumed[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']).toBe('resume');
      // Not final yet, so no raw score for an LMS's mastery override to act on.
      expect(resumed[el.raw] ?? '').toBe('');
      // Back at the fourth decision, in the learner's language.
      await expect(frame.locator(`situation-view button[data-choice="${steps[3]!.choiceId}"]`)).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Save and exit' })).toBeVisible();
      for (const step of steps.slice(3)) await decide(frame, step);
      await frame.locator('ending-view button.primary').click();
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect.poll(() => terminated(page)).toBe(true);
      const record = await cmi(page);
      expect(Number(record[el.raw])).toBe(expectedPercent(steps, endingId));
      const ids = Object.entries(record).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
      expect(ids).toEqual(steps.map((s) => `${scenario.id}.${s.nodeId}`));
      expect(await errors(page)).toEqual([]);
    });
  });
}
