import { expect, test } from './fixtures.ts';
import { best, courseFor, suspendDataFor, walk } from './course-paths.ts';
import { launch, launchSuspended } from './preview-driver.ts';

// The course's frame: the introduction on the start screen and the closing card on the summary.

test('the start screen explains why the course matters, with sources, and the model, on one phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const course = await launch(page, '2004');
  const intro = course.locator('start-screen section.intro');
  await expect(intro.getByRole('heading', { level: 2 })).toHaveText('Därför är kursen viktig');
  const facts = intro.locator('.facts li');
  await expect(facts).toHaveCount(3);
  for (const source of ['(Arbetsmiljöverket 2019)', '(AFA Försäkring 2018)', '(Brå 2023)']) {
    await expect(facts.filter({ hasText: source })).toHaveCount(1);
  }
  await expect(intro.getByRole('list', { name: 'Förebygga – hantera – följa upp' }).locator('strong')).toHaveText(['Förebygga.', 'Hantera.', 'Följa upp.']);
  const box = await intro.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(740);

  await course.getByRole('button', { name: 'English' }).click();
  await expect(intro.getByRole('heading', { level: 2 })).toHaveText('Why this course matters');
  await expect(intro.locator('.model strong')).toHaveText(['Prevent.', 'Handle.', 'Follow up.']);
});

/** The summary of an attempt with every scenario finished on its best choices. */
async function summaryOf(page: Parameters<typeof launch>[0], audience: string) {
  const played = courseFor(audience).scenarios.map((spec) => ({ spec, ...walk(spec, best) }));
  const course = await launchSuspended(page, '2004', { audience, suspendData: suspendDataFor(played) });
  await course.getByRole('button', { name: 'Visa sammanfattningen' }).click();
  const summary = course.locator('course-summary');
  await expect(summary.getByRole('heading', { level: 1 })).toBeFocused();
  return summary;
}

test('staff are told to call 112 or 114 14 and whom to contact at work, from the region profile', async ({ page }) => {
  const summary = await summaryOf(page, 'staff');
  await expect(summary.locator('.contact-name')).toHaveText([
    'SOS Alarm – 112',
    'Polisen',
    'Regionens säkerhetsfunktion',
    'Din chef',
    'Företagshälsovården',
    'Avvikelse- och incidentrapportering',
  ]);
  await expect(summary.getByRole('link', { name: '112', exact: true })).toHaveAttribute('href', 'tel:112');
  await expect(summary.getByRole('link', { name: '114 14' })).toHaveAttribute('href', 'tel:11414');
  await expect(summary.locator('ol li').filter({ hasText: 'avvikelserapport' })).toHaveCount(1);
});

test('elected officials are pointed to the security function and their party, not occupational health', async ({ page }) => {
  const summary = await summaryOf(page, 'elected');
  await expect(summary.locator('.contact-name')).toHaveText(['SOS Alarm – 112', 'Polisen', 'Regionens säkerhetsfunktion', 'Ditt parti']);
  await expect(summary.locator('ol li').filter({ hasText: 'säg att du är förtroendevald' })).toHaveCount(1);
  await expect(summary.locator('ol li').filter({ hasText: 'avvikelserapport' })).toHaveCount(0);
});
