import { LitElement, css, html } from 'lit';
import type { IntroSpec } from '../model/course.ts';
import { emit, focusHeading, paragraphs, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * The course's first screen: title, what it is, why it matters (figures with their sources, and
 * the model prevent – handle – follow up), how long it takes, and a content note.
 * @fires course-start - the learner begins
 */
export class StartScreen extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .intro {
        margin: var(--space-4) 0;
      }
      .facts {
        padding-left: var(--space-4);
        margin: 0 0 var(--space-4);
      }
      .facts li {
        margin-bottom: var(--space-2);
      }
      .model {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: var(--space-2) var(--space-3);
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .model li {
        border-left: 4px solid var(--color-primary);
        padding-left: var(--space-2);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    intro: { attribute: false },
    minutes: { type: Number },
    contentNotes: { attribute: false },
  };

  declare t: Translate;
  /** Absent when the course has no introduction. */
  declare intro: IntroSpec | undefined;
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
      ${this.#intro(this.intro)}
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

  #intro(intro: IntroSpec | undefined) {
    if (!intro) return null;
    const t = this.t;
    const indexes = (count: number) => Array.from({ length: count }, (_, i) => i);
    return html`<section class="intro" aria-labelledby="intro-heading">
      <h2 id="intro-heading">${t('course:intro.heading')}</h2>
      <ul class="facts">
        ${indexes(intro.facts).map((i) => html`<li>${t(`course:intro.facts.${i}`)}</li>`)}
      </ul>
      <h3 id="model-heading">${t('course:intro.model.heading')}</h3>
      <ol class="model" aria-labelledby="model-heading">
        ${indexes(intro.steps).map(
          (i) => html`<li><strong>${t(`course:intro.model.steps.${i}.title`)}.</strong> ${t(`course:intro.model.steps.${i}.text`)}</li>`,
        )}
      </ol>
    </section>`;
  }
}

customElements.define('start-screen', StartScreen);
declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
