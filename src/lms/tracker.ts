import type { Actor } from 'xstate';
import type { CourseMachine } from '../engine/course-machine.ts';
import type { CourseContext } from '../engine/events.ts';
import { encodeProgress } from '../engine/progress-codec.ts';
import { progressOf } from '../engine/progress.ts';
import { screenOf } from '../engine/screen.ts';
import { courseResult } from '../engine/scoring.ts';
import type { CourseSpec } from '../model/course.ts';
import { choiceOf, situation } from '../model/scenario.ts';
import type { LaunchData, LmsPort } from './port.ts';

export type Milestone = 'decision' | 'ending' | 'status';

export interface TrackerOptions {
  readonly course: CourseSpec;
  readonly port: LmsPort;
  readonly launch: LaunchData;
  /** Text describing a decision point for LMS reports (the situation, in the source language). */
  readonly describe: (scenarioId: string, nodeId: string) => string;
  readonly scenarioTitle: (scenarioId: string) => string;
  readonly now: () => number;
  /** Which milestones commit. Commit policy is configuration, not code. */
  readonly commitOn?: ReadonlySet<Milestone>;
  /** Told after every commit, so the player can warn when progress may not be saved. */
  readonly onCommit?: (ok: boolean) => void;
}

const ALL_MILESTONES: ReadonlySet<Milestone> = new Set(['decision', 'ending', 'status']);

/**
 * Writes what happens in the course to the LMS: one interaction per decision, one
 * objective per scenario, status and score, and the decision log as suspend data. It
 * reads only snapshots, so replayed progress (already in the LMS) is taken as its baseline.
 */
export class Tracker {
  readonly #o: TrackerOptions;
  readonly #writes: boolean;
  readonly #recordsResult: boolean;
  #decisions = new Map<string, number>();
  #endings = new Set<string>();
  #completed: boolean;
  #shownAt = { key: '', at: 0 };
  #lastProgress: string;

  constructor(options: TrackerOptions) {
    this.#o = options;
    // Review and browse launches show earlier work and must leave the record untouched.
    this.#writes = options.launch.mode === 'normal';
    this.#recordsResult = this.#writes && options.launch.credit === 'credit';
    this.#completed = options.launch.completed;
    this.#lastProgress = options.launch.suspendData;
  }

  /** Starts tracking an actor whose saved progress has already been replayed. */
  attach(actor: Actor<CourseMachine>): void {
    const context = actor.getSnapshot().context as CourseContext;
    for (const [id, progress] of Object.entries(context.progress)) {
      this.#decisions.set(id, progress.decisions.length);
      if (progress.endingId) this.#endings.add(id);
    }
    this.#completed ||= courseResult(this.#o.course, context).completed;
    // A first launch says "incomplete" at once, so the LMS shows the course as begun.
    const starting = this.#recordsResult && !this.#completed && this.#o.launch.entry !== 'resume';
    if (starting) this.#o.port.setStatus({ completed: false, passed: null, score: null });
    this.#observe(actor.getSnapshot(), starting ? ['status'] : []);
    actor.subscribe((snapshot) => this.#observe(snapshot));
  }

  #observe(snapshot: ReturnType<Actor<CourseMachine>['getSnapshot']>, initial: Milestone[] = []): void {
    const screen = screenOf(snapshot);
    const now = this.#o.now();
    const key = screen.screen === 'situation' ? `${screen.scenarioId}.${screen.nodeId}` : '';
    // Latency runs from when the decided situation appeared, so read it before moving on.
    const shown = this.#shownAt;
    if (key !== shown.key) this.#shownAt = { key, at: now };
    if (!this.#writes) return;

    const milestones = new Set<Milestone>(initial);
    const context = snapshot.context as CourseContext;
    const result = courseResult(this.#o.course, context);
    for (const spec of this.#o.course.scenarios) {
      const progress = context.progress[spec.id];
      if (!progress) continue;
      const known = this.#decisions.get(spec.id);
      if (known === undefined) {
        this.#objective(spec.id, false);
      }
      for (const decision of progress.decisions.slice(known ?? 0)) {
        const choice = choiceOf(spec, decision.nodeId, decision.choiceId);
        const best = situation(spec, decision.nodeId).choices.reduce((a, b) => (b.points > a.points ? b : a));
        this.#o.port.recordDecision({
          id: `${spec.id}.${decision.nodeId}`,
          objectiveId: spec.id,
          response: choice.id,
          quality: choice.quality,
          correctResponse: best.id,
          latencyMs: shown.key === `${spec.id}.${decision.nodeId}` ? now - shown.at : 0,
          at: new Date(now),
          description: this.#o.describe(spec.id, decision.nodeId),
        });
        milestones.add('decision');
      }
      this.#decisions.set(spec.id, progress.decisions.length);
      if (progress.endingId && !this.#endings.has(spec.id)) {
        this.#endings.add(spec.id);
        this.#objective(spec.id, true, result.scenarios[spec.id]);
        milestones.add('ending');
      }
    }
    if (result.completed && !this.#completed) {
      this.#completed = true;
      if (this.#recordsResult) this.#o.port.setStatus({ completed: true, passed: result.passed, score: result.percent });
      milestones.add('status');
    }

    const progressText = encodeProgress(progressOf(this.#o.course, snapshot));
    if (progressText !== this.#lastProgress) {
      this.#lastProgress = progressText;
      const location = 'nodeId' in screen ? `${screen.scenarioId}.${screen.nodeId}` : screen.screen;
      this.#o.port.setProgress(progressText, location);
    }
    const commitOn = this.#o.commitOn ?? ALL_MILESTONES;
    if ([...milestones].some((m) => commitOn.has(m))) {
      const ok = this.#o.port.commit();
      this.#o.onCommit?.(ok);
    }
  }

  #objective(id: string, finished: boolean, result?: { passed: boolean; percent: number }): void {
    this.#o.port.setObjective({
      id,
      description: this.#o.scenarioTitle(id),
      completed: finished,
      passed: finished && this.#recordsResult ? (result?.passed ?? null) : null,
      score: finished && this.#recordsResult ? (result?.percent ?? null) : null,
    });
  }

  /** Whether the course is finished, for the exit value at the end of the session. */
  get completed(): boolean {
    return this.#completed;
  }
}
