import { LitElement, css, html } from 'lit';
import type { ContactSpec } from '../model/course.ts';
import { emit, viewStyles, type Translate } from './shared.ts';

/**
 * "Need support?": the region profile's support contacts for this audience, opened from the
 * header on any screen and shown above it, so the learner's place is kept underneath.
 * @fires support-closed - the learner closes the panel
 */
export class SupportPanel extends LitElement {
  static override styles = [
    viewStyles,
    css`
      :host {
        border: 2px solid var(--color-accent);
        border-radius: var(--radius);
        background: var(--color-surface);
        padding: var(--space-4);
        margin-bottom: var(--space-5);
      }
      .contacts li {
        padding: var(--space-3) 0;
        border-top: 1px solid var(--color-border);
      }
      .contact-name {
        font-weight: 700;
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
        <ul class="plain contacts">
          ${this.contacts.map(
            (c) => html`<li>
              <div class="contact-name">${t(`region:contacts.${c.id}.name`)}</div>
              ${c.localName ? html`<div>${c.localName}</div>` : null}
              ${c.phone ? html`<div><a class="phone target" href="tel:${c.phone.replace(/\s/g, '')}">${c.phone}</a></div>` : null}
              ${c.url ? html`<div><a class="target" href=${c.url} target="_blank" rel="noopener">${c.url}</a></div>` : null}
              <div>${t(`region:contacts.${c.id}.when`)}</div>
              ${t(`region:contacts.${c.id}.note`, { defaultValue: '' }) ? html`<div>${t(`region:contacts.${c.id}.note`)}</div>` : null}
            </li>`,
          )}
        </ul>
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
