import { resolve } from 'node:path';
import { compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { factsOf, holds } from '../../src/model/conditions.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import { encodeProgress, type SavedAt } from '../../src/engine/progress-codec.ts';
import { structureHash } from '../../src/model/analysis.ts';
import { situation, type ScenarioSpec } from '../../src/model/scenario.ts';

const root = resolve(import.meta.dirname, '../..');

/** The course as the package for an audience in the generic region was built from. */
export function courseFor(audience: string): CourseSpec {
  const { project } = loadProject(root);
  return compileBundle(project, { audience, region: 'generic' }).course;
}

/** The scenarios completion and the score rest on (the optional ones left out), in the course's order. */
export { requiredScenarios as requiredOf } from '../../src/engine/scoring.ts';

export interface Step {
  readonly nodeId: string;
  readonly choiceId: string;
}

/**
 * A walk from the start to an ending that picks, at each node, the choice `pick` selects
 * among those the learner is offered there (conditions hold).
 */
export function walk(spec: ScenarioSpec, pick: (node: { choices: readonly { points: number }[] }) => number): {
  steps: Step[];
  endingId: string;
} {
  const steps: Step[] = [];
  let node = spec.nodes[spec.start];
  while (node?.kind === 'situation') {
    const facts = factsOf(spec, steps);
    const offered = node.choices.filter((c) => holds(c.when, facts));
    const choice = offered[pick({ choices: offered })];
    if (!choice || steps.length > 50) throw new Error(`walk stuck at ${node.id}`);
    steps.push({ nodeId: node.id, choiceId: choice.id });
    node = spec.nodes[choice.next];
  }
  if (!node) throw new Error('walk left the graph');
  return { steps, endingId: node.id };
}

export const best = (node: { choices: readonly { points: number }[] }): number =>
  node.choices.reduce((bi, c, i, all) => (c.points > (all[bi]?.points ?? -1) ? i : bi), 0);

export const worst = (node: { choices: readonly { points: number }[] }): number =>
  node.choices.reduce((wi, c, i, all) => (c.points < (all[wi]?.points ?? Infinity) ? i : wi), 0);

/** Suspend data for `played` scenarios finished along their walks, resuming at the scenario list (or `at`). */
export function suspendDataFor(played: readonly { spec: ScenarioSpec; steps: readonly Step[] }[], at: SavedAt = 'm'): string {
  return encodeProgress({
    at,
    // A fixed choice-order seed: runs from the same attempt show the same order and save the same log.
    seed: 'e2e001',
    skipped: [],
    scenarios: played.map(({ spec, steps }) => ({
      id: spec.id,
      hash: structureHash(spec),
      choices: steps.map((s) => situation(spec, s.nodeId).choices.findIndex((c) => c.id === s.choiceId)),
    })),
  });
}
