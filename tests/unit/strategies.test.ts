import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTargets, compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { choiceOrder, shownChoices } from '../../src/engine/choice-order.ts';
import type { CourseContext, Decision } from '../../src/engine/events.ts';
import { courseResult, requiredScenarios } from '../../src/engine/scoring.ts';
import { factsOf, holds } from '../../src/model/conditions.ts';
import type { ChoiceSpec, ScenarioSpec } from '../../src/model/scenario.ts';

/**
 * A pass must mean the learner knows it: a learner who picks by position or by length, without
 * reading, fails every audience's course, for any of several learners (seeds); the best choices
 * still pass. Played through the engine's own scoring on the real course.
 */
const root = resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);
const SEEDS = ['a1b2c3', 'zz0001', 'k3f9aq', '000000', 'q7k2mz', 'learnr', 'x9y8w7', 'm4n5o6'];

type Pick = (offered: readonly ChoiceSpec[], spec: ScenarioSpec, nodeId: string) => ChoiceSpec;

/** The Swedish text of a choice or a question's option, as the learner reads it. */
function textOf(spec: ScenarioSpec, nodeId: string, choiceId: string): string {
  const node = (project.resources.get('sv')?.get(`scenario.${spec.id}`) as { nodes: Record<string, { choices?: Record<string, { text: string }>; options?: Record<string, { text: string }> }> }).nodes[nodeId];
  return (node?.choices ?? node?.options)?.[choiceId]?.text ?? '';
}

const first: Pick = (offered) => offered[0] as ChoiceSpec;
const longest: Pick = (offered, spec, nodeId) =>
  offered.reduce((a, b) => (textOf(spec, nodeId, b.id).length > textOf(spec, nodeId, a.id).length ? b : a));
const highest: Pick = (offered) => offered.reduce((a, b) => (b.points > a.points ? b : a));

/** One play-through of a scenario, choosing among the choices shown, in the order shown. */
function play(spec: ScenarioSpec, seed: string, pick: Pick): { decisions: Decision[]; endingId: string } {
  const decisions: Decision[] = [];
  let node = spec.nodes[spec.start];
  while (node?.kind === 'situation') {
    if (decisions.length > 60) throw new Error(`${spec.id}: a strategy that loops`);
    const facts = factsOf(spec, decisions);
    const choice = pick(shownChoices(seed, spec.id, node, (c) => holds(c.when, facts)), spec, node.id);
    decisions.push({ nodeId: node.id, choiceId: choice.id });
    node = spec.nodes[choice.next];
  }
  return { decisions, endingId: node?.id ?? '' };
}

describe('a pass means the learner chose well, not first or longest', () => {
  for (const target of buildTargets(project).filter((t) => t.region === 'generic')) {
    const course = compileBundle(project, target).course;
    const result = (seed: string, pick: Pick) => {
      const progress: CourseContext['progress'] = Object.fromEntries(
        requiredScenarios(course).map((spec) => [spec.id, { attempts: [{ ...play(spec, seed, pick), flags: [] }] }]),
      );
      return courseResult(course, { progress, current: null });
    };

    it(`${target.audience}: always the first choice shown, or always the longest, fails for every learner; the best choices pass`, () => {
      for (const seed of SEEDS) {
        expect(result(seed, first).passed, `first, seed ${seed}: ${result(seed, first).percent} %`).toBe(false);
        expect(result(seed, longest).passed, `longest, seed ${seed}: ${result(seed, longest).percent} %`).toBe(false);
        expect(result(seed, highest).passed).toBe(true);
      }
    });
  }
});

describe('the order choices are shown in', () => {
  it('is a permutation, the same for the same attempt, and different between attempts', () => {
    const order = choiceOrder('a1b2c3', 'akuten', 'vantrummet', 5);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(choiceOrder('a1b2c3', 'akuten', 'vantrummet', 5)).toEqual(order);
    const orders = new Set(SEEDS.map((seed) => choiceOrder(seed, 'akuten', 'vantrummet', 5).join('')));
    expect(orders.size).toBeGreaterThan(4);
  });

  it('puts the best choice first about as often as any other place, over many situations', () => {
    const firsts = new Array<number>(3).fill(0);
    for (let n = 0; n < 3000; n++) firsts[choiceOrder('seed01', 's', `n${n}`, 3)[0] as number]! += 1;
    for (const count of firsts) expect(count).toBeGreaterThan(900);
  });

  it('keeps the written order where the node says shuffle: false', () => {
    const node = { kind: 'situation' as const, id: 'scale', shuffle: false as const, choices: ['a', 'b', 'c'].map((id) => ({ id, points: 0, quality: 'poor' as const, next: 'end' })) };
    expect(shownChoices('q7k2mz', 's', node, () => true).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});
