import { holds, factsOf } from '../model/conditions.ts';
import { structureHash } from '../model/analysis.ts';
import type { CourseSpec } from '../model/course.ts';
import type { ScenarioSpec } from '../model/scenario.ts';
import type { Decision } from './events.ts';
import type { SavedProgress, SavedScenario } from './progress-codec.ts';

/** A decision as an LMS keeps it: the interaction id `<scenario>.<node>` and the choice id. */
export interface KeptDecision {
  readonly id: string;
  readonly response: string;
}

interface Walk {
  /** A play-through of the short version, entered at its first question. */
  readonly alternative: boolean;
  readonly decisions: Decision[];
  readonly choices: number[];
  /** Where the next decision must be made, or null once an ending is reached. */
  at: string | null;
}

/** Takes one decision on a walk; false when the scenario does not allow it there. */
function step(spec: ScenarioSpec, walk: Walk, nodeId: string, choiceId: string): boolean {
  const node = spec.nodes[nodeId];
  if (walk.at !== nodeId || node?.kind !== 'situation') return false;
  const index = node.choices.findIndex((c) => c.id === choiceId);
  const choice = node.choices[index];
  if (!choice || !holds(choice.when, factsOf(spec, walk.decisions))) return false;
  walk.decisions.push({ nodeId, choiceId });
  walk.choices.push(index);
  walk.at = spec.nodes[choice.next]?.kind === 'situation' ? choice.next : null;
  return true;
}

/**
 * The decision log rebuilt from the decisions an LMS has kept as interactions, for a launch that
 * came without suspend data (a finished SCORM 2004 attempt reopened for review, or an LMS that
 * dropped it). Each scenario's interactions are walked from its start; a decision at the start
 * that does not continue the play-through under way begins a new one. Every play-through that reaches an ending is kept, and the one the
 * learner was last in the middle of, if it was the last thing they did; a scenario whose
 * interactions do not walk its current structure (it has changed since) is left out rather than
 * guessed at. Skips leave no interaction and cannot be rebuilt. Null when nothing could be.
 */
export function progressFromDecisions(course: CourseSpec, kept: readonly KeptDecision[]): SavedProgress | null {
  const walks = new Map<string, Walk[]>();
  const broken = new Set<string>();
  let last = '';
  for (const { id, response } of kept) {
    const dot = id.indexOf('.');
    const scenarioId = id.slice(0, dot);
    const spec = course.scenarios.find((s) => s.id === scenarioId);
    if (dot < 0 || !spec || broken.has(scenarioId)) continue;
    const nodeId = id.slice(dot + 1);
    const attempts = walks.get(scenarioId) ?? [];
    walks.set(scenarioId, attempts);
    last = scenarioId;
    // The play-through goes on where it is (a path may lead back to the start); a decision at the
    // start that does not continue it begins the next one.
    const current = attempts.at(-1);
    if (current && step(spec, current, nodeId, response)) continue;
    const alternative = nodeId === spec.alternative;
    const fresh: Walk = { alternative, decisions: [], choices: [], at: alternative ? nodeId : spec.start };
    attempts.push(fresh);
    if (!step(spec, fresh, nodeId, response)) broken.add(scenarioId);
  }
  const finished: SavedScenario[] = [];
  let unfinished: SavedScenario | null = null;
  for (const [scenarioId, attempts] of walks) {
    if (broken.has(scenarioId)) continue;
    const spec = course.scenarios.find((s) => s.id === scenarioId) as ScenarioSpec;
    const hash = structureHash(spec);
    attempts.forEach((walk, n) => {
      const segment = { id: scenarioId, hash, ...(walk.alternative ? { alternative: true as const } : {}), choices: walk.choices };
      if (walk.at === null) finished.push(segment);
      // Replay allows one unfinished play-through, the last: the one the learner was in.
      else if (scenarioId === last && n === attempts.length - 1) unfinished = segment;
    });
  }
  if (finished.length === 0 && !unfinished) return null;
  return { at: unfinished ? 'd' : 'm', skipped: [], scenarios: unfinished ? [...finished, unfinished] : finished };
}
