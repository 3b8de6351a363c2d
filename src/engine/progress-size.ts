import { structureHash } from '../model/analysis.ts';
import type { ScenarioSpec } from '../model/scenario.ts';
import { scenarioShape } from '../model/shape.ts';
import { encodeProgress, type SavedScenario } from './progress-codec.ts';

export interface ProgressSize {
  /** Characters of the longest suspend data the course can write, each loop gone round once. */
  readonly length: number;
  /** Scenarios with a loop a learner can go round again and again, each round adding to the log. */
  readonly growing: readonly string[];
}

/**
 * The longest decision log a learner of these scenarios can leave, encoded with the real
 * codec: whatever the replay policy, `progressOf` keeps one finished attempt per scenario
 * plus, for the scenario in play, the unfinished replay, so the worst case is every scenario
 * finished on its longest walk and the one with the longest record being replayed as long again
 * after the learner once skipped it (a skip mark is kept until the scenario is finished).
 */
export function worstCaseProgress(scenarios: readonly ScenarioSpec[]): ProgressSize {
  const segments: SavedScenario[] = scenarios.map((spec) => ({
    id: spec.id,
    hash: structureHash(spec),
    choices: new Array<number>(scenarioShape(spec).longestLog).fill(0),
  }));
  const longest = segments.reduce<SavedScenario | undefined>(
    (a, b) => (!a || b.id.length + b.choices.length > a.id.length + a.choices.length ? b : a),
    undefined,
  );
  const length = encodeProgress({
    at: 'f',
    skipped: longest ? [longest.id] : [],
    scenarios: longest ? [...segments, longest] : segments,
  }).length;
  return { length, growing: scenarios.filter((s) => scenarioShape(s).loops.length > 0).map((s) => s.id) };
}
