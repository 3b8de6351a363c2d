import { LitElement, css, html } from 'lit';
import type { ContactSpec } from '../model/course.ts';
import { contactList, contactStyles, emit, viewStyles, type Translate } from './shared.ts';

/**
 * "Need support?": the region profile's support contacts for this audience, opened from the
 * header on any screen and shown above it, so the learner's place is kept underneath.
 * @fires support-closed - the learner closes the panel
 */
export class SupportPanel extends LitElement {
  static override styles = [
    viewStyles,
    contactStyles,
    css`
      :host {
        border: 2px solid var(--color-accent);
        border-radius: var(--radius);
        background: var(--color-surface);
        padding: var(--space-4);
        margin-bottom: var(--space-5);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    contacts: { attribute: false },
  };

  declare t: Translate;
  declare contacts: readonly ContactSpec[];

  focusHeading(): void {
    this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const t = this.t;
    return html`
      <section aria-labelledby="support-heading">
        <h2 id="support-heading" tabindex="-1">${t('support.heading')}</h2>
        <p>${t('support.intro')}</p>
        ${contactList(t, this.contacts)}
        <button class="secondary" @click=${() => emit(this, 'support-closed')}>${t('support.close')}</button>
      </section>
    `;
  }
}

customElements.define('support-panel', SupportPanel);
declare global {
  interface HTMLElementTagNameMap {
    'support-panel': SupportPanel;
  }
}
