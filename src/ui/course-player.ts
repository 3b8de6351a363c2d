import { LitElement, html } from 'lit';
import type { Actor } from 'xstate';
import type { CourseMachine } from '../engine/course-machine.ts';
import { currentAttempt, isInProgress, type CourseContext } from '../engine/events.ts';
import { factsOf, holds, variantIndex } from '../model/conditions.ts';
import { screenOf } from '../engine/screen.ts';
import { shownChoices } from '../engine/choice-order.ts';
import { courseReview, scenarioEntries } from '../engine/overview.ts';
import { courseResult, requiredScenarios, scenarioResult } from '../engine/scoring.ts';
import type { CourseSpec } from '../model/course.ts';
import { choiceOf, situation } from '../model/scenario.ts';
import { ActorController } from './actor-controller.ts';
import { playerStyles } from './course-player.styles.ts';
import './language-switch.ts';
import './scenario-list.ts';
import { emit, viewStyles, type FocusableView, type Translate } from './shared.ts';
import './start-screen.ts';
import './support-panel.ts';
import type { SupportPanel } from './support-panel.ts';
import type { Notice, PlayerMode, RecordedResult } from './player-input.ts';

/**
 * The Exit button's label and the text after leaving, per mode: only playing for the record
 * saves, and once the course is finished the next launch shows the result (a review, or the
 * attempt as it was) rather than "where you left off".
 */
const EXIT_TEXTS: Record<PlayerMode | 'finished', { button: string; heading: string; body: string }> = {
  play: { button: 'app.exit', heading: 'exit.heading', body: 'exit.body' },
  finished: { button: 'app.exitFinished', heading: 'exit.finishedHeading', body: 'exit.finishedBody' },
  review: { button: 'exit.closeReview', heading: 'exit.reviewClosedHeading', body: 'exit.reviewClosedBody' },
  practice: { button: 'practice.exit', heading: 'practice.exitedHeading', body: 'practice.exitedBody' },
};

/** What stands in for the screen until the learner decides: a content note, the skip question midway, a short version's text. */
interface Note {
  readonly scenarioId: string;
  readonly mode: 'note' | 'midway' | 'short';
}

/**
 * The whole player: header with "Need support?", language switch and Exit, notices, and the
 * current screen. It turns the views' events into machine events; everything it shows comes
 * from the actor, but for two asides that change nothing until the learner decides: what comes
 * before or instead of a scenario (its content note, the skip question, its short version's text)
 * and the support panel.
 * @fires course-exit - the learner asked to save and leave
 * @fires language-change - detail `{ lang }` (from the switch)
 */

export class CoursePlayer extends LitElement {
  static override styles = [viewStyles, playerStyles];
  static override properties = {
    t: { attribute: false },
    lang: {},
    languages: { attribute: false },
    course: { attribute: false },
    notices: { attribute: false },
    exited: { type: Boolean },
    mode: {},
    nothingKept: { type: Boolean },
    seed: {},
    recorded: { attribute: false },
    prepare: { attribute: false },
    note: { state: true },
    supportOpen: { state: true },
    loading: { state: true },
  };

  declare t: Translate;
  declare lang: string;
  declare languages: readonly string[];
  declare course: CourseSpec;
  declare notices: readonly Notice[];
  declare exited: boolean;
  declare mode: PlayerMode;
  /** The attempt's choice-order seed: each situation's choices in the order this attempt shows them. */
  declare seed: string;
  /** Review only: the LMS handed over nothing of the learner's work to show. */
  declare nothingKept: boolean;
  /** The result the LMS holds for the attempt, if it has one. */
  declare recorded: RecordedResult | null;
  /** Gets a scenario's content before it is opened; `false` if it could not be had. */
  declare prepare: (scenarioId: string) => Promise<boolean>;
  /** The content note (or, midway, the question before skipping; or the short version's text) shown instead of the screen. */
  declare note: Note | null;
  declare supportOpen: boolean;
  /** The scenario whose content `prepare` is fetching; other picks wait until it is in. */
  declare loading: string | null;
  readonly #controller = new ActorController<Actor<CourseMachine>>(this);

  constructor() {
    super();
    this.note = null;
    this.supportOpen = false;
    this.loading = null;
    this.mode = 'play';
    this.nothingKept = false;
    this.recorded = null;
    this.notices = [];
    this.exited = false;
    this.seed = '';
  }
  #shownScreen = '';

  /** The course actor to show; a new one replaces the one before. */
  set actor(actor: Actor<CourseMachine>) {
    this.#controller.actor = actor;
  }

  #send = (event: Parameters<Actor<CourseMachine>['send']>[0]) => () => this.#controller.actor?.send(event);

  /** Whether the course was complete at a snapshot, worked out once per snapshot (the header and the step-out bar both ask). */
  #completeAt: { snapshot: object; complete: boolean } | null = null;

  /** Which exit texts apply: playing a course already finished leads to its result next time, not back here. */
  get #exitTexts() {
    const snapshot = this.#controller.snapshot;
    if (this.mode !== 'play' || !snapshot) return EXIT_TEXTS[this.mode];
    if (this.#completeAt?.snapshot !== snapshot) {
      this.#completeAt = { snapshot, complete: courseResult(this.course, snapshot.context as CourseContext).completed };
    }
    return EXIT_TEXTS[this.#completeAt.complete ? 'finished' : 'play'];
  }

  override render() {
    return html`
      <header>
        <span class="brand">
          ${this.course.region.theme?.logo ? html`<img class="logo" src=${this.course.region.theme.logo} alt=${this.t('region:name')} />` : null}
          ${this.t('course:title')}
        </span>
        <div class="tools">
          ${this.exited
            ? null
            : html`<button class="support-open" aria-expanded=${this.supportOpen ? 'true' : 'false'} @click=${this.#toggleSupport}>
                ${this.t('support.button')}
              </button>`}
          <language-switch .t=${this.t} .languages=${this.languages} current=${this.lang}></language-switch>
          ${this.exited ? null : html`<button class="exit" @click=${() => emit(this, 'course-exit')}>${this.t(this.#exitTexts.button)}</button>`}
        </div>
      </header>
      <div role="status">
        ${this.notices.map((n) => html`<p class="notice">${this.t(n.key, n.params)}</p>`)}
      </div>
      ${this.supportOpen && !this.exited
        ? html`<aside class="support" aria-label=${this.t('support.heading')}>
            <support-panel
              .t=${this.t}
              .contacts=${this.course.region.contacts.filter((c) => c.support)}
              @support-closed=${this.#toggleSupport}
            ></support-panel>
          </aside>`
        : null}
      <main>${this.exited ? this.#exitedView() : this.mode === 'review' ? this.#reviewView() : this.note ? this.#noteView(this.note) : this.#screen()}</main>
    `;
  }

  #toggleSupport = async () => {
    this.supportOpen = !this.supportOpen;
    await this.updateComplete;
    if (this.supportOpen) {
      const panel = this.shadowRoot?.querySelector<SupportPanel>('support-panel');
      await panel?.updateComplete;
      panel?.focusHeading();
    } else {
      this.shadowRoot?.querySelector<HTMLElement>('.support-open')?.focus();
    }
  };

  #noteView(note: Note) {
    const { scenarioId } = note;
    const hasShort = this.course.scenarios.find((s) => s.id === scenarioId)?.alternative !== undefined;
    return html`<content-note
      .t=${this.t}
      .scenarioId=${scenarioId}
      .mode=${note.mode}
      .hasShort=${hasShort}
      @note-continue=${() => {
        this.note = null;
        if (note.mode !== 'midway') this.#controller.actor?.send({ type: 'scenario.selected', scenarioId });
      }}
      @note-short=${() => {
        // Midway, the attempt under way ends as skipped before the short version begins.
        if (note.mode === 'midway') this.#controller.actor?.send({ type: 'scenario.skipped', scenarioId });
        this.note = { scenarioId, mode: 'short' };
      }}
      @note-start-short=${() => {
        this.note = null;
        this.#controller.actor?.send({ type: 'scenario.alternative', scenarioId });
      }}
      @note-skip=${() => {
        this.note = null;
        this.#controller.actor?.send({ type: 'scenario.skipped', scenarioId });
      }}
      @note-back=${() => (this.note = null)}
    ></content-note>`;
  }

  /**
   * Pause (save and leave, to come back to this point) or skip, below a situation or its
   * feedback. Practice saves nothing, so there is no pause: leaving is the header's Exit.
   */
  #stepOut(scenarioId: string) {
    return html`<div class="step-out" role="group" aria-label=${this.t('stepOut.label')}>
      ${this.mode === 'practice' || this.#exitTexts === EXIT_TEXTS.finished
        ? null
        : html`<button data-action="pause" @click=${() => emit(this, 'course-exit')}>${this.t('stepOut.pause')}</button>`}
      <button data-action="skip" @click=${() => (this.note = { scenarioId, mode: 'midway' })}>${this.t('skip.confirm')}</button>
    </div>`;
  }

  #exitedView() {
    const texts = this.#exitTexts;
    return html`<h1 tabindex="-1">${this.t(texts.heading)}</h1>
      <p>${this.t(texts.body)}</p>`;
  }

  /** Review: what the saved progress holds, read-only; the actor is never sent an event. */
  #reviewView() {
    const snapshot = this.#controller.snapshot;
    if (!snapshot) return null;
    return html`<course-review
      .t=${this.t}
      .scenarios=${courseReview(this.course, snapshot.context as CourseContext)}
      .nothingKept=${this.nothingKept}
      .recorded=${this.recorded}
    ></course-review>`;
  }

  #screen() {
    const snapshot = this.#controller.snapshot;
    if (!snapshot) return null;
    const context = snapshot.context as CourseContext;
    const screen = screenOf(snapshot);
    const spec = 'scenarioId' in screen ? this.course.scenarios.find((s) => s.id === screen.scenarioId) : undefined;
    const facts = spec ? factsOf(spec, currentAttempt(context.progress[spec.id])?.decisions ?? []) : undefined;
    switch (screen.screen) {
      case 'intro':
        return html`<start-screen
          .t=${this.t}
          .intro=${this.course.intro}
          .minutes=${requiredScenarios(this.course).reduce((sum, s) => sum + s.estimatedMinutes, 0)}
          .contentNotes=${this.course.scenarios.filter((s) => s.hasContentNote).map((s) => s.id)}
          @course-start=${this.#send({ type: 'course.started' })}
        ></start-screen>`;
      case 'menu':
        return html`<scenario-list
          .t=${this.t}
          .entries=${scenarioEntries(this.course, context)}
          .loading=${this.loading}
          @scenario-selected=${(e: CustomEvent<{ scenarioId: string }>) => {
            const { scenarioId } = e.detail;
            if (this.loading) return;
            // The note comes before a new start; resuming a scenario under way goes straight back in;
            // a skipped scenario whose short version is due offers that first.
            const entry = scenarioEntries(this.course, context).find((e) => e.spec.id === scenarioId);
            const warn = entry?.spec.hasContentNote && !isInProgress(context.progress[scenarioId]);
            this.loading = scenarioId;
            void this.prepare(scenarioId).then((ready) => {
              this.loading = null;
              // The learner may have left while it loaded: then there is nothing to open.
              if (!ready || this.exited) return;
              if (entry?.shortDue) this.note = { scenarioId, mode: 'short' };
              else if (warn) this.note = { scenarioId, mode: 'note' };
              else this.#controller.actor?.send({ type: 'scenario.selected', scenarioId });
            });
          }}
          @summary-opened=${this.#send({ type: 'summary.opened' })}
        ></scenario-list>`;
      case 'situation': {
        const node = spec && facts ? situation(spec, screen.nodeId) : undefined;
        if (!node || !facts) return null;
        return html`<situation-view
          .t=${this.t}
          .scenarioId=${screen.scenarioId}
          .nodeId=${screen.nodeId}
          .question=${node.question === true}
          .variant=${variantIndex(node.variants, facts)}
          .choices=${shownChoices(this.seed, screen.scenarioId, node, (c) => holds(c.when, facts))}
          @choice-selected=${(e: CustomEvent<{ choiceId: string }>) =>
            this.#controller.actor?.send({ type: 'choice.selected', choiceId: e.detail.choiceId })}
        ></situation-view>
        ${this.#stepOut(screen.scenarioId)}`;
      }
      case 'feedback':
        return spec
          ? html`<feedback-view
              .t=${this.t}
              .scenarioId=${screen.scenarioId}
              .nodeId=${screen.nodeId}
              .question=${situation(spec, screen.nodeId).question === true}
              .choice=${choiceOf(spec, screen.nodeId, screen.choiceId)}
              @feedback-continue=${this.#send({ type: 'feedback.continued' })}
            ></feedback-view>
            ${this.#stepOut(screen.scenarioId)}`
          : null;
      case 'ending': {
        const ending = spec?.nodes[screen.endingId];
        if (!spec || !facts || ending?.kind !== 'ending') return null;
        const attempt = currentAttempt(context.progress[spec.id]);
        const result = scenarioResult(spec, attempt ? { attempts: [attempt] } : undefined, this.course.passMark);
        return html`<ending-view
          .t=${this.t}
          .scenarioId=${spec.id}
          .endingId=${ending.id}
          .outcome=${ending.outcome}
          .variant=${variantIndex(ending.variants, facts)}
          .takeaways=${ending.takeaways}
          .score=${result.score}
          .max=${result.max}
          @ending-continue=${this.#send({ type: 'ending.continued' })}
        ></ending-view>`;
      }
      case 'summary':
        return html`<course-summary
          .t=${this.t}
          .result=${courseResult(this.course, context)}
          .passMark=${this.course.passMark}
          .contacts=${this.course.region.contacts}
          .whatToDo=${this.course.region.whatToDo}
          @menu-opened=${this.#send({ type: 'menu.opened' })}
        ></course-summary>`;
    }
  }

  /** After each step, focus the new screen's heading so keyboard and screen-reader users follow. */
  protected override async updated(): Promise<void> {
    const snapshot = this.#controller.snapshot;
    const key = this.exited ? 'exited' : snapshot ? JSON.stringify([snapshot.value, this.note]) : '';
    if (key === this.#shownScreen) return;
    const first = this.#shownScreen === '';
    this.#shownScreen = key;
    if (first) return;
    if (this.exited) {
      this.shadowRoot?.querySelector<HTMLElement>('main h1')?.focus();
      return;
    }
    const view = this.shadowRoot?.querySelector('main > *') as (FocusableView & LitElement) | null;
    // A view from the later chunk may still be on its way (it is fetched before it is needed, but
    // a heading can only be focused once its element is defined).
    if (view) await customElements.whenDefined(view.localName);
    await view?.updateComplete;
    view?.focusHeading();
  }
}

customElements.define('course-player', CoursePlayer);
declare global {
  interface HTMLElementTagNameMap {
    'course-player': CoursePlayer;
  }
}
