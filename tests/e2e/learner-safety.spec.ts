import { expect, test } from './fixtures.ts';
import { shortVersion } from '../../src/model/scenario.ts';
import { best, courseFor, requiredOf, walk } from './course-paths.ts';
import { VERSIONS, cmi, decide, launch, openShortVersion, relaunch, terminated } from './preview-driver.ts';

// Elected officials: their support differs from staff's (their party instead of a manager).
const AUDIENCE = 'elected';
const [first, second] = courseFor(AUDIENCE).scenarios.filter((s) => s.hasContentNote);
if (!first || !second) throw new Error(`${AUDIENCE} needs two scenarios with a content note`);

for (const version of VERSIONS) {
  test(`SCORM ${version}: support on any screen, a content note with skip, skip midway explained, pause and come back`, async ({ page }) => {
    const course = await launch(page, version, { audience: AUDIENCE });
    await course.getByRole('button', { name: 'Börja' }).click();

    // "Behöver du stöd?" opens the audience's support contacts above the list, which stays.
    const support = course.getByRole('button', { name: 'Behöver du stöd?' });
    await support.click();
    await expect(course.locator('support-panel h2')).toBeFocused();
    await expect(course.locator('support-panel')).toContainText('Ditt parti');
    await expect(course.locator('support-panel')).not.toContainText('Din chef');
    await expect(course.locator('scenario-list')).toBeVisible();
    await course.getByRole('button', { name: 'Stäng och fortsätt där du var' }).click();
    await expect(support).toBeFocused();
    await expect(course.locator('support-panel')).toHaveCount(0);

    // The content note comes before the scenario; skipping it there costs nothing and is said so.
    await course.locator(`scenario-list button[data-scenario="${first.id}"]`).click();
    await expect(course.locator('content-note h1')).toBeFocused();
    await expect(course.locator('content-note')).toContainText('utan att det påverkar ditt resultat');
    await course.locator('content-note button[data-action="skip"]').click();
    await expect(course.locator('scenario-list h1')).toBeFocused();
    // The course's policy (skipping: alternative): done once its short version is.
    await expect(course.locator('scenario-list')).toContainText('Överhoppat – kortversionen återstår');
    const record = await cmi(page);
    const objective = Object.keys(record).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && record[k] === first.id)?.replace(/\.id$/, '');
    expect(objective).toBeDefined();
    if (version === '1.2') {
      expect(record[`${objective}.status`]).toBe('completed');
    } else {
      expect(record[`${objective}.completion_status`]).toBe('completed');
      expect(record[`${objective}.success_status`]).toBe('unknown');
      expect(record[`${objective}.score.raw`] ?? '').toBe('');
    }

    // Inside a scenario: asking to skip explains it and lets the learner keep playing.
    await course.locator(`scenario-list button[data-scenario="${second.id}"]`).click();
    await course.locator('content-note button[data-action="continue"]').click();
    const step = walk(second, best).steps[0];
    if (!step) throw new Error(`${second.id} has no decision`);
    await decide(course, step);
    const at = await course.locator('situation-view h1').textContent();
    await course.getByRole('group', { name: 'Kliv ut ur scenariot' }).getByRole('button', { name: 'Hoppa över scenariot' }).click();
    await expect(course.locator('content-note h1')).toHaveText('Vill du hoppa över scenariot?');
    await course.getByRole('button', { name: 'Fortsätt scenariot' }).click();
    await expect(course.locator('situation-view h1')).toHaveText(at ?? '');

    // Pause saves and leaves; the next launch comes back to the same point.
    await course.getByRole('button', { name: 'Pausa och spara' }).click();
    await expect.poll(() => terminated(page)).toBe(true);
    const again = await relaunch(page);
    await expect(again.locator('situation-view h1')).toHaveText(at ?? '');
    await expect(again.locator('situation-view')).toBeVisible();
    await again.getByRole('button', { name: 'Spara och avsluta' }).click();
    await expect.poll(() => terminated(page)).toBe(true);
  });
}

for (const version of VERSIONS) {
  test(`SCORM ${version}: skipping every scenario leaves the course incomplete; their short versions complete it with nothing lost`, async ({ page }) => {
    const core = requiredOf(courseFor(AUDIENCE));
    const course = await launch(page, version, { audience: AUDIENCE });
    await course.getByRole('button', { name: 'Börja' }).click();
    for (const spec of core) {
      await course.locator(`scenario-list button[data-scenario="${spec.id}"]`).click();
      await expect(course.locator('situation-view h1, content-note h1')).toBeFocused();
      // Without a content note, the learner steps out at the first situation.
      if (!(await course.locator('content-note').count())) await course.locator('button[data-action="skip"]').click();
      await course.locator('content-note button[data-action="skip"]').click();
      await expect(course.locator('scenario-list h1')).toBeFocused();
    }
    await expect(course.locator('scenario-list')).toContainText(`Du har gjort 0 av ${core.length} scenarier.`);
    await expect(course.getByRole('button', { name: 'Visa sammanfattningen' })).toHaveCount(0);
    let record = await cmi(page);
    if (version === '1.2') expect(record['cmi.core.lesson_status']).toBe('incomplete');
    else expect(record['cmi.completion_status']).toBe('incomplete');

    // Each short version, answered well: the course is complete and passed, the score unharmed.
    for (const spec of core) {
      const short = shortVersion(spec);
      if (!short) throw new Error(`${spec.id} has no short version`);
      await openShortVersion(course, spec.id);
      for (const step of walk(short, best).steps) await decide(course, step);
      await expect(course.locator('ending-view h1')).toBeFocused();
      await course.locator('ending-view button.primary').click();
    }
    await expect(course.locator('course-summary')).toBeVisible();
    record = await cmi(page);
    if (version === '1.2') expect(record['cmi.core.lesson_status']).toBe('passed');
    else expect([record['cmi.completion_status'], record['cmi.success_status']]).toEqual(['completed', 'passed']);
    expect(Number(record[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'])).toBe(100);
  });
}
