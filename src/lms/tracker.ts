import type { Actor } from 'xstate';
import type { CourseMachine } from '../engine/course-machine.ts';
import { isSkipped, type CourseContext, type Decision } from '../engine/events.ts';
import { encodeProgress } from '../engine/progress-codec.ts';
import { progressOf } from '../engine/progress.ts';
import { screenOf } from '../engine/screen.ts';
import { courseResult } from '../engine/scoring.ts';
import type { CourseSpec } from '../model/course.ts';
import { choiceOf, situation, type ScenarioSpec } from '../model/scenario.ts';
import { recordsWork, type DecisionRecord, type LaunchData, type LmsPort } from './port.ts';

export type Milestone = 'decision' | 'ending' | 'status';

export interface TrackerOptions {
  readonly course: CourseSpec;
  readonly port: LmsPort;
  readonly launch: LaunchData;
  /** Text describing a decision point for LMS reports (the situation, in the source language). */
  readonly describe: (scenarioId: string, nodeId: string) => string;
  readonly scenarioTitle: (scenarioId: string) => string;
  readonly now: () => number;
  /** The attempt's choice-order seed, kept in the progress log so the order survives a resume. */
  readonly seed?: string;
  /** Which milestones commit. Commit policy is configuration, not code. */
  readonly commitOn?: ReadonlySet<Milestone>;
  /** Told after every commit, so the player can warn when progress may not be saved. */
  readonly onCommit?: (ok: boolean) => void;
  /**
   * Told whether the LMS took the decision log (suspend data) each time it changes. When it does
   * not (too long, or refused), the LMS keeps the last log it took, and the learner should know
   * that resuming may lose what came after.
   */
  readonly onProgress?: (accepted: boolean) => void;
  /**
   * When to write what a step changed: given the writing, runs it later (the player runs it
   * once the next screen has painted). Without it, writes happen at once, inside the step.
   */
  readonly defer?: (write: () => void) => void;
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
  /** Per `<scenario>#<attempt>`: decisions already reported. */
  #decisions = new Map<string, number>();
  /** Attempts whose ending is reported, scenarios whose objective exists, and scenarios reported as skipped. */
  #endings = new Set<string>();
  #started = new Set<string>();
  #skipped = new Set<string>();
  #completed: boolean;
  /** The last course status written, so replays update it and never downgrade a pass. */
  #status: { passed: boolean | null; percent: number | null } | null = null;
  #shownAt = { key: '', at: 0 };
  #lastProgress: string;
  /** Snapshots not yet written, each with the time it happened. */
  #pending: { snapshot: ReturnType<Actor<CourseMachine>['getSnapshot']>; now: number }[] = [];
  /** Whether a deferred flush is due. */
  #due = false;

  constructor(options: TrackerOptions) {
    this.#o = options;
    // Review, browse and no-credit launches leave the record untouched (see recordsWork).
    this.#writes = recordsWork(options.launch);
    this.#completed = options.launch.completed;
    this.#lastProgress = options.launch.suspendData;
  }

  /** Starts tracking an actor whose saved progress has already been replayed. */
  attach(actor: Actor<CourseMachine>): void {
    const context = actor.getSnapshot().context as CourseContext;
    for (const [id, progress] of Object.entries(context.progress)) {
      this.#started.add(id);
      progress.attempts.forEach((attempt, n) => {
        this.#decisions.set(`${id}#${n}`, attempt.decisions.length);
        if (attempt.endingId) this.#endings.add(`${id}#${n}`);
      });
      if (isSkipped(progress)) this.#skipped.add(id);
    }
    const result = courseResult(this.#o.course, context);
    this.#completed ||= result.completed;
    if (result.completed) this.#status = { passed: result.passed, percent: result.percent };
    // A first launch says "incomplete" at once, so the LMS shows the course as begun.
    const starting = this.#writes && !this.#completed && this.#o.launch.entry !== 'resume';
    if (starting) this.#o.port.setStatus({ completed: false, passed: null, score: null });
    this.#observe(actor.getSnapshot(), this.#o.now(), starting ? ['status'] : []);
    actor.subscribe((snapshot) => {
      this.#pending.push({ snapshot, now: this.#o.now() });
      if (!this.#o.defer) return this.flush();
      if (this.#due) return;
      this.#due = true;
      this.#o.defer(() => this.flush());
    });
  }

  /**
   * Writes every step not written yet, in order, as it was when it happened (times included).
   * The session calls it before it saves or ends, so nothing waits past the page.
   */
  flush(): void {
    this.#due = false;
    for (let next = this.#pending.shift(); next; next = this.#pending.shift()) this.#observe(next.snapshot, next.now);
  }

  #observe(snapshot: ReturnType<Actor<CourseMachine>['getSnapshot']>, now: number, initial: Milestone[] = []): void {
    const screen = screenOf(snapshot);
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
      if (!this.#started.has(spec.id)) {
        this.#started.add(spec.id);
        // Skipped at its content note: the skip below writes the objective.
        if (!isSkipped(progress)) this.#objective(spec.id, false);
      }
      progress.attempts.forEach((attempt, n) => {
        const key = `${spec.id}#${n}`;
        for (const decision of attempt.decisions.slice(this.#decisions.get(key) ?? 0)) {
          this.#o.port.recordDecision(this.#decisionRecord(spec, decision, shown, now));
          milestones.add('decision');
        }
        this.#decisions.set(key, attempt.decisions.length);
        if (attempt.endingId && !this.#endings.has(key)) {
          this.#endings.add(key);
          this.#objective(spec.id, true, result.scenarios[spec.id]);
          milestones.add('ending');
        }
      });
      if (isSkipped(progress) && !this.#skipped.has(spec.id)) {
        this.#skipped.add(spec.id);
        this.#objective(spec.id, true);
        milestones.add('ending');
      }
    }
    if (result.completed && this.#statusChanged(result)) {
      this.#o.port.setStatus({ completed: true, passed: result.passed, score: result.percent });
      milestones.add('status');
    }
    this.#completed ||= result.completed;

    const progressText = encodeProgress({ ...progressOf(this.#o.course, snapshot), ...(this.#o.seed ? { seed: this.#o.seed } : {}) });
    if (progressText !== this.#lastProgress) {
      const location = 'nodeId' in screen ? `${screen.scenarioId}.${screen.nodeId}` : screen.screen;
      // Only a log the LMS took is the last one written; a refused one is offered again at the next step.
      const accepted = this.#o.port.setProgress(progressText, location);
      if (accepted) this.#lastProgress = progressText;
      this.#o.onProgress?.(accepted);
    }
    const commitOn = this.#o.commitOn ?? ALL_MILESTONES;
    if ([...milestones].some((m) => commitOn.has(m))) {
      const ok = this.#o.port.commit();
      this.#o.onCommit?.(ok);
    }
  }

  #decisionRecord(spec: ScenarioSpec, decision: Decision, shown: { key: string; at: number }, now: number): DecisionRecord {
    const node = situation(spec, decision.nodeId);
    const choice = choiceOf(spec, decision.nodeId, decision.choiceId);
    const best = node.choices.reduce((a, b) => (b.points > a.points ? b : a));
    return {
      id: `${spec.id}.${decision.nodeId}`,
      objectiveId: spec.id,
      response: choice.id,
      quality: choice.quality,
      correctResponse: best.id,
      latencyMs: shown.key === `${spec.id}.${decision.nodeId}` ? now - shown.at : 0,
      at: new Date(now),
      description: this.#o.describe(spec.id, decision.nodeId),
    };
  }

  /** A replay may change the result under the `best` or `latest` policy, but a pass is never taken back. */
  #statusChanged(result: { passed: boolean | null; percent: number | null }): boolean {
    const before = this.#status;
    if (before && before.passed && result.passed !== true) return false;
    // The LMS had a final status at launch but the progress behind it is gone (a new 2004
    // attempt, lost suspend data): only a pass may replace it, never a fail.
    if (!before && this.#o.launch.completed && result.passed !== true) return false;
    if (before && before.passed === result.passed && before.percent === result.percent) return false;
    this.#status = { passed: result.passed, percent: result.percent };
    return true;
  }

  /**
   * One objective per scenario: incomplete while played; at an ending completed with its pass or
   * fail and score. A skipped scenario (no `result`) is completed with success unknown and no
   * score: an HR report then reads it as done but not assessed. "incomplete" would list it as
   * outstanding and press the learner to return to what they chose to avoid; "failed" would
   * punish self-protection; "passed" would claim a competence nobody saw. SCORM 1.2 says
   * "completed" for the same reason.
   */
  #objective(id: string, finished: boolean, result?: { passed: boolean; percent: number }): void {
    this.#o.port.setObjective({
      id,
      description: this.#o.scenarioTitle(id),
      completed: finished,
      passed: finished ? (result?.passed ?? null) : null,
      score: finished ? (result?.percent ?? null) : null,
    });
  }

  /** Whether the course is finished, for the exit value at the end of the session. */
  get completed(): boolean {
    return this.#completed;
  }
}
