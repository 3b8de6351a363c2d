import { LitElement, css, html } from 'lit';
import type { CourseResult } from '../engine/scoring.ts';
import type { ContactSpec } from '../model/course.ts';
import { contactList, contactStyles, emit, focusHeading, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * The result, what to do if something happens, and whom to call, from the region profile.
 * @fires menu-opened - back to the scenario list, to play a scenario again
 */
export class CourseSummary extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    contactStyles,
    css`
      .result {
        font-size: 1.125rem;
        font-weight: 700;
      }
      section {
        margin-top: var(--space-5);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    result: { attribute: false },
    passMark: { type: Number },
    contacts: { attribute: false },
    whatToDo: { attribute: false },
  };

  declare t: Translate;
  declare result: CourseResult;
  declare passMark: number;
  declare contacts: readonly ContactSpec[];
  /** Indexes of the region's steps that apply to this audience. */
  declare whatToDo: readonly number[];

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    const t = this.t;
    return html`
      <h1 tabindex="-1">${t('summary.heading')}</h1>
      <p class="result">${t(this.result.passed === null ? 'summary.notAssessed' : this.result.passed ? 'summary.passed' : 'summary.failed')}</p>
      ${this.result.percent === null ? null : html`<p>${t('summary.score', { percent: this.result.percent, passMark: this.passMark })}</p>`}
      ${Object.values(this.result.scenarios).some((s) => s.skipped) ? html`<p>${t('summary.skipped')}</p>` : null}
      <section aria-labelledby="what-to-do">
        <h2 id="what-to-do">${t('summary.whatToDo')}</h2>
        <ol>
          ${this.whatToDo.map((i) => html`<li>${t(`region:whatToDo.${i}`)}</li>`)}
        </ol>
      </section>
      <section aria-labelledby="whom-to-call">
        <h2 id="whom-to-call">${t('summary.whomToCall')}</h2>
        ${contactList(t, this.contacts)}
      </section>
      <section>
        <button class="primary" @click=${() => emit(this, 'menu-opened')}>${t('summary.toMenu')}</button>
      </section>
    `;
  }
}

customElements.define('course-summary', CourseSummary);
declare global {
  interface HTMLElementTagNameMap {
    'course-summary': CourseSummary;
  }
}
