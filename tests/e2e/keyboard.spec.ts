import type { Frame, FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { best, courseFor, walk } from './course-paths.ts';
import { launch } from './preview-driver.ts';
import { WALK_AUDIENCE } from './screens.ts';

const spec = courseFor(WALK_AUDIENCE).scenarios[0];
if (!spec) throw new Error(`no scenario for ${WALK_AUDIENCE}`);

const courseFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/pkg/'));
  if (!frame) throw new Error('no course frame');
  return frame;
};

interface Focused {
  /** Tag, data-choice/data-scenario/lang attribute, text: enough to say what has focus. */
  readonly tag: string;
  readonly key: string;
  readonly name: string;
  readonly outline: { style: string; width: number; contrast: number };
}

/** What has focus inside the course (through shadow roots), and how its focus indicator looks. */
function focused(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // The outline sits outside the element, on the page's background.
    const page = getComputedStyle(document.documentElement).backgroundColor;
    const [hi, lo] = [lum(style.outlineColor), lum(page)].sort((a, b) => b - a);
    return {
      tag: el.tagName.toLowerCase(),
      key: el.getAttribute('data-choice') ?? el.getAttribute('data-scenario') ?? el.getAttribute('lang') ?? el.className,
      name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05) },
    };
  });
}

/** Presses Tab until `match` has focus, checking that everything focused on the way shows it clearly. */
async function tabTo(page: Page, match: (f: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(courseFrame(page));
    if (!now) continue;
    expect(now.outline.style, `focus indicator on ${now.tag} ${now.key}`).toBe('solid');
    expect(now.outline.width).toBeGreaterThanOrEqual(2);
    expect(now.outline.contrast, `focus contrast on ${now.tag} ${now.key}`).toBeGreaterThanOrEqual(3);
    if (match(now)) return;
  }
  throw new Error('Tab never reached the element');
}

async function headingFocused(course: FrameLocator, view: string): Promise<void> {
  await expect(course.locator(`${view} h1`)).toBeFocused();
  await expect(course.getByRole('heading', { level: 1 })).toHaveCount(1);
}

test('a whole scenario with the keyboard alone: focus follows each step and is always visible', async ({ page }) => {
  const course = await launch(page, '2004', { audience: WALK_AUDIENCE });
  const frame = courseFrame(page);
  await frame.evaluate(() => window.focus());
  await expect(course.getByRole('banner')).toBeVisible();
  await expect(course.getByRole('main')).toBeVisible();

  // Header first (languages, then exit), then the screen.
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(frame);
    order.push(`${now?.tag}:${now?.key}`);
  }
  expect(order).toEqual(['button:support-open', 'button:sv', 'button:en', 'button:exit', 'button:primary']);
  await page.keyboard.press('Enter');
  await headingFocused(course, 'scenario-list');

  await tabTo(page, (f) => f.key === spec.id);
  await page.keyboard.press('Enter');
  if (spec.hasContentNote) {
    await headingFocused(course, 'content-note');
    await tabTo(page, (f) => f.key === 'primary');
    await page.keyboard.press('Enter');
  }
  for (const [n, step] of walk(spec, best).steps.entries()) {
    await headingFocused(course, 'situation-view');
    await tabTo(page, (f) => f.key === step.choiceId);
    await page.keyboard.press(n % 2 ? 'Enter' : 'Space');
    await headingFocused(course, 'feedback-view');
    // The verdict is read out with the heading that takes focus.
    await expect(course.locator('feedback-view h1')).toHaveAccessibleDescription(/\S/);
    await tabTo(page, (f) => f.key === 'primary');
    await page.keyboard.press('Enter');
  }
  await headingFocused(course, 'ending-view');
  await tabTo(page, (f) => f.key === 'primary');
  await page.keyboard.press('Space');
  await headingFocused(course, 'scenario-list');
  await expect(course.getByRole('button', { name: new RegExp(`^Spela igen: `) })).toHaveCount(1);
});

test('the language switch by keyboard: html lang, the pressed state and every button name follow', async ({ page }) => {
  const course = await launch(page, '2004', { audience: WALK_AUDIENCE });
  await courseFrame(page).evaluate(() => window.focus());
  await expect(course.locator('html')).toHaveAttribute('lang', 'sv');
  await tabTo(page, (f) => f.key === 'en');
  await page.keyboard.press('Enter');
  await expect(course.locator('html')).toHaveAttribute('lang', 'en');
  await expect(course.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(course.getByRole('button', { name: 'English' })).toBeFocused();
  await expect(course.getByRole('group', { name: 'Language' })).toBeVisible();
  await expect(course.getByRole('button', { name: 'Save and exit' })).toBeVisible();
  await tabTo(page, (f) => f.key === 'primary');
  await page.keyboard.press('Enter');
  await expect(course.locator('scenario-list h1')).toBeFocused();
  // Each scenario's button names the action and the scenario, not just "Start".
  const names = await course.locator('scenario-list button[data-scenario]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names).toHaveLength(courseFor(WALK_AUDIENCE).scenarios.length);
  for (const name of names) expect(name).toMatch(/^Start: \S/);
});
