import { scoreRange } from '../model/analysis.ts';
import type { CourseSpec } from '../model/course.ts';
import { choiceOf, type Outcome, type ScenarioSpec } from '../model/scenario.ts';
import type { CourseContext, Decision, ScenarioProgress } from './events.ts';

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

export function scenarioResult(spec: ScenarioSpec, progress: ScenarioProgress | undefined, passMark: number): ScenarioResult {
  const score = scenarioScore(spec, progress?.decisions ?? []);
  const { max } = rangeOf(spec);
  const ending = progress?.endingId ? spec.nodes[progress.endingId] : undefined;
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
    const result = scenarioResult(spec, context.progress[spec.id], course.passMark);
    scenarios[spec.id] = result;
    score += Math.min(result.score, result.max);
    max += result.max;
  }
  const completed = course.scenarios.every((s) => scenarios[s.id]?.finished);
  const pct = percent(score, max);
  return { percent: pct, completed, passed: completed && pct >= course.passMark, scenarios };
}
