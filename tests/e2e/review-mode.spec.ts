import type { Page } from '@playwright/test';
import { courseFor, walk, worst } from './course-paths.ts';
import { expect, test } from './fixtures.ts';
import { VERSIONS, decide, launch, openScenario, stored, terminated } from './preview-driver.ts';

/**
 * Review and no-credit launches after a learner has played part of the course: review shows the
 * path read-only, practice may be played to an ending, and neither changes what the LMS holds.
 */
const course = courseFor('staff');
// The two shortest scenarios, along their worst paths (so review shows poor choices too): one is
// played to an ending, the other left after its first decision.
const [finished, begun] = [...course.scenarios].sort((a, b) => walk(a, worst).steps.length - walk(b, worst).steps.length);
if (!finished || !begun) throw new Error('the staff course needs two scenarios');
const finishedPath = walk(finished, worst);
const begunPath = walk(begun, worst);

/** The elements this page's course wrote (SetValue), in order. */
const written = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { preview: { calls: { method: string; args: string[] }[] } }).preview.calls
      .filter((c) => c.method.endsWith('SetValue'))
      .map((c) => c.args[0] ?? ''),
  );

/**
 * What belongs to one session rather than to the record: the launch's parameters, which the LMS
 * sets for every launch, and the session's own time (the record's total_time must stay).
 */
const SESSION_ELEMENTS = /^cmi\.(core\.)?(credit|lesson_mode|mode|entry|session_time)$/;
const record = async (page: Page) => Object.fromEntries(Object.entries(await stored(page)).filter(([k]) => !SESSION_ELEMENTS.test(k)));

for (const version of VERSIONS) {
  const exit = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';

  test(`SCORM ${version}: review shows the path read-only and practice plays to an ending, neither changing the LMS record`, async ({ page }) => {
    // Played normally: one scenario to its ending, another begun; then Exit.
    let frame = await launch(page, version);
    await frame.getByRole('button', { name: 'Börja' }).click();
    await openScenario(frame, finished.id);
    for (const step of finishedPath.steps) await decide(frame, step);
    await frame.locator('ending-view button.primary').click();
    await openScenario(frame, begun.id);
    await decide(frame, begunPath.steps[0]!);
    await frame.getByRole('button', { name: 'Spara och avsluta' }).click();
    await expect.poll(() => terminated(page)).toBe(true);
    const before = await record(page);
    expect(before[exit]).toBe('suspend');

    // Review: the notice, every decision in order with the ending, and nothing to click but the header's.
    frame = await launch(page, version, { mode: 'review', resume: true });
    await expect(frame.getByRole('status')).toContainText('Det här är en granskning');
    await expect(frame.getByRole('heading', { level: 1, name: 'Granska dina val' })).toBeVisible();
    const done = frame.locator(`course-review li[data-scenario="${finished.id}"]`);
    await expect(done.locator('li[data-node]')).toHaveCount(finishedPath.steps.length);
    expect(await done.locator('blockquote').evaluateAll((quotes) => quotes.map((q) => q.getAttribute('data-choice')))).toEqual(
      finishedPath.steps.map((s) => s.choiceId),
    );
    await expect(done.getByRole('heading', { level: 3, name: /^Slut: / })).toBeVisible();
    await expect(done.locator('.verdict.poor').first()).toBeVisible();
    const under = frame.locator(`course-review li[data-scenario="${begun.id}"]`);
    await expect(under.locator('li[data-node]')).toHaveCount(1);
    await expect(under).toContainText('Du har inte spelat klart scenariot.');
    await expect(frame.locator('main button')).toHaveCount(0);
    await frame.getByRole('button', { name: 'Stäng granskningen' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Granskningen är stängd' })).toBeVisible();
    await expect.poll(() => terminated(page)).toBe(true);
    // The suspended attempt is suspended again, and nothing else is written.
    expect(await written(page)).toEqual([exit]);
    expect(await record(page)).toEqual(before);

    // Practice (no-credit): back where the learner left off, played to the ending, recorded nowhere.
    frame = await launch(page, version, { credit: 'no-credit', resume: true });
    await expect(frame.getByRole('status')).toContainText('Det här är ett övningsförsök');
    await expect(frame.locator(`situation-view button[data-choice="${begunPath.steps[1]!.choiceId}"]`)).toBeVisible();
    await expect(frame.locator('button[data-action="pause"]')).toHaveCount(0);
    for (const step of begunPath.steps.slice(1)) await decide(frame, step);
    await expect(frame.locator('ending-view h1')).toBeFocused();
    await frame.getByRole('button', { name: 'Avsluta övningen' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Övningen är avslutad' })).toBeVisible();
    await expect.poll(() => terminated(page)).toBe(true);
    expect(await written(page)).toEqual([exit]);
    expect(await record(page)).toEqual(before);
  });
}
