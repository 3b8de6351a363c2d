import { LitElement, css, html } from 'lit';
import type { ChoiceSpec } from '../model/scenario.ts';
import { emit, focusHeading, paragraphs, qualityStyles, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * Why the choice the learner made was good or not, with its source, then on.
 * @fires feedback-continue - the learner has read the feedback
 */
export class FeedbackView extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    qualityStyles,
    css`
      .verdict {
        display: inline-block;
        font-weight: 700;
        padding: var(--space-1) var(--space-3);
        border-radius: var(--radius);
        margin-bottom: var(--space-3);
        border: 2px solid currentColor;
      }
      blockquote {
        margin: 0 0 var(--space-4);
        padding-left: var(--space-4);
        border-left: 4px solid var(--color-border);
        color: var(--color-muted);
      }
      .source {
        font-size: 0.9375rem;
        color: var(--color-muted);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    scenarioId: {},
    nodeId: {},
    question: { type: Boolean },
    choice: { attribute: false },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare nodeId: string;
  declare question: boolean;
  declare choice: ChoiceSpec;

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const ns = `scenario.${this.scenarioId}`;
    const key = `${ns}:nodes.${this.nodeId}.${this.question ? 'options' : 'choices'}.${this.choice.id}`;
    const verdict = this.question ? (this.choice.quality === 'good' ? 'feedback.correct' : 'feedback.incorrect') : `feedback.quality.${this.choice.quality}`;
    const sources = (this.choice.references ?? []).map((id) => this.t(`${ns}:references.${id}.text`));
    return html`
      <p class="eyebrow">${this.t(`${ns}:title`)}</p>
      <h1 tabindex="-1" aria-describedby="verdict">${this.t('feedback.heading')}</h1>
      <blockquote>
        <span class="visually-hidden">${this.t('feedback.youChose')}</span>
        ${this.t(`${key}.text`)}
      </blockquote>
      <p id="verdict" class="verdict ${this.choice.quality}">${this.t(verdict)}</p>
      ${paragraphs(this.t(`${key}.feedback`))}
      ${sources.length ? html`<p class="source">${this.t('feedback.source', { source: sources.join('; ') })}</p>` : null}
      <button class="primary" @click=${() => emit(this, 'feedback-continue')}>${this.t('feedback.continue')}</button>
    `;
  }
}

customElements.define('feedback-view', FeedbackView);
declare global {
  interface HTMLElementTagNameMap {
    'feedback-view': FeedbackView;
  }
}
