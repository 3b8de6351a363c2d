import { css } from 'lit';

/**
 * Page-wide design tokens as CSS custom properties. Adopted as a constructed stylesheet, so
 * the strict Content-Security-Policy needs no inline styles. A region theme overrides these.
 */
export const theme = css`
  :root {
    --font-body: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --color-text: #1f2328;
    --color-heading: #102a43;
    --color-muted: #4a5560;
    --color-surface: #ffffff;
    --color-surface-alt: #f3f6f9;
    --color-page: #f7f8fa;
    --color-border: #c5ccd3;
    --color-primary: #0b5394;
    --color-primary-hover: #083d6e;
    --color-on-primary: #ffffff;
    --color-accent: #0b5394;
    --color-link: #0b5394;
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
`;
