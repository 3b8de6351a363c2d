import { LitElement, css, html } from 'lit';
import type { ChoiceSpec } from '../model/scenario.ts';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * A situation and the choices the learner has, as real buttons.
 * @fires choice-selected - detail `{ choiceId }`
 */
export class SituationView extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .choices li + li {
        margin-top: var(--space-3);
      }
      .choice {
        display: block;
        width: 100%;
        text-align: left;
        padding: var(--space-3) var(--space-4);
        background: var(--color-surface);
        color: var(--color-text);
        border: 2px solid var(--color-border);
      }
      .choice:hover {
        border-color: var(--color-primary);
        background: var(--color-surface-alt);
      }
    `,
  ];

  static override properties = {
    t: { attribute: false },
    scenarioId: {},
    nodeId: {},
    question: { type: Boolean },
    variant: { type: Number },
    choices: { attribute: false },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare nodeId: string;
  /** A knowledge question rather than a scene. */
  declare question: boolean;
  /** Index of the text variant whose condition holds, or -1. */
  declare variant: number;
  /** The choices on offer now (conditions already applied). */
  declare choices: readonly ChoiceSpec[];

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const node = `scenario.${this.scenarioId}:nodes.${this.nodeId}`;
    const list = this.question ? 'options' : 'choices';
    return html`
      <p class="eyebrow">${this.t(`scenario.${this.scenarioId}:title`)}</p>
      <h1 tabindex="-1">${this.t(this.question ? 'situation.questionHeading' : 'situation.heading')}</h1>
      ${paragraphs(this.t(this.variant >= 0 ? `${node}.variants.${this.variant}.text` : `${node}.text`))}
      <h2 id="choices-label">${this.t(this.question ? 'situation.optionsLabel' : 'situation.choicesLabel')}</h2>
      <ul class="plain choices" aria-labelledby="choices-label">
        ${this.choices.map(
          (c) => html`<li>
            <button class="choice" data-choice=${c.id} @click=${() => emit(this, 'choice-selected', { choiceId: c.id })}>
              ${this.t(`${node}.${list}.${c.id}.text`)}
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

customElements.define('situation-view', SituationView);
declare global {
  interface HTMLElementTagNameMap {
    'situation-view': SituationView;
  }
}
