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
    choices: { attribute: false },
  };

  declare t: Translate;
  declare scenarioId: string;
  declare nodeId: string;
  declare choices: readonly ChoiceSpec[];

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const ns = `scenario.${this.scenarioId}`;
    const t = (key: string) => this.t(`${ns}:nodes.${this.nodeId}.${key}`);
    return html`
      <p class="eyebrow">${this.t(`${ns}:title`)}</p>
      <h2 tabindex="-1">${this.t('situation.heading')}</h2>
      ${paragraphs(t('text'))}
      <h3 id="choices-label">${this.t('situation.choicesLabel')}</h3>
      <ul class="plain choices" aria-labelledby="choices-label">
        ${this.choices.map(
          (c) => html`<li>
            <button class="choice" data-choice=${c.id} @click=${() => emit(this, 'choice-selected', { choiceId: c.id })}>
              ${t(`choices.${c.id}.text`)}
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
