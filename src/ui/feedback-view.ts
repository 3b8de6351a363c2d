import { LitElement, css, html } from 'lit';
import type { ChoiceSpec } from '../model/scenario.ts';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * Why the choice the learner made was good or not, with its source, then on.
 * @fires feedback-continue - the learner has read the feedback
 */
export class FeedbackView extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .verdict {
        display: inline-block;
        font-weight: 700;
        padding: var(--space-1) var(--space-3);
        border-radius: var(--radius);
        margin-bottom: var(--space-3);
        border: 2px solid currentColor;
      }
      .good {
        color: var(--color-good);
      }
      .acceptable {
        color: var(--color-acceptable);
      }
      .poor {
        color: var(--color-poor);
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
    choice: { attribute: false },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare nodeId: string;
  declare choice: ChoiceSpec;

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const key = `scenario.${this.scenarioId}:nodes.${this.nodeId}.choices.${this.choice.id}`;
    const source = this.t(`${key}.source`, { defaultValue: '' });
    return html`
      <p class="eyebrow">${this.t(`scenario.${this.scenarioId}:title`)}</p>
      <h2 tabindex="-1">${this.t('feedback.heading')}</h2>
      <blockquote>
        <span class="visually-hidden">${this.t('feedback.youChose')}</span>
        ${this.t(`${key}.text`)}
      </blockquote>
      <p class="verdict ${this.choice.quality}">${this.t(`feedback.quality.${this.choice.quality}`)}</p>
      ${paragraphs(this.t(`${key}.feedback`))}
      ${source ? html`<p class="source">${this.t('feedback.source', { source })}</p>` : null}
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
