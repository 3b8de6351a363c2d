import { LitElement, css, html } from 'lit';
import type { Outcome } from '../model/scenario.ts';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * How the scenario ended, what to take away, and the points earned.
 * @fires ending-continue - on to the next scenario or the summary
 */
export class EndingView extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .outcome {
        font-weight: 700;
      }
      .takeaways li + li {
        margin-top: var(--space-2);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    scenarioId: {},
    endingId: {},
    outcome: {},
    variant: { type: Number },
    takeaways: { type: Number },
    score: { type: Number },
    max: { type: Number },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare endingId: string;
  declare outcome: Outcome;
  /** Index of the text variant whose condition holds, or -1. */
  declare variant: number;
  declare takeaways: number;
  declare score: number;
  declare max: number;

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const key = `scenario.${this.scenarioId}:nodes.${this.endingId}`;
    return html`
      <p class="eyebrow">${this.t(`scenario.${this.scenarioId}:title`)}</p>
      <h1 tabindex="-1">${this.t(`${key}.title`)}</h1>
      <p class="outcome">${this.t(`ending.outcome.${this.outcome}`)}</p>
      ${paragraphs(this.t(this.variant >= 0 ? `${key}.variants.${this.variant}.text` : `${key}.text`))}
      <h2>${this.t('ending.takeawaysHeading')}</h2>
      <ul class="takeaways">
        ${Array.from({ length: this.takeaways }, (_, i) => html`<li>${this.t(`${key}.takeaways.${i}`)}</li>`)}
      </ul>
      <p>${this.t('ending.score', { score: this.score, max: this.max })}</p>
      <button class="primary" @click=${() => emit(this, 'ending-continue')}>${this.t('ending.continue')}</button>
    `;
  }
}

customElements.define('ending-view', EndingView);
declare global {
  interface HTMLElementTagNameMap {
    'ending-view': EndingView;
  }
}
