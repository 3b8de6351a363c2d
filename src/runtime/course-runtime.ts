import { createActor, type Actor } from 'xstate';
import { createCourseMachine, type CourseMachine } from '../engine/course-machine.ts';
import type { CourseContext, CourseEvent } from '../engine/events.ts';
import { decodeProgress, type DecodeResult } from '../engine/progress-codec.ts';
import { replayProgress } from '../engine/progress.ts';
import { newSeed } from '../engine/choice-order.ts';
import { screenOf } from '../engine/screen.ts';
import { recordsWork, type LaunchData, type LmsPort } from '../lms/port.ts';
import { Session } from '../lms/session.ts';
import { Tracker, type TrackerOptions } from '../lms/tracker.ts';
import type { CourseSpec } from '../model/course.ts';
import type { Notice, PlayerMode } from '../ui/player-input.ts';
import { Notices } from './notices.ts';

export type CourseActor = Actor<CourseMachine>;
type PersistedSnapshot = ReturnType<CourseActor['getPersistedSnapshot']>;

/** What the runtime asks of the page: the player, as far as the course's life cycle is concerned. */
export interface RuntimeView {
  /** Shows this course, driven by this actor; called again whenever either is replaced. */
  show(course: CourseSpec, actor: CourseActor): void;
  /** The notices to show have changed. */
  notices(notices: readonly Notice[]): void;
}

export interface RuntimeOptions {
  /** The course as the first screen knows it: the list, without any scenario's nodes. */
  readonly frame: CourseSpec;
  readonly port: LmsPort;
  /** Notices from connecting (no LMS found, or it failed). */
  readonly notices?: readonly Notice[];
  readonly view: RuntimeView;
  /** The whole course (every scenario's nodes) and what shows it, fetched as a chunk of their own. */
  readonly loadWhole: () => Promise<CourseSpec>;
  /** A scenario's texts, in the languages the learner needs now. */
  readonly loadScenario: (scenarioId: string) => Promise<unknown>;
  /** Waits until the learner asks to try again, after what a resumed course needs could not be had. */
  readonly askToRetry: () => Promise<void>;
  /** Load the whole course before the first screen (the dev tools draw every scenario). */
  readonly eager?: boolean;
  readonly describe: TrackerOptions['describe'];
  readonly scenarioTitle: TrackerOptions['scenarioTitle'];
  readonly now: () => number;
  readonly defer?: TrackerOptions['defer'];
  /** The page: hiding it saves, leaving it ends the session. Absent in tests. */
  readonly win?: Window;
  /** Draws a new attempt's choice-order seed (tests fix it). */
  readonly newSeed?: () => string;
}

/**
 * The course's life cycle in the browser, apart from the DOM: reads the launch, rebuilds the
 * learner's progress (from suspend data, or from the interactions the LMS kept), replays it into
 * the course machine, and keeps one tracker on the actor that is shown. Replacing the actor (the
 * whole course taking over from the first screen's frame, the dev tools jumping to a node) goes
 * through one method, and notices through one list.
 */
export class CourseRuntime {
  readonly launch: LaunchData;
  readonly mode: PlayerMode;
  readonly session: Session;
  readonly notices: Notices;
  /** The order the attempt shows choices in: kept in its progress log, drawn anew for a new attempt. */
  seed: string;
  readonly #o: RuntimeOptions;
  #course: CourseSpec;
  #actor: CourseActor | null = null;
  #tracker: Tracker | null = null;
  #whole: Promise<CourseSpec> | null = null;
  #nothingKept = false;

  constructor(options: RuntimeOptions) {
    this.#o = options;
    this.#course = options.frame;
    this.seed = (options.newSeed ?? newSeed)();
    this.launch = options.port.launchData();
    const { launch } = this;
    this.mode = launch.mode !== 'normal' ? 'review' : launch.credit === 'no-credit' ? 'practice' : 'play';
    this.notices = new Notices(options.notices ?? [], (list) => options.view.notices(list));
    this.session = new Session({
      port: options.port,
      ...(options.win ? { win: options.win } : {}),
      now: options.now,
      finished: () => this.#tracker?.completed ?? launch.completed,
      records: recordsWork(launch),
      resumed: launch.entry === 'resume',
      onCommit: (ok) => this.notices.toggle('notice.saveFailed', !ok),
      beforeSave: () => this.#tracker?.flush(),
    });
    // Listening from the start: a learner who leaves while the course is still starting ends the session too.
    this.session.listen();
  }

  get course(): CourseSpec {
    return this.#course;
  }

  get actor(): CourseActor | null {
    return this.#actor;
  }

  /**
   * Whether the LMS handed over nothing of the learner's work although it should show some: a
   * review launch, or a finished attempt, with neither suspend data nor interactions to rebuild it
   * from. The review then says so instead of listing every scenario as not started.
   */
  get nothingKept(): boolean {
    return this.#nothingKept;
  }

  /** Everything before the first screen. May be called again after it threw. */
  async start(): Promise<void> {
    const { launch, mode } = this;
    const saved = await this.#saved();
    const hasProgress = saved.ok && (saved.progress.scenarios.length > 0 || saved.progress.skipped.length > 0);
    const course = this.#o.eager || hasProgress || mode === 'review' ? await this.#needed(() => this.#loadWhole()) : this.#o.frame;
    const actor = createActor(createCourseMachine(course)).start();
    if (saved.ok && saved.progress.seed) this.seed = saved.progress.seed;
    if (saved.ok) {
      const { restarted } = replayProgress(actor, course, saved.progress);
      // An LMS cut the log short: say so once. Otherwise, only scenarios the course has can be
      // named; a damaged or foreign id just starts nothing.
      if (saved.truncated) this.notices.add('notice.truncated');
      else for (const id of restarted.filter((r) => course.scenarios.some((s) => s.id === r))) this.notices.add('notice.restarted', { id });
    } else if (saved.reason !== 'empty') {
      this.notices.add('notice.unreadable');
    }
    this.#nothingKept = !hasProgress && (mode === 'review' || launch.completed);
    if (this.#nothingKept && mode !== 'review') this.notices.add('notice.nothingKept');
    if (mode !== 'play') this.notices.add(mode === 'review' ? 'notice.review' : 'notice.practice');
    await this.#needed(() => Promise.all(this.openScenarios(actor).map((id) => this.#o.loadScenario(id))));
    this.#actor?.stop();
    this.#install(course, actor, false);
  }

  /** The saved decision log, or one rebuilt from the interactions the LMS kept when there is none. */
  async #saved(): Promise<DecodeResult> {
    const saved = decodeProgress(this.launch.suspendData);
    if (saved.ok || saved.reason !== 'empty') return saved;
    const kept = this.#o.port.storedDecisions();
    if (kept.length === 0) return saved;
    // Rare (a launch without suspend data whose LMS kept interactions): fetched only then, not in the first script.
    const [course, { progressFromDecisions }] = await this.#needed(() => Promise.all([this.#loadWhole(), import('../engine/rebuild.ts')]));
    const progress = progressFromDecisions(course, kept);
    return progress ? { ok: true, progress } : saved;
  }

  /** The scenarios whose texts the screen needs: every one played in review, else the one in play. */
  openScenarios(actor: CourseActor | null = this.#actor): string[] {
    if (!actor) return [];
    if (this.mode === 'review') return Object.keys((actor.getSnapshot().context as CourseContext).progress);
    const screen = screenOf(actor.getSnapshot());
    return 'scenarioId' in screen ? [screen.scenarioId] : [];
  }

  /**
   * The one way to replace the actor: what the old one did is written first, then a new actor
   * starts from a snapshot (the whole course taking over where the frame is, so the tracker only
   * continues) or from a fresh course sent these events (saved as if the learner had got there).
   */
  replaceActor(course: CourseSpec, from: { readonly snapshot: PersistedSnapshot } | { readonly events: readonly CourseEvent[] }): void {
    this.#tracker?.flush();
    this.#actor?.stop();
    const machine = createCourseMachine(course);
    const actor = ('snapshot' in from ? createActor(machine, { snapshot: from.snapshot }) : createActor(machine)).start();
    if ('events' in from) {
      for (const event of from.events) actor.send(event);
      // A scenario said to have started over has been taken to a node on purpose instead.
      this.notices.remove('notice.restarted');
    }
    this.#install(course, actor, 'snapshot' in from);
    if ('events' in from) this.#o.port.commit();
  }

  /** Gets what a scenario needs before it opens; false (with a notice) if it could not be had. */
  prepare(scenarioId: string): Promise<boolean> {
    return Promise.all([this.#loadWhole().then((whole) => this.#upgrade(whole)), this.#o.loadScenario(scenarioId)]).then(
      () => {
        this.notices.remove('notice.loadFailed');
        return true;
      },
      () => {
        this.notices.add('notice.loadFailed');
        return false;
      },
    );
  }

  /** Everything the course may still need, so it goes on working offline. */
  prefetch(): Promise<unknown> {
    return this.#loadWhole();
  }

  /** The learner leaves: save and terminate. */
  exit(): void {
    this.session.end();
  }

  #install(course: CourseSpec, actor: CourseActor, takingOver: boolean): void {
    this.#course = course;
    this.#actor = actor;
    this.#tracker = new Tracker({
      course,
      port: this.#o.port,
      // A tracker taking over from another says nothing the first has said ("incomplete" at the start).
      launch: takingOver ? { ...this.launch, entry: 'resume' } : this.launch,
      describe: this.#o.describe,
      scenarioTitle: this.#o.scenarioTitle,
      now: this.#o.now,
      seed: this.seed,
      onCommit: (ok) => this.notices.toggle('notice.saveFailed', !ok),
      onProgress: (accepted) => this.notices.toggle('notice.progressRefused', !accepted),
      ...(this.#o.defer ? { defer: this.#o.defer } : {}),
    });
    this.#tracker.attach(actor);
    this.#o.view.show(course, actor);
  }

  /** The whole course's machine takes over where the frame's is (the intro or the list). */
  #upgrade(whole: CourseSpec): void {
    // Once the learner has left, a fetch that ends late changes nothing.
    if (this.#course !== this.#o.frame || this.session.ended || !this.#actor) return;
    this.replaceActor(whole, { snapshot: this.#actor.getPersistedSnapshot() });
  }

  #loadWhole(): Promise<CourseSpec> {
    return (this.#whole ??= this.#o.loadWhole().catch((error: unknown) => {
      this.#whole = null;
      throw error;
    }));
  }

  /** What a resumed or reviewed course needs before its first screen: asked for until it comes. */
  async #needed<T>(load: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await load();
      } catch {
        await this.#o.askToRetry();
      }
    }
  }
}
