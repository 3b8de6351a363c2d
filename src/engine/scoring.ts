import { scoreRange } from '../model/analysis.ts';
import type { CourseSpec, ReplayPolicy } from '../model/course.ts';
import { choiceOf, type Outcome, type ScenarioSpec } from '../model/scenario.ts';
import type { Attempt, CourseContext, Decision, ScenarioProgress } from './events.ts';

const ranges = new WeakMap<ScenarioSpec, { min: number; max: number }>();
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
  readonly passed: boolean;
  readonly outcome: Outcome | null;
}

/** The attempt whose score counts, by the course's replay policy; the current one until one is finished. */
export function countedAttempt(spec: ScenarioSpec, progress: ScenarioProgress | undefined, policy: ReplayPolicy): Attempt | undefined {
  const finished = (progress?.attempts ?? []).filter((a) => a.endingId !== null);
  if (finished.length === 0) return progress?.attempts.at(-1);
  if (policy === 'first') return finished[0];
  if (policy === 'latest') return finished.at(-1);
  return finished.reduce((best, a) => (scenarioScore(spec, a.decisions) > scenarioScore(spec, best.decisions) ? a : best));
}

export function scenarioResult(spec: ScenarioSpec, progress: ScenarioProgress | undefined, passMark: number, policy: ReplayPolicy = 'first'): ScenarioResult {
  const attempt = countedAttempt(spec, progress, policy);
  const score = scenarioScore(spec, attempt?.decisions ?? []);
  const { max } = rangeOf(spec);
  const ending = attempt?.endingId ? spec.nodes[attempt.endingId] : undefined;
  const pct = percent(score, max);
  return {
    score,
    max,
    percent: pct,
    finished: ending?.kind === 'ending',
    passed: ending?.kind === 'ending' && pct >= passMark,
    outcome: ending?.kind === 'ending' ? ending.outcome : null,
  };
}

export interface CourseResult {
  /** Course score in percent, 0–100, two decimals: points over the maximum of all scenarios. */
  readonly percent: number;
  readonly completed: boolean;
  readonly passed: boolean;
  readonly scenarios: Readonly<Record<string, ScenarioResult>>;
}

export function courseResult(course: CourseSpec, context: CourseContext): CourseResult {
  const scenarios: Record<string, ScenarioResult> = {};
  let score = 0;
  let max = 0;
  for (const spec of course.scenarios) {
    const result = scenarioResult(spec, context.progress[spec.id], course.passMark, course.replays);
    scenarios[spec.id] = result;
    score += Math.min(result.score, result.max);
    max += result.max;
  }
  const completed = course.scenarios.every((s) => scenarios[s.id]?.finished);
  const pct = percent(score, max);
  return { percent: pct, completed, passed: completed && pct >= course.passMark, scenarios };
}
