import { expect, test } from './fixtures.ts';
import { courseResult } from '../../src/engine/scoring.ts';
import type { CourseContext } from '../../src/engine/events.ts';
import type { ScenarioSpec } from '../../src/model/scenario.ts';
import { best, courseFor, requiredOf, walk, worst, type Step } from './course-paths.ts';
import { VERSIONS, cmi, decide, launch, openScenario, relaunch, terminated } from './preview-driver.ts';

// The whole course is played through the elected officials' package (the shortest audience);
// what it records is the same code path as every other audience's.
const AUDIENCE = 'elected';
const course = courseFor(AUDIENCE);
const RESULT = {
  '1.2': { good: 'correct', acceptable: 'neutral', poor: 'wrong' },
  '2004': { good: 'correct', acceptable: 'neutral', poor: 'incorrect' },
} as const;

type Played = { spec: ScenarioSpec; steps: Step[]; endingId: string };

function progressOf(played: readonly Played[]): CourseContext['progress'] {
  return Object.fromEntries(played.map((p) => [p.spec.id, { attempts: [{ decisions: p.steps, flags: [], endingId: p.endingId }] }]));
}

const qualityOf = (spec: ScenarioSpec, step: Step): 'good' | 'acceptable' | 'poor' => {
  const node = spec.nodes[step.nodeId];
  const choice = node?.kind === 'situation' ? node.choices.find((c) => c.id === step.choiceId) : undefined;
  if (!choice) throw new Error(`no choice ${step.nodeId}.${step.choiceId}`);
  return choice.quality;
};

for (const version of VERSIONS) {
  const el = version === '1.2'
    ? { raw: 'cmi.core.score.raw', response: 'student_response', exit: 'cmi.core.exit', time: 'cmi.core.session_time', entry: 'cmi.core.entry', status: ['cmi.core.lesson_status'] }
    : { raw: 'cmi.score.raw', response: 'learner_response', exit: 'cmi.exit', time: 'cmi.session_time', entry: 'cmi.entry', status: ['cmi.completion_status', 'cmi.success_status'] };

  test.describe(`SCORM ${version}`, () => {
    for (const [label, pick] of [['best', best], ['worst', worst]] as const) {
      test(`plays every scenario on the ${label} choices and the LMS records the course`, async ({ page }) => {
        test.setTimeout(180_000);
        // The required core: once it is done the course is complete (the optional scenarios are extra).
        const played: Played[] = requiredOf(course).map((spec) => ({ spec, ...walk(spec, pick) }));
        const result = courseResult(course, { current: null, progress: progressOf(played) });
        // The content itself: choosing well passes, choosing badly does not.
        expect(result.passed).toBe(label === 'best');

        const frame = await launch(page, version, { audience: AUDIENCE });
        await frame.getByRole('button', { name: 'Börja' }).click();
        for (const [n, { spec, steps }] of played.entries()) {
          await openScenario(frame, spec.id);
          for (const step of steps) await decide(frame, step);
          await expect(frame.locator('ending-view h1')).toBeFocused();
          await frame.locator('ending-view button.primary').click();
          if (n === 0) {
            // One scenario of several: not complete, and no final score yet for an LMS to act on.
            const midway = await cmi(page);
            if (version === '1.2') expect(midway['cmi.core.lesson_status']).toBe('incomplete');
            else expect(midway['cmi.completion_status']).toBe('incomplete');
            expect(midway[el.raw] ?? '').toBe('');
          }
        }
        await expect(frame.locator('course-summary')).toBeVisible();
        // Finished: the header's button no longer promises a return to this point, nor does the text after it.
        await expect(frame.locator('button[data-action="pause"]')).toHaveCount(0);
        await frame.getByRole('button', { name: 'Avsluta', exact: true }).click();
        await expect(frame.getByRole('heading', { level: 1, name: 'Du har gjort klart kursen' })).toBeFocused();
        await expect.poll(() => terminated(page)).toBe(true);

        const record = await cmi(page);
        const passes = label === 'best';
        expect(Number(record[el.raw])).toBe(result.percent);
        if (version === '1.2') {
          expect(record['cmi.core.lesson_status']).toBe(passes ? 'passed' : 'failed');
        } else {
          expect(record['cmi.completion_status']).toBe('completed');
          expect(record['cmi.success_status']).toBe(passes ? 'passed' : 'failed');
          expect(Number(record['cmi.score.scaled'])).toBeCloseTo((result.percent ?? 0) / 100, 4);
        }
        // The call log: the final status reaches the LMS in a commit before the score first appears
        // (Moodle stores a commit's score before its status, and completes the learner only when the
        // score changes after a final status is stored).
        const calls = await page.evaluate(() =>
          (window as unknown as { preview: { calls: { method: string; args: string[] }[] } }).preview.calls.map((c) => [c.method, ...c.args]),
        );
        const isSet = (c: string[]) => c[0]?.endsWith('SetValue') === true;
        const firstFinal = calls.findIndex((c) => isSet(c) && el.status.includes(c[1] ?? '') && ['passed', 'failed', 'completed'].includes(c[2] ?? ''));
        const firstScore = calls.findIndex((c) => isSet(c) && c[1] === el.raw);
        expect(firstFinal).toBeGreaterThan(0);
        expect(firstScore).toBeGreaterThan(firstFinal);
        expect(calls.slice(firstFinal, firstScore).some((c) => c[0]?.endsWith('Commit'))).toBe(true);
        // One interaction per decision, in the order taken, with the response and a result per version.
        const all = played.flatMap(({ spec, steps }) => steps.map((step) => ({ spec, step })));
        all.forEach(({ spec, step }, n) => {
          const p = `cmi.interactions.${n}`;
          expect(record[`${p}.id`]).toBe(`${spec.id}.${step.nodeId}`);
          expect(record[`${p}.type`]).toBe('choice');
          expect(record[`${p}.${el.response}`]).toBe(step.choiceId);
          expect(record[`${p}.result`]).toBe(RESULT[version][qualityOf(spec, step)]);
          expect(record[`${p}.objectives.0.id`]).toBe(spec.id);
        });
        expect(record[`cmi.interactions.${all.length}.id`]).toBeUndefined();
        // One objective per scenario, finished with its own result.
        const objectives = Object.entries(record).filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k));
        expect(objectives.map(([, v]) => v).sort()).toEqual(played.map((p) => p.spec.id).sort());
        for (const [key, id] of objectives) {
          const o = key.replace(/\.id$/, '');
          const own = result.scenarios[id]!;
          if (version === '1.2') expect(record[`${o}.status`]).toBe(own.passed ? 'passed' : 'failed');
          else expect(record[`${o}.success_status`]).toBe(own.passed ? 'passed' : 'failed');
          expect(Number(record[`${o}.score.raw`])).toBe(own.percent);
        }
        // Finished: 1.2 exits normally; 2004 suspends, as only then does Moodle hand the attempt's
        // data to the next (review) launch. The session time is in the version's own format.
        expect(record[el.exit] ?? '').toBe(version === '1.2' ? '' : 'suspend');
        expect(record[el.time]).toMatch(version === '1.2' ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
      });
    }

    test('a relaunch midway resumes at the same decision with the same score, without duplicates', async ({ page }) => {
      const scenario = course.scenarios[0]!;
      const { steps, endingId } = walk(scenario, best);
      let frame = await launch(page, version, { lang: 'en', audience: AUDIENCE });
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      await openScenario(frame, scenario.id);
      for (const step of steps.slice(0, 3)) await decide(frame, step);
      frame = await relaunch(page);
      const resumed = await cmi(page);
      expect(resumed[el.entry]).toBe('resume');
      // Back at the fourth decision, in the learner's language.
      await expect(frame.locator(`situation-view button[data-choice="${steps[3]!.choiceId}"]`)).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Save and exit' })).toBeVisible();
      for (const step of steps.slice(3)) await decide(frame, step);
      await frame.locator('ending-view button.primary').click();
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect.poll(() => terminated(page)).toBe(true);
      const record = await cmi(page);
      // The scenario's objective has its score; the course is not finished, so no course score yet.
      const own = courseResult(course, { current: null, progress: progressOf([{ spec: scenario, steps, endingId }]) })
        .scenarios[scenario.id]!;
      const objective = Object.entries(record).find(([k, v]) => /^cmi\.objectives\.\d+\.id$/.test(k) && v === scenario.id)![0];
      expect(Number(record[objective.replace(/\.id$/, '.score.raw')])).toBe(own.percent);
      expect(record[el.raw] ?? '').toBe('');
      expect(record[el.exit]).toBe('suspend');
      const ids = Object.entries(record).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
      expect(ids).toEqual(steps.map((s) => `${scenario.id}.${s.nodeId}`));
    });
  });
}
