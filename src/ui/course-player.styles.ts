import { css } from 'lit';

/** The player's own styles: header, notices, the support aside, the step-out row and the exit. */
export const playerStyles = css`
  :host {
    display: block;
    min-height: 100vh;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-3);
    justify-content: space-between;
    /* The header's ends line up with a wide column rather than the window's edges. */
    padding: var(--space-3) max(var(--space-4), calc((100% - 60rem) / 2));
    background: var(--color-surface);
    border-bottom: 1px solid var(--color-border);
  }
  header button {
    white-space: nowrap;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--space-3);
    font-weight: 700;
    color: var(--color-heading);
  }
  .logo {
    height: 2rem;
    max-width: 8rem;
    object-fit: contain;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    align-items: center;
  }
  .exit {
    background: transparent;
    color: var(--color-text);
    border: 2px solid var(--color-border);
    padding: 0 var(--space-3);
  }
  main {
    max-width: 42rem;
    margin: 0 auto;
    padding: var(--space-5) var(--space-4) var(--space-6);
  }
  .support-open {
    background: var(--color-surface);
    color: var(--color-primary);
    border: 2px solid var(--color-primary);
    padding: 0 var(--space-4);
    font-weight: 600;
  }
  .support {
    max-width: 42rem;
    margin: var(--space-4) auto 0;
    padding: 0 var(--space-4);
  }
  .step-out {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3);
    margin-top: var(--space-6);
    padding-top: var(--space-4);
    border-top: 1px solid var(--color-border);
  }
  .step-out button {
    background: transparent;
    color: var(--color-text);
    border: 2px solid var(--color-border);
    padding: 0 var(--space-4);
  }
  .notice {
    max-width: 42rem;
    /* Centred with the text, and clear of a phone's edges. */
    margin: var(--space-3) max(var(--space-4), calc((100% - 42rem) / 2)) 0;
    box-sizing: border-box;
    padding: var(--space-3) var(--space-4);
    background: var(--color-notice-bg);
    border: 1px solid var(--color-notice-border);
    border-radius: var(--radius);
  }
`;
