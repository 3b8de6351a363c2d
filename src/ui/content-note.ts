import { LitElement, css, html } from 'lit';
import { emit, focusHeading, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * Before a scenario that depicts violence, or before skipping one midway: what it holds or
 * what skipping means, with the choice to go on, skip it or go back.
 * @fires note-continue - play (or keep playing) the scenario
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
    midway: { type: Boolean },
  };

  declare t: Translate;
  declare scenarioId: string;
  /** Asked from inside the scenario (skip midway) rather than before it starts. */
  declare midway: boolean;

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const t = this.t;
    const title = t(`scenario.${this.scenarioId}:title`);
    return html`
      <p class="eyebrow">${title}</p>
      <h1 tabindex="-1">${t(this.midway ? 'skip.heading' : 'contentNote.heading')}</h1>
      ${this.midway ? null : html`<p class="note">${t(`scenario.${this.scenarioId}:contentNote`)}</p>`}
      <p>${t('skip.rule')}</p>
      <div class="actions">
        <button class="primary" data-action="continue" @click=${() => emit(this, 'note-continue')}>
          ${t(this.midway ? 'skip.keepPlaying' : 'contentNote.continue')}
        </button>
        <button class="secondary" data-action="skip" @click=${() => emit(this, 'note-skip')}>${t('skip.confirm')}</button>
        ${this.midway ? null : html`<button class="secondary" data-action="back" @click=${() => emit(this, 'note-back')}>${t('contentNote.back')}</button>`}
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
