import { LitElement, html } from 'lit';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * The course's first screen: title, what it is, how long it takes, and a content note.
 * @fires course-start - the learner begins
 */
export class StartScreen extends LitElement implements FocusableView {
  static override styles = viewStyles;
  static override properties = {
    t: { attribute: false },
    minutes: { type: Number },
    contentNotes: { attribute: false },
  };

  declare t: Translate;
  declare minutes: number;
  /** Ids of the scenarios whose content note the learner should read first. */
  declare contentNotes: readonly string[];

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const t = this.t;
    return html`
      <h1 tabindex="-1">${t('course:title')}</h1>
      ${paragraphs(t('course:description'))}
      <p>${t('start.estimatedTime', { count: this.minutes })}</p>
      ${this.contentNotes.length
        ? html`<div class="note">
            <h2>${t('start.contentNoteHeading')}</h2>
            ${this.contentNotes.map((id) => html`<p>${t(`scenario.${id}:contentNote`)}</p>`)}
            <p>${t('start.support')}</p>
          </div>`
        : null}
      <button class="primary" @click=${() => emit(this, 'course-start')}>${t('start.begin')}</button>
    `;
  }
}

customElements.define('start-screen', StartScreen);
declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
