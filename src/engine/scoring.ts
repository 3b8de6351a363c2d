import { scoreRange } from '../model/analysis.ts';
import type { CourseSpec, ReplayPolicy } from '../model/course.ts';
import { choiceOf, shortVersion, type Outcome, type ScenarioSpec } from '../model/scenario.ts';
import { isDone, isSkipped, type Attempt, type CourseContext, type Decision, type ScenarioProgress } from './events.ts';

const ranges = new WeakMap<ScenarioSpec, { min: number; max: number }>();
/** The highest score of the play-through's own entry: the scenario, or its short version. */
export const attemptMax = (spec: ScenarioSpec, attempt: Attempt | undefined): number => rangeOf((attempt?.alternative && shortVersion(spec)) || spec).max;
function rangeOf(spec: ScenarioSpec) {
  let range = ranges.get(spec);
  if (!range) ranges.set(spec, (range = scoreRange(spec)));
  return range;
}

/** Points of the decisions taken; a node counts the first time it is decided. */
export function scenarioScore(spec: ScenarioSpec, decisions: readonly Decision[]): number {
  const scored = new Set<string>();
  let total = 0;
  for (const d of decisions) {
    if (scored.has(d.nodeId)) continue;
    scored.add(d.nodeId);
    total += choiceOf(spec, d.nodeId, d.choiceId).points;
  }
  return total;
}

const percent = (score: number, max: number): number =>
  max <= 0 ? 100 : Math.round((Math.min(score, max) / max) * 10000) / 100;

export interface ScenarioResult {
  readonly score: number;
  readonly max: number;
  /** 0–100, two decimals. */
  readonly percent: number;
  readonly finished: boolean;
  /** Skipped and not finished since: done for completion, outside the score. */
  readonly skipped: boolean;
  readonly passed: boolean;
  readonly outcome: Outcome | null;
  /** The attempt that counts was the short version. */
  readonly shortVersion: boolean;
}

/**
 * The attempt whose score counts, by the course's replay policy; the current one until one is
 * finished, none while the last was skipped (it is not resumed, and not saved).
 */
export function countedAttempt(spec: ScenarioSpec, progress: ScenarioProgress | undefined, policy: ReplayPolicy): Attempt | undefined {
  const finished = (progress?.attempts ?? []).filter((a) => a.endingId !== null);
  if (finished.length === 0) {
    const last = progress?.attempts.at(-1);
    return last?.skipped ? undefined : last;
  }
  if (policy === 'first') return finished[0];
  if (policy === 'latest') return finished.at(-1);
  // The scenario and its short version have different maxima: compare them in percent.
  const pct = (a: Attempt) => percent(scenarioScore(spec, a.decisions), attemptMax(spec, a));
  return finished.reduce((best, a) => (pct(a) > pct(best) ? a : best));
}

export function scenarioResult(spec: ScenarioSpec, progress: ScenarioProgress | undefined, passMark: number, policy: ReplayPolicy = 'first'): ScenarioResult {
  const attempt = countedAttempt(spec, progress, policy);
  const score = scenarioScore(spec, attempt?.decisions ?? []);
  const max = attemptMax(spec, attempt);
  const ending = attempt?.endingId ? spec.nodes[attempt.endingId] : undefined;
  const pct = percent(score, max);
  return {
    score,
    max,
    percent: pct,
    finished: ending?.kind === 'ending',
    skipped: isSkipped(progress),
    passed: ending?.kind === 'ending' && pct >= passMark,
    outcome: ending?.kind === 'ending' ? ending.outcome : null,
    shortVersion: attempt?.alternative === true,
  };
}

export interface CourseResult {
  /**
   * Course score in percent, 0–100, two decimals: the mean of the required scenarios' own
   * percentages, over those played to an ending (each weighs the same, however long it is);
   * skipped and optional ones are left out. null when none has been played.
   */
  readonly percent: number | null;
  /** Every scenario finished or skipped. */
  readonly completed: boolean;
  /** Judged against the pass mark once complete; null while incomplete or when every scenario was skipped. */
  readonly passed: boolean | null;
  readonly scenarios: Readonly<Record<string, ScenarioResult>>;
}

/** The scenarios completion and the score rest on: all but the optional ones. */
export const requiredScenarios = (course: CourseSpec): ScenarioSpec[] => course.scenarios.filter((s) => !course.optional?.includes(s.id));

/**
 * The scenarios whose skip counts as done. Under the course's `skipping: alternative` policy a
 * skipped scenario with a short version is done only once its short version is; a scenario
 * without one (and every scenario under `skipping: counts`) is done when skipped, so a learner
 * can always step out without being held back.
 */
export const skipCounts = (course: CourseSpec): string[] =>
  course.scenarios.filter((s) => course.skipping !== 'alternative' || !s.alternative).map((s) => s.id);

/**
 * Every required scenario weighs the same in the score, whatever its length or points: a long
 * scenario would otherwise outweigh the short ones, and a learning goal does not matter more
 * because its scenario has more decisions. Skipping is never a penalty: a skipped scenario
 * counts as done for completion and is left out of the score, so the pass mark applies to the
 * scenarios played. A course where every scenario was skipped is complete with no score and no
 * pass or fail (nothing was assessed). Optional scenarios count for neither.
 */
export function courseResult(course: CourseSpec, context: CourseContext): CourseResult {
  const scenarios: Record<string, ScenarioResult> = {};
  for (const spec of course.scenarios) scenarios[spec.id] = scenarioResult(spec, context.progress[spec.id], course.passMark, course.replays);
  const required = requiredScenarios(course);
  const played = required.map((s) => scenarios[s.id] as ScenarioResult).filter((r) => r.finished);
  const counts = new Set(skipCounts(course));
  const completed = required.every((s) => isDone(context.progress[s.id], counts.has(s.id)));
  const pct = played.length > 0 ? Math.round((played.reduce((sum, r) => sum + r.percent, 0) / played.length) * 100) / 100 : null;
  return { percent: pct, completed, passed: completed && pct !== null ? pct >= course.passMark : null, scenarios };
}
