import { css, html, type TemplateResult } from 'lit';
import type { ContactSpec } from '../model/course.ts';

/** Translation function handed to every view; a new one on each language change re-renders. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Renders authored prose: paragraphs are separated by blank lines; text is never parsed as HTML. */
export function paragraphs(text: string): TemplateResult[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

/** A typed custom event that crosses shadow roots, so the player can listen at its root. */
export function emit<T>(el: HTMLElement, type: string, detail?: T): void {
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Views that move focus to their heading when they appear (for keyboard and screen-reader users). */
export interface FocusableView extends HTMLElement {
  focusHeading(): void;
}

/** Moves focus to the first heading a view renders (they carry tabindex="-1"). */
export function focusHeading(view: HTMLElement): void {
  view.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
}

/**
 * The region profile's contacts, as the summary and "Need support?" list them: name, the
 * region's own name for it, a phone number to tap, a link, when to call, and a note.
 */
export function contactList(t: Translate, contacts: readonly ContactSpec[]): TemplateResult {
  return html`<ul class="plain contacts">
    ${contacts.map(
      (c) => html`<li>
        <div class="contact-name">${t(`region:contacts.${c.id}.name`)}</div>
        ${c.localName ? html`<div class="local-name">${c.localName}</div>` : null}
        ${c.phone ? html`<div><a class="phone target" href="tel:${c.phone.replace(/\s/g, '')}">${c.phone}</a></div>` : null}
        ${c.url ? html`<div><a class="target" href=${c.url} target="_blank" rel="noopener">${c.url}</a></div>` : null}
        <div>${t(`region:contacts.${c.id}.when`)}</div>
        ${t(`region:contacts.${c.id}.note`, { defaultValue: '' }) ? html`<div>${t(`region:contacts.${c.id}.note`)}</div>` : null}
      </li>`,
    )}
  </ul>`;
}

/** A choice's quality (good, acceptable, poor) in its colour, as feedback and review show it. */
export const qualityStyles = css`
  .good {
    color: var(--color-good);
  }
  .acceptable {
    color: var(--color-acceptable);
  }
  .poor {
    color: var(--color-poor);
  }
`;

/** The styles of `contactList`. */
export const contactStyles = css`
  .contacts li {
    padding: var(--space-3) 0;
    border-top: 1px solid var(--color-border);
  }
  .contact-name,
  .local-name {
    font-weight: 700;
  }
  .phone {
    font-size: 1.25rem;
    font-weight: 700;
    color: var(--color-primary);
  }
`;

export const viewStyles = css`
  :host {
    display: block;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 var(--space-3);
    color: var(--color-heading);
    overflow-wrap: break-word;
  }
  /* A clear step from screen heading to section heading to text, smaller on phones. */
  h1 {
    font-size: clamp(1.625rem, 1.25rem + 1.5vw, 2.125rem);
  }
  h2 {
    font-size: clamp(1.1875rem, 1.05rem + 0.5vw, 1.375rem);
    margin-top: var(--space-5);
  }
  h2:first-child {
    margin-top: 0;
  }
  h1:focus,
  h2:focus {
    outline: none;
  }
  h1:focus-visible,
  h2:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 4px;
  }
  p {
    margin: 0 0 var(--space-3);
  }
  .eyebrow {
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--color-muted);
    margin-bottom: var(--space-2);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  button {
    font: inherit;
    min-height: 44px;
    border-radius: var(--radius);
    cursor: pointer;
  }
  button,
  a {
    transition:
      background-color 0.15s ease,
      border-color 0.15s ease,
      color 0.15s ease;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--color-link);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  /* Links on their own line are touch targets too. */
  a.target {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  /* Windows high contrast: system colours for focus and for the borders that carry meaning. */
  @media (forced-colors: active) {
    button:focus-visible,
    a:focus-visible,
    h1:focus-visible {
      outline-color: Highlight;
    }
    .note {
      border-color: CanvasText;
    }
  }
  .primary {
    background: var(--color-primary);
    color: var(--color-on-primary);
    border: 2px solid var(--color-primary);
    padding: var(--space-2) var(--space-5);
    font-weight: 600;
  }
  .primary:hover {
    background: var(--color-primary-hover);
  }
  .secondary {
    background: var(--color-surface);
    color: var(--color-primary);
    border: 2px solid var(--color-primary);
    padding: var(--space-2) var(--space-5);
    font-weight: 600;
  }
  .note {
    border-left: 4px solid var(--color-accent);
    background: var(--color-surface-alt);
    padding: var(--space-3) var(--space-4);
    margin: var(--space-4) 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;
