import { courseResult } from '../../src/engine/scoring.ts';
import { best, courseFor, walk } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { VERSIONS, cmi, decide, launch, openScenario, relaunch } from './preview-driver.ts';

/**
 * Forced close at every decision: the page goes away without Exit (the preview unloads the course,
 * as closing the window does), and the next launch gets what the LMS stored. The course must be
 * back at the same decision, with the decisions so far recorded once each.
 */
const AUDIENCE = 'elected';
const course = courseFor(AUDIENCE);
const scenario = course.scenarios[0]!;
const { steps, endingId } = walk(scenario, best);
const interactionIds = (record: Record<string, string>) =>
  Object.entries(record).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);

for (const version of VERSIONS) {
  test(`SCORM ${version}: closed without Exit at each decision, the course resumes there with nothing recorded twice`, async ({ page }) => {
    let frame = await launch(page, version, { audience: AUDIENCE });
    await frame.getByRole('button', { name: 'Börja' }).click();
    await openScenario(frame, scenario.id);
    for (const [n, step] of steps.entries()) {
      frame = await relaunch(page);
      await expect(frame.locator(`situation-view button[data-choice="${step.choiceId}"]`)).toBeVisible();
      const record = await cmi(page);
      expect(record[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']).toBe('resume');
      expect(interactionIds(record)).toEqual(steps.slice(0, n).map((s) => `${scenario.id}.${s.nodeId}`));
      await decide(frame, step);
    }
    await expect(frame.locator('ending-view h1')).toBeFocused();
    const record = await cmi(page);
    expect(interactionIds(record)).toEqual(steps.map((s) => `${scenario.id}.${s.nodeId}`));
    const own = courseResult(course, { current: null, progress: { [scenario.id]: { attempts: [{ decisions: steps, flags: [], endingId }] } } }).scenarios[scenario.id]!;
    const objective = Object.entries(record).find(([k, v]) => /^cmi\.objectives\.\d+\.id$/.test(k) && v === scenario.id)![0];
    expect(Number(record[objective.replace(/\.id$/, '.score.raw')])).toBe(own.percent);
  });
}
