import { LitElement, css, html } from 'lit';
import { listProgress, type ScenarioEntry } from '../engine/overview.ts';
import { emit, focusHeading, viewStyles, type FocusableView, type Translate } from './shared.ts';

/** A scenario's state and outcome in words, as the list and review show it. */
export function stateText(t: Translate, entry: ScenarioEntry): string {
  if (entry.inProgress) return t('menu.state.inProgress');
  if (entry.shortDue) return t('menu.state.shortDue');
  if (entry.result.skipped) return t('menu.state.skipped');
  if (entry.result.finished && entry.result.shortVersion) return t('menu.state.shortDone');
  if (entry.result.finished) return t('menu.state.finished', { outcome: t(`menu.outcome.${entry.result.outcome}`) });
  return t('menu.state.notStarted');
}

/**
 * The scenarios of the course with each one's state, and overall progress.
 * @fires scenario-selected - detail `{ scenarioId }`
 * @fires summary-opened - every scenario is finished and the learner wants the summary
 */
export class ScenarioList extends LitElement implements FocusableView {
  static override styles = [
    viewStyles,
    css`
      .scenarios li {
        border: 1px solid var(--color-border);
        border-radius: var(--radius);
        background: var(--color-surface);
        padding: var(--space-4);
        margin-bottom: var(--space-3);
      }
      h2,
      h3 {
        margin-bottom: var(--space-1);
      }
      .optional {
        margin-top: var(--space-5);
      }
      .tag {
        color: var(--color-text);
      }
      .state {
        font-weight: 600;
        color: var(--color-muted);
      }
      progress {
        width: 100%;
        height: 0.75rem;
        accent-color: var(--color-primary);
        margin-bottom: var(--space-5);
      }
    `,
  ];
  static override properties = {
    t: { attribute: false },
    entries: { attribute: false },
    loading: { attribute: false },
  };

  declare t: Translate;
  declare entries: readonly ScenarioEntry[];
  /** The scenario whose content is on its way (on a slow connection it can take seconds), or null. */
  declare loading: string | null;

  constructor() {
    super();
    this.loading = null;
  }

  focusHeading(): void {
    focusHeading(this);
  }

  #action(entry: ScenarioEntry): string {
    return this.t(entry.inProgress ? 'menu.resume' : entry.shortDue ? 'menu.short' : entry.result.finished ? 'menu.replay' : 'menu.start');
  }

  /** A scenario's summary arrives with the scenarios' structure, just after the first screen: until then, none. */
  #summary(scenarioId: string) {
    const summary = this.t(`scenario.${scenarioId}:summary`, { defaultValue: '' });
    return summary ? html`<p>${summary}</p>` : null;
  }

  /** One scenario; those in the optional section sit a heading level below it. */
  #entry(e: ScenarioEntry) {
    const title = this.t(`scenario.${e.spec.id}:title`);
    return html`<li>
      ${e.optional ? html`<h3>${title}</h3>` : html`<h2>${title}</h2>`}
      ${this.#summary(e.spec.id)}
      <p class="state">
        ${e.optional ? html`<span class="tag">${this.t('menu.optionalTag')}</span> · ` : null}${stateText(this.t, e)} ·
        ${this.t('menu.minutes', { count: e.spec.estimatedMinutes })}
      </p>
      <button
        class=${e.result.finished && !e.inProgress ? 'secondary' : 'primary'}
        data-scenario=${e.spec.id}
        aria-busy=${this.loading === e.spec.id ? 'true' : 'false'}
        aria-label=${`${this.loading === e.spec.id ? this.t('menu.loading') : this.#action(e)}: ${title}`}
        @click=${() => emit(this, 'scenario-selected', { scenarioId: e.spec.id })}
      >
        ${this.loading === e.spec.id ? this.t('menu.loading') : this.#action(e)}
      </button>
    </li>`;
  }

  override render() {
    const { done, total, minutesLeft } = listProgress(this.entries);
    const optional = this.entries.filter((e) => e.optional);
    return html`
      <h1 tabindex="-1">${this.t('menu.heading')}</h1>
      <p id="progress-label">${this.t('menu.progress', { done, count: total })} ${done < total ? this.t('menu.timeLeft', { count: minutesLeft }) : ''}</p>
      <progress max=${total} value=${done} aria-labelledby="progress-label"></progress>
      <ul class="plain scenarios">
        ${this.entries.filter((e) => !e.optional).map((e) => this.#entry(e))}
      </ul>
      ${optional.length > 0
        ? html`<section class="optional" aria-labelledby="optional-heading">
            <h2 id="optional-heading">${this.t('menu.optionalHeading')}</h2>
            <p>${this.t('menu.optionalIntro')}</p>
            <ul class="plain scenarios">
              ${optional.map((e) => this.#entry(e))}
            </ul>
          </section>`
        : null}
      <p role="status" class="visually-hidden">${this.loading ? this.t('menu.loading') : ''}</p>
      ${done === total ? html`<button class="primary" @click=${() => emit(this, 'summary-opened')}>${this.t('menu.toSummary')}</button>` : null}
    `;
  }
}

customElements.define('scenario-list', ScenarioList);
declare global {
  interface HTMLElementTagNameMap {
    'scenario-list': ScenarioList;
  }
}
