import { LitElement, css, html } from 'lit';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * What comes before a scenario, or instead of it: its content note (`note`), the question before
 * skipping it midway (`midway`), or its short version's text before the short version's questions
 * (`short`). Each says what the choice means and offers to go on, take the short version, skip or
 * go back; nothing changes until the learner decides.
 * @fires note-continue - play (or keep playing) the scenario
 * @fires note-short - see the short version instead
 * @fires note-start-short - begin the short version's questions
 * @fires note-skip - skip the scenario
 * @fires note-back - back where the learner came from, nothing changed
 */
export class ContentNote extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    scenarioId: {},
    mode: {},
    hasShort: { type: Boolean },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare mode: 'note' | 'midway' | 'short';
  /** The scenario has a short version that counts in its place. */
  declare hasShort: boolean;

  constructor() {
    super();
    this.mode = 'note';
    this.hasShort = false;
  }

  focusHeading(): void {
    focusHeading(this);
  }

  #button(action: string, event: string, label: string, primary = false) {
    return html`<button class=${primary ? 'primary' : 'secondary'} data-action=${action} @click=${() => emit(this, event)}>${this.t(label)}</button>`;
  }

  override render() {
    const t = this.t;
    const ns = `scenario.${this.scenarioId}`;
    if (this.mode === 'short') {
      return html`
        <p class="eyebrow">${t(`${ns}:title`)}</p>
        <h1 tabindex="-1">${t('short.heading')}</h1>
        ${paragraphs(t(`${ns}:alternative.text`))}
        <p>${t('short.rule')}</p>
        <div class="actions">
          ${this.#button('start-short', 'note-start-short', 'short.start', true)} ${this.#button('continue', 'note-continue', 'short.playFull')}
          ${this.#button('back', 'note-back', 'contentNote.back')}
        </div>
      `;
    }
    const midway = this.mode === 'midway';
    return html`
      <p class="eyebrow">${t(`${ns}:title`)}</p>
      <h1 tabindex="-1">${t(midway ? 'skip.heading' : 'contentNote.heading')}</h1>
      ${midway ? null : html`<p class="note">${t(`${ns}:contentNote`)}</p>`}
      <p>${t(this.hasShort ? 'skip.ruleShort' : 'skip.rule')}</p>
      <div class="actions">
        ${this.#button('continue', 'note-continue', midway ? 'skip.keepPlaying' : 'contentNote.continue', true)}
        ${this.hasShort ? this.#button('short', 'note-short', 'short.instead') : null} ${this.#button('skip', 'note-skip', 'skip.confirm')}
        ${midway ? null : this.#button('back', 'note-back', 'contentNote.back')}
      </div>
    `;
  }
}

customElements.define('content-note', ContentNote);
declare global {
  interface HTMLElementTagNameMap {
    'content-note': ContentNote;
  }
}
