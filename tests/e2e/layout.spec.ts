import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { packageFor } from './preview-driver.ts';
import { WALK_AUDIENCE, openNearlyDoneWithoutLms, walkScreens } from './screens.ts';

/** Everything in the course a learner can press or type in, through shadow roots, with its size. */
function targets(page: Page): Promise<{ what: string; width: number; height: number }[]> {
  return page.evaluate(() => {
    const found: { what: string; width: number; height: number }[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (!el.matches('button, a[href], input, select, textarea, summary, [tabindex="0"]')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        found.push({ what: `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`, width: box.width, height: box.height });
      }
    };
    visit(document);
    return found;
  });
}

const overflow = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

async function checkScreen(page: Page, screen: string): Promise<void> {
  const { scroll, client } = await overflow(page);
  expect(scroll, `${screen}: no horizontal scrolling`).toBeLessThanOrEqual(client);
  for (const t of await targets(page)) {
    expect(t.width, `${screen}: ${t.what} wide enough to touch`).toBeGreaterThanOrEqual(44);
    expect(t.height, `${screen}: ${t.what} tall enough to touch`).toBeGreaterThanOrEqual(44);
  }
}

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });
  test('every screen fits the width and every target is at least 44×44 px', async ({ page }) => {
    await page.goto(`/pkg/${packageFor('2004', WALK_AUDIENCE)}/index.html`);
    await expect(page.locator('start-screen h1')).toBeVisible();
    await checkScreen(page, 'start');
    await openNearlyDoneWithoutLms(page);
    await walkScreens(page, (screen) => checkScreen(page, screen));
  });
});

test.describe('at 200 % zoom on a 1280 px screen', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  test('every screen fits the width, with text twice as large as well', async ({ page }) => {
    await openNearlyDoneWithoutLms(page);
    // Text twice as large on top (the page's CSP allows no style sheets from a test, only CSSOM).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    await walkScreens(page, async (screen) => {
      const { scroll, client } = await overflow(page);
      expect(scroll, `${screen}: no horizontal scrolling`).toBeLessThanOrEqual(client);
    });
  });
});

/** Elements (through shadow roots) with a transition or animation, or smooth scrolling. */
const moving = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const s = getComputedStyle(el);
        const durations = [...s.transitionDuration.split(','), ...s.animationDuration.split(',')].map((d) => parseFloat(d) || 0);
        if (durations.some((d) => d > 0.01) || s.scrollBehavior === 'smooth') found.push(el.tagName.toLowerCase());
      }
    };
    visit(document);
    return found;
  });

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing animates or moves in a transition (buttons fade on hover otherwise)', async ({ page }) => {
    await openNearlyDoneWithoutLms(page);
    await walkScreens(page, async (screen) => expect(await moving(page), screen).toEqual([]));
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await moving(page)).not.toEqual([]);
  });
});

test.describe('in forced colours (Windows high contrast)', () => {
  test.use({ colorScheme: 'dark' });
  test('buttons keep their borders and focus stays visible', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openNearlyDoneWithoutLms(page);
    await walkScreens(page, async (screen) => {
      const buttons = await page.evaluate(() => {
        const found: { what: string; border: number; style: string }[] = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) visit(el.shadowRoot);
            if (el.tagName !== 'BUTTON') continue;
            const s = getComputedStyle(el);
            found.push({ what: el.textContent?.trim().slice(0, 30) ?? '', border: parseFloat(s.borderTopWidth), style: s.borderTopStyle });
          }
        };
        visit(document);
        return found;
      });
      for (const b of buttons) {
        expect(b.style, `${screen}: "${b.what}" has a border`).toBe('solid');
        expect(b.border).toBeGreaterThanOrEqual(1);
      }
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const s = el ? getComputedStyle(el) : null;
        return { style: s?.outlineStyle, width: parseFloat(s?.outlineWidth ?? '0'), color: s?.outlineColor, page: getComputedStyle(document.documentElement).backgroundColor };
      });
      expect(outline.style, `${screen}: focus outline`).toBe('solid');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      expect(outline.color).not.toBe(outline.page);
    });
  });
});
