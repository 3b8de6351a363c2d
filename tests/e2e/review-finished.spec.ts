import { best, courseFor, requiredOf, walk, worst } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { launchStored, terminated, type Version } from './preview-driver.ts';

/**
 * A finished attempt reopened for review, with the LMS preloaded as Moodle 4.3 hands it over.
 * Moodle gives a SCORM 2004 review launch its earlier data only when the attempt was last left
 * with exit "suspend" (which the course now always writes); before that, and in LMSs that drop
 * suspend data, the interactions may still be there, and the course rebuilds the paths from them.
 */
const AUDIENCE = 'elected';
const course = courseFor(AUDIENCE);
const [first, second] = requiredOf(course);
if (!first || !second) throw new Error('the elected course needs two scenarios');
const played = [
  { spec: first, ...walk(first, best) },
  { spec: second, ...walk(second, worst) },
];

/** The interactions the course wrote for `played`, flattened as the LMS stores them. */
function interactions(version: Version): Record<string, string> {
  const response = version === '1.2' ? 'student_response' : 'learner_response';
  const cmi: Record<string, string> = {};
  played
    .flatMap(({ spec, steps }) => steps.map((s) => ({ id: `${spec.id}.${s.nodeId}`, choiceId: s.choiceId })))
    .forEach((d, n) => {
      cmi[`cmi.interactions.${n}.id`] = d.id;
      cmi[`cmi.interactions.${n}.type`] = 'choice';
      cmi[`cmi.interactions.${n}.${response}`] = d.choiceId;
    });
  return cmi;
}

const review = { mode: 'review', credit: 'no-credit' };

test('SCORM 2004: a review with interactions and a final status but no suspend data shows every decision, rebuilt', async ({ page }) => {
  const frame = await launchStored(page, '2004', {
    audience: AUDIENCE,
    cmi: {
      ...interactions('2004'),
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'failed',
      'cmi.score.raw': '61.5',
      'cmi.exit': 'normal',
      'cmi.total_time': 'PT24M10S',
    },
    query: review,
  });
  await expect(frame.getByRole('heading', { level: 1, name: 'Granska dina val' })).toBeVisible();
  for (const { spec, steps } of played) {
    const item = frame.locator(`course-review li[data-scenario="${spec.id}"]`);
    expect(await item.locator('blockquote').evaluateAll((quotes) => quotes.map((q) => q.getAttribute('data-choice')))).toEqual(steps.map((s) => s.choiceId));
    await expect(item.getByRole('heading', { level: 3, name: /^Slut: / })).toBeVisible();
  }
  await expect(frame.locator('course-review')).toContainText(`Du har gjort 2 av ${requiredOf(course).length} scenarier.`);
  await frame.getByRole('button', { name: 'Stäng granskningen' }).click();
  await expect.poll(() => terminated(page)).toBe(true);
  // The attempt was not suspended: a review writes nothing at all, so the LMS's time and status stay.
  const written = await page.evaluate(() =>
    (window as unknown as { preview: { calls: { method: string }[] } }).preview.calls.filter((c) => c.method === 'SetValue').length,
  );
  expect(written).toBe(0);
});

test('SCORM 2004: a review Moodle hands an empty data model says that the LMS kept nothing, not "0 of 5, not started"', async ({ page }) => {
  const frame = await launchStored(page, '2004', { audience: AUDIENCE, cmi: { 'cmi.objectives.0.id': 'course.passed' }, query: review });
  await expect(frame.getByRole('heading', { level: 1, name: 'Granska dina val' })).toBeVisible();
  await expect(frame.locator('course-review')).toContainText('Lärplattformen har inte lämnat några uppgifter om vad du gjorde i kursen');
  await expect(frame.locator('course-review')).not.toContainText('Du har gjort 0');
  await expect(frame.locator('course-review')).not.toContainText('Inte påbörjat');
});

test('SCORM 1.2: interactions cannot be read back, so a review without suspend data shows the result the LMS holds', async ({ page }) => {
  const frame = await launchStored(page, '1.2', {
    audience: AUDIENCE,
    cmi: { ...interactions('1.2'), 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '92.41', 'cmi.core.exit': '' },
    query: review,
  });
  const view = frame.locator('course-review');
  await expect(view).toContainText('Lärplattformen har inte lämnat några uppgifter om vad du gjorde i kursen');
  await expect(view).toContainText('Lärplattformen har registrerat att du är godkänd på kursen.');
  // In the learner's language: a decimal comma in Swedish.
  await expect(view).toContainText('Ditt registrerade resultat: 92,41 %.');
});
