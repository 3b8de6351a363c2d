import { expect, test } from './fixtures.ts';
import { best, courseFor, walk } from './course-paths.ts';
import { VERSIONS, cmi, decide, launch, relaunch, terminated } from './preview-driver.ts';

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
    await expect(course.locator('scenario-list')).toContainText('Överhoppat, räknas som gjort');
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
