import { LitElement, css, html } from 'lit';
import { listProgress, type ReviewedAttempt, type ReviewedDecision, type ScenarioReview } from '../engine/overview.ts';
import { stateText } from './scenario-list.ts';
import type { RecordedResult } from './player-input.ts';
import { focusHeading, paragraphs, qualityStyles, viewStyles, type FocusableView, type Translate } from './shared.ts';

/**
 * Review mode (the LMS launched the course in review or browse mode): the scenarios with their
 * state and outcome, and for each one played its path, read-only. Nothing here can be
 * clicked, so nothing can change what the LMS recorded.
 */
export class CourseReview extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    qualityStyles,
    css`
      .scenarios > li {
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        background: var(--color-surface);
        padding: var(--space-4);
        margin-bottom: var(--space-4);
      }
      h2 {
        margin-bottom: var(--space-1);
      }
      h3 {
        font-size: 1.0625rem;
        margin-top: var(--space-4);
      }
      .state {
        font-weight: 600;
        color: var(--color-muted);
      }
      .decisions {
        padding-left: var(--space-5);
        margin: 0;
      }
      .decisions > li + li {
        margin-top: var(--space-4);
        padding-top: var(--space-4);
        border-top: 1px solid var(--color-border);
      }
      .situation {
        font-weight: 600;
      }
      blockquote {
        margin: 0 0 var(--space-3);
        padding-left: var(--space-4);
        border-left: 4px solid var(--color-border);
      }
      .verdict {
        font-weight: 700;
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    scenarios: { attribute: false },
    nothingKept: { type: Boolean },
    recorded: { attribute: false },
  };

  declare t: Translate;
  declare scenarios: readonly ScenarioReview[];
  /** The LMS handed over nothing of the learner's work: say so, rather than list every scenario as not started. */
  declare nothingKept: boolean;
  /** The result the LMS holds, if any: still worth showing when nothing else is. */
  declare recorded: RecordedResult | null;

  constructor() {
    super();
    this.nothingKept = false;
    this.recorded = null;
  }

  focusHeading(): void {
    focusHeading(this);
  }

  override render() {
    if (this.nothingKept) {
      const r = this.recorded;
      return html`
        <h1 tabindex="-1">${this.t('review.heading')}</h1>
        <p>${this.t('review.nothingKept')}</p>
        ${r ? html`<p class="state">${this.t(r.passed === null ? 'review.recordedCompleted' : r.passed ? 'review.recordedPassed' : 'review.recordedFailed')}</p>` : null}
        ${r?.score != null ? html`<p>${this.t('review.recordedScore', { percent: r.score })}</p>` : null}
      `;
    }
    const { done, total } = listProgress(this.scenarios);
    return html`
      <h1 tabindex="-1">${this.t('review.heading')}</h1>
      <p>${this.t('menu.progress', { done, count: total })}</p>
      <ul class="plain scenarios">
        ${this.scenarios.map((s) => this.#scenario(s))}
      </ul>
    `;
  }

  #scenario(s: ScenarioReview) {
    const ns = `scenario.${s.spec.id}`;
    const several = s.attempts.length > 1;
    return html`<li data-scenario=${s.spec.id}>
      <h2>${this.t(`${ns}:title`)}</h2>
      <p class="state">${stateText(this.t, s)}</p>
      ${s.attempts.length === 0 ? html`<p>${this.t('review.notPlayed')}</p>` : s.attempts.map((a, i) => this.#attempt(s.spec.id, a, several ? i + 1 : 0))}
    </li>`;
  }

  /** `number` is 0 when the scenario was played once and needs no numbering. */
  #attempt(scenarioId: string, attempt: ReviewedAttempt, number: number) {
    const ns = `scenario.${scenarioId}`;
    const heading = attempt.shortVersion
      ? this.t('review.shortVersion')
      : number === 0
        ? this.t('review.decisions')
        : this.t(attempt.counted ? 'review.attemptCounted' : 'review.attempt', { number });
    const ending = attempt.ending;
    return html`<section class="attempt">
      <h3>${heading}</h3>
      <ol class="decisions">
        ${attempt.decisions.map((d) => this.#decision(scenarioId, d))}
      </ol>
      ${ending
        ? html`<h3>${this.t('review.ending', { title: this.t(`${ns}:nodes.${ending.endingId}.title`) })}</h3>
            <p class="verdict">${this.t(`ending.outcome.${ending.outcome}`)}</p>
            ${paragraphs(this.t(ending.variant >= 0 ? `${ns}:nodes.${ending.endingId}.variants.${ending.variant}.text` : `${ns}:nodes.${ending.endingId}.text`))}
            <p>${this.t('ending.score', { score: ending.score, max: ending.max })}</p>`
        : html`<p>${this.t('review.unfinished')}</p>`}
    </section>`;
  }

  #decision(scenarioId: string, d: ReviewedDecision) {
    const node = `scenario.${scenarioId}:nodes.${d.nodeId}`;
    const choice = `${node}.${d.question ? 'options' : 'choices'}.${d.choiceId}`;
    // The trainer's short label names the situation where there is one; otherwise its text.
    const label = this.t(`${node}.label`, { defaultValue: '' });
    const situation = label || this.t(d.variant >= 0 ? `${node}.variants.${d.variant}.text` : `${node}.text`);
    const verdict = d.question ? (d.quality === 'good' ? 'feedback.correct' : 'feedback.incorrect') : `feedback.quality.${d.quality}`;
    return html`<li data-node=${d.nodeId}>
      ${label ? html`<p class="situation">${situation}</p>` : html`<div class="situation">${paragraphs(situation)}</div>`}
      <p>${this.t('feedback.youChose')}</p>
      <blockquote data-choice=${d.choiceId}>${this.t(`${choice}.text`)}</blockquote>
      <p class="verdict ${d.quality}">${this.t(verdict)}</p>
      ${paragraphs(this.t(`${choice}.feedback`))}
    </li>`;
  }
}

customElements.define('course-review', CourseReview);
declare global {
  interface HTMLElementTagNameMap {
    'course-review': CourseReview;
  }
}
