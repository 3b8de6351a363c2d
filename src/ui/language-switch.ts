import { LitElement, css, html } from 'lit';
import { emit, type Translate } from './shared.ts';

/**
 * Buttons for the languages the course offers, the current one marked.
 * @fires language-change - detail `{ lang }`
 */
export class LanguageSwitch extends LitElement {
  static override styles = css`
    div {
      display: flex;
      gap: var(--space-2);
    }
    button {
      font: inherit;
      min-height: 44px;
      min-width: 44px;
      padding: 0 var(--space-3);
      border: 2px solid var(--color-border);
      border-radius: var(--radius);
      background: var(--color-surface);
      color: var(--color-text);
      cursor: pointer;
      white-space: nowrap;
    }
    button[aria-pressed='true'] {
      border-color: var(--color-primary);
      font-weight: 700;
    }
    button:focus-visible {
      outline: 3px solid var(--color-focus);
      outline-offset: 2px;
    }
  `;
  static override properties = {
    t: { attribute: false },
    languages: { attribute: false },
    current: {},
  };

  declare t: Translate;
  declare languages: readonly string[];
  declare current: string;

  override render() {
    return html`<div role="group" aria-label=${this.t('app.language')}>
      ${this.languages.map(
        (lang) => html`<button
          lang=${lang}
          aria-pressed=${lang === this.current ? 'true' : 'false'}
          @click=${() => emit(this, 'language-change', { lang })}
        >
          ${this.t(`app.languageName.${lang}`, { lng: lang })}
        </button>`,
      )}
    </div>`;
  }
}

customElements.define('language-switch', LanguageSwitch);
declare global {
  interface HTMLElementTagNameMap {
    'language-switch': LanguageSwitch;
  }
  interface HTMLElementEventMap {
    'language-change': CustomEvent<{ lang: string }>;
  }
}
