import { css, unsafeCSS } from 'lit';
import { DEFAULT_COLOURS, PAGE_COLOUR, type ThemeColours, type ThemeSpec } from '../model/theme.ts';

/**
 * Page-wide design tokens as CSS custom properties. Adopted as a constructed stylesheet, so
 * the strict Content-Security-Policy needs no inline styles. A region theme overrides these.
 */
export const theme = css`
  :root {
    --font-body: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --color-text: #1f2328;
    --color-heading: ${unsafeCSS(DEFAULT_COLOURS.heading)};
    --color-muted: #4a5560;
    --color-surface: #ffffff;
    --color-surface-alt: #f3f6f9;
    --color-page: ${unsafeCSS(PAGE_COLOUR)};
    --color-border: #c5ccd3;
    --color-primary: ${unsafeCSS(DEFAULT_COLOURS.primary)};
    --color-primary-hover: color-mix(in srgb, var(--color-primary) 75%, black);
    --color-on-primary: ${unsafeCSS(DEFAULT_COLOURS.onPrimary)};
    --color-accent: var(--color-primary);
    --color-link: var(--color-primary);
    --color-focus: #c2410c;
    --color-good: #1a6b34;
    --color-acceptable: #7a5200;
    --color-poor: #a3212b;
    --color-notice-bg: #fff8e1;
    --color-notice-border: #d6a700;
    --radius: 6px;
    --space-1: 0.25rem;
    --space-2: 0.5rem;
    --space-3: 0.75rem;
    --space-4: 1rem;
    --space-5: 1.5rem;
    --space-6: 2.5rem;
  }
  html {
    font-family: var(--font-body);
    font-size: 100%;
    line-height: 1.55;
    color: var(--color-text);
    background: var(--color-page);
    -webkit-text-size-adjust: 100%;
  }
  body {
    margin: 0;
  }
  /* The page asking to try again when a resumed course could not be fetched (load-retry.ts). */
  main.retry {
    max-width: 42rem;
    margin: 0 auto;
    padding: var(--space-5) var(--space-4);
  }
  main.retry h1 {
    font-size: 1.375rem;
    line-height: 1.3;
    color: var(--color-heading);
  }
  main.retry button {
    font: inherit;
    min-height: 44px;
    padding: 0 var(--space-4);
    border: 0;
    border-radius: var(--radius);
    background: var(--color-primary);
    color: var(--color-on-primary);
    cursor: pointer;
  }
  main.retry button:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
`;

const PROPERTIES: Record<keyof ThemeColours, string> = {
  primary: '--color-primary',
  onPrimary: '--color-on-primary',
  heading: '--color-heading',
};

/** A region's colours over the course's own, as custom properties on the page's root (CSSOM: the CSP allows it). */
export function applyTheme(root: { style: Pick<CSSStyleDeclaration, 'setProperty'> }, theme: ThemeSpec | undefined): void {
  for (const [key, property] of Object.entries(PROPERTIES) as [keyof ThemeColours, string][]) {
    const colour = theme?.[key];
    if (colour) root.style.setProperty(property, colour);
  }
}
