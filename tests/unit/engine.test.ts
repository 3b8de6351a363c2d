import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { reachableFrom, scoreRange, structureHash } from '../../src/model/analysis.ts';
import { scenarioShape } from '../../src/model/shape.ts';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import { createScenarioMachine } from '../../src/engine/scenario-machine.ts';
import { pathsToEndings } from '../../src/engine/paths.ts';
import { screenOf } from '../../src/engine/screen.ts';
import { courseResult, scenarioScore } from '../../src/engine/scoring.ts';
import type { CourseEvent } from '../../src/engine/events.ts';
import { branching, twoScenarioCourse } from './fixture-specs.ts';
import { factsOf, holds, variantIndex } from '../../src/model/conditions.ts';
import type { ScenarioSpec, SituationSpec } from '../../src/model/scenario.ts';

const choose = (choiceId: string): CourseEvent[] => [
  { type: 'choice.selected', choiceId },
  { type: 'feedback.continued' },
];

describe('analysis', () => {
  it('finds reachable nodes and nodes that lead to an ending', () => {
    expect(reachableFrom(branching).sort()).toEqual(['a', 'b', 'c', 'end_good', 'end_poor']);
    const shape = scenarioShape(branching);
    expect([...shape.reached].sort()).toEqual(['a', 'b', 'c', 'end_good', 'end_poor']);
    expect([shape.stuck, shape.traps, shape.deadEnds]).toEqual([[], [], []]);
    expect(shape.loops).toEqual([['a', 'b', 'c']]);
    expect(shape.paths).toBe(Infinity);
  });

  it('computes the score range over every walk, counting each node once', () => {
    // best: calm(2) alarm(2) = 4; worst: argue(0) leave(0) = 0
    expect(scoreRange(branching)).toEqual({ min: 0, max: 4 });
    // looping back through a does not score a twice: argue(0) retry(1) [a again: 0] → b alarm(2) = 3
    expect(scenarioScore(branching, [
      { nodeId: 'a', choiceId: 'argue' },
      { nodeId: 'c', choiceId: 'retry' },
      { nodeId: 'a', choiceId: 'calm' },
      { nodeId: 'b', choiceId: 'alarm' },
    ])).toBe(3);
  });

  it('computes the score range of a deep scenario with billions of paths', () => {
    // 60 layers of three choices each, all leading to the next layer: 3^60 walks, one state per node.
    const nodes: Record<string, SituationSpec | ScenarioSpec['nodes'][string]> = {
      end: { kind: 'ending', id: 'end', outcome: 'good' } as ScenarioSpec['nodes'][string],
    };
    for (let i = 0; i < 60; i++) {
      const next = i === 59 ? 'end' : `n${i + 1}`;
      nodes[`n${i}`] = {
        kind: 'situation',
        id: `n${i}`,
        choices: [
          { id: 'good', points: 2, quality: 'good', next },
          { id: 'ok', points: 1, quality: 'acceptable', next },
          { id: 'poor', points: 0, quality: 'poor', next },
        ],
      };
    }
    const deep: ScenarioSpec = { ...branching, id: 'deep', start: 'n0', nodes: nodes as ScenarioSpec['nodes'] };
    expect(scoreRange(deep)).toEqual({ min: 0, max: 120 });
  });

  it('scores a node once even when a loop comes back to it with new flags set', () => {
    // a → b (sets f) → a again: the second visit to a carries a flag, so its state differs,
    // but its points must not count twice.
    const looping: ScenarioSpec = {
      ...branching,
      id: 'looping',
      nodes: {
        a: { kind: 'situation', id: 'a', choices: [
          { id: 'go', points: 3, quality: 'good', next: 'b' },
          { id: 'stop', points: 0, quality: 'poor', next: 'end_poor' },
        ] },
        b: { kind: 'situation', id: 'b', choices: [
          { id: 'back', points: 1, quality: 'acceptable', next: 'a', sets: ['f'] },
          { id: 'done', points: 0, quality: 'good', next: 'end_good' },
        ] },
        end_good: branching.nodes.end_good as ScenarioSpec['nodes'][string],
        end_poor: branching.nodes.end_poor as ScenarioSpec['nodes'][string],
      },
    };
    // best: go(3) back(1) [a again: 0] … done = 4, never 3 + 1 + 3
    expect(scoreRange(looping)).toEqual({ min: 0, max: 4 });
  });

  it('changes the structure hash when structure or version changes, not otherwise', () => {
    const same = { ...branching };
    expect(structureHash(same)).toBe(structureHash(branching));
    expect(structureHash({ ...branching, version: 2 })).not.toBe(structureHash(branching));
    const retargeted = structuredClone(branching) as typeof branching;
    (retargeted.nodes.a as unknown as { choices: { next: string }[] }).choices[0]!.next = 'c';
    expect(structureHash(retargeted)).not.toBe(structureHash(branching));
    expect(structureHash(branching)).toMatch(/^[a-z0-9]{5}$/);
  });
});

describe('scenario machine', () => {
  it('waits for a choice, shows its feedback, then moves to the choice target', () => {
    const actor = createActor(createScenarioMachine(branching)).start();
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'situation', scenarioId: 'branching', nodeId: 'a' });
    actor.send({ type: 'choice.selected', choiceId: 'calm' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'feedback', scenarioId: 'branching', nodeId: 'a', choiceId: 'calm' });
    actor.send({ type: 'feedback.continued' });
    expect(screenOf(actor.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'b' });
    for (const e of choose('alarm')) actor.send(e);
    expect(actor.getSnapshot().status).toBe('done');
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'ending', scenarioId: 'branching', endingId: 'end_good' });
    expect(actor.getSnapshot().context.progress.branching).toEqual({
      attempts: [{ decisions: [{ nodeId: 'a', choiceId: 'calm' }, { nodeId: 'b', choiceId: 'alarm' }], flags: [], endingId: 'end_good' }],
    });
  });

  it('ignores unknown choices and events that do not belong to the screen', () => {
    const actor = createActor(createScenarioMachine(branching)).start();
    actor.send({ type: 'choice.selected', choiceId: 'nonsense' });
    actor.send({ type: 'feedback.continued' });
    expect(screenOf(actor.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'a' });
    expect(actor.getSnapshot().context.progress.branching?.attempts[0]?.decisions).toEqual([]);
  });
});

describe('course machine', () => {
  const select = (scenarioId: string): CourseEvent => ({ type: 'scenario.selected', scenarioId });

  it('goes intro → list → scenario → ending → list … → summary, with the result', () => {
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'intro' });
    actor.send({ type: 'course.started' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'menu' });
    actor.send({ type: 'summary.opened' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'menu' });
    actor.send(select('linear'));
    for (const e of choose('ok')) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'ending', scenarioId: 'linear', endingId: 'done' });
    actor.send({ type: 'ending.continued' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'menu' });
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context).completed).toBe(false);
    actor.send(select('branching'));
    for (const e of [...choose('calm'), ...choose('alarm')]) actor.send(e);
    const result = courseResult(twoScenarioCourse, actor.getSnapshot().context);
    expect(result).toMatchObject({ percent: 100, completed: true, passed: true });
    actor.send({ type: 'ending.continued' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'summary' });
  });

  it('fails the course below the pass mark', () => {
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    actor.send({ type: 'course.started' });
    for (const e of [select('branching'), ...choose('argue'), ...choose('leave'), { type: 'ending.continued' } as const, select('linear'), ...choose('ok')]) actor.send(e);
    // Each scenario weighs the same: (0 % + 100 %) / 2 = 50 %, whatever their points (0 of 4 and 1 of 1).
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context)).toMatchObject({ percent: 50, completed: true, passed: false });
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context).scenarios.branching).toMatchObject({ outcome: 'poor', passed: false });
  });

  it('leaves optional scenarios out of completion and the score', () => {
    const course = { ...twoScenarioCourse, optional: ['linear'] };
    const actor = createActor(createCourseMachine(course)).start();
    actor.send({ type: 'course.started' });
    for (const e of [select('branching'), ...choose('calm'), ...choose('alarm')]) actor.send(e);
    expect(courseResult(course, actor.getSnapshot().context)).toMatchObject({ percent: 100, completed: true, passed: true });
  });

  it.each([
    ['first', 50, 'poor'],
    ['best', 100, 'good'],
    ['latest', 100, 'good'],
  ] as const)('counts a replayed scenario by the "%s" policy', (replays, percent, outcome) => {
    const actor = createActor(createCourseMachine({ ...twoScenarioCourse, replays })).start();
    actor.send({ type: 'course.started' });
    const play = [select('branching'), ...choose('argue'), ...choose('leave'), { type: 'ending.continued' } as const, select('linear'), ...choose('ok'), { type: 'ending.continued' } as const];
    for (const e of play) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'summary' });
    actor.send({ type: 'menu.opened' });
    for (const e of [select('branching'), ...choose('calm'), ...choose('alarm'), { type: 'ending.continued' } as const]) actor.send(e);
    expect(actor.getSnapshot().context.progress.branching?.attempts).toHaveLength(2);
    const result = courseResult({ ...twoScenarioCourse, replays }, actor.getSnapshot().context);
    expect(result.percent).toBe(percent);
    expect(result.scenarios.branching?.outcome).toBe(outcome);
  });
});

describe('skipping a scenario', () => {
  const select = (scenarioId: string): CourseEvent => ({ type: 'scenario.selected', scenarioId });
  const skip = (scenarioId: string): CourseEvent => ({ type: 'scenario.skipped', scenarioId });
  const started = () => {
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    actor.send({ type: 'course.started' });
    return actor;
  };

  it('leaves a scenario midway for the list; the attempt is kept, marked skipped, and a new start begins afresh', () => {
    const actor = started();
    for (const e of [select('branching'), ...choose('argue'), skip('branching')]) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'menu' });
    expect(actor.getSnapshot().context.progress.branching?.attempts).toEqual([
      { decisions: [{ nodeId: 'a', choiceId: 'argue' }], flags: [], endingId: null, skipped: true },
    ]);
    actor.send(select('branching'));
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'situation', scenarioId: 'branching', nodeId: 'a' });
    expect(actor.getSnapshot().context.progress.branching?.attempts).toHaveLength(2);
  });

  it('skips from the list (at the content note) only what is neither finished nor skipped', () => {
    const actor = started();
    for (const e of [skip('linear'), skip('linear')]) actor.send(e);
    expect(actor.getSnapshot().context.progress.linear?.attempts).toEqual([{ decisions: [], flags: [], endingId: null, skipped: true }]);
    for (const e of [select('branching'), ...choose('calm'), ...choose('alarm'), { type: 'ending.continued' } as const, skip('branching')]) actor.send(e);
    expect(actor.getSnapshot().context.progress.branching?.attempts).toHaveLength(1);
  });

  it('counts skipped scenarios as done and leaves them out of the score, so skipping costs nothing', () => {
    const actor = started();
    // linear skipped; branching played to its good ending (4 of 4): the pass mark is judged on branching alone.
    for (const e of [skip('linear'), select('branching'), ...choose('calm'), ...choose('alarm')]) actor.send(e);
    const result = courseResult(twoScenarioCourse, actor.getSnapshot().context);
    expect(result).toMatchObject({ percent: 100, completed: true, passed: true });
    expect(result.scenarios.linear).toMatchObject({ finished: false, skipped: true });
    actor.send({ type: 'ending.continued' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'summary' });
  });

  it('still fails below the pass mark on the scenarios played', () => {
    const actor = started();
    for (const e of [skip('linear'), select('branching'), ...choose('argue'), ...choose('leave')]) actor.send(e);
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context)).toMatchObject({ percent: 0, completed: true, passed: false });
  });

  it('gives no score and neither pass nor fail when every scenario was skipped', () => {
    const actor = started();
    for (const e of [skip('linear'), select('branching'), skip('branching'), { type: 'summary.opened' } as const]) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'summary' });
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context)).toMatchObject({ percent: null, completed: true, passed: null });
  });

  it('counts a skipped scenario played later by its ending', () => {
    const actor = started();
    for (const e of [skip('linear'), select('linear'), ...choose('ok')]) actor.send(e);
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context).scenarios.linear).toMatchObject({ finished: true, skipped: false });
  });
});

describe('conditions and flags', () => {
  const flagged: ScenarioSpec = {
    ...branching,
    id: 'flagged',
    nodes: {
      ...branching.nodes,
      a: { kind: 'situation', id: 'a', choices: [
        { id: 'calm', points: 2, quality: 'good', next: 'b', sets: ['calmed'] },
        { id: 'argue', points: 0, quality: 'poor', next: 'b' },
      ] },
      b: { kind: 'situation', id: 'b', variants: [{ flag: 'calmed' }], choices: [
        { id: 'alarm', points: 2, quality: 'good', next: 'end_good', when: { notFlag: 'calmed' } },
        { id: 'talk', points: 2, quality: 'good', next: 'end_good', when: { chose: 'a.calm' } },
      ] },
    },
  };

  it('offers a conditional choice only when its condition holds', () => {
    const calm = createActor(createScenarioMachine(flagged)).start();
    for (const e of choose('calm')) calm.send(e);
    calm.send({ type: 'choice.selected', choiceId: 'alarm' });
    expect(screenOf(calm.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'b' });
    calm.send({ type: 'choice.selected', choiceId: 'talk' });
    expect(screenOf(calm.getSnapshot())).toMatchObject({ screen: 'feedback', choiceId: 'talk' });
    expect(calm.getSnapshot().context.progress.flagged?.attempts[0]?.flags).toEqual(['calmed']);

    const argued = createActor(createScenarioMachine(flagged)).start();
    for (const e of choose('argue')) argued.send(e);
    argued.send({ type: 'choice.selected', choiceId: 'talk' });
    expect(screenOf(argued.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'b' });
  });

  it('evaluates conditions and picks text variants from the facts of an attempt', () => {
    const facts = factsOf(flagged, [{ nodeId: 'a', choiceId: 'calm' }]);
    expect(holds({ flag: 'calmed', chose: 'a.calm' }, facts)).toBe(true);
    expect(holds({ notFlag: 'calmed' }, facts)).toBe(false);
    expect(variantIndex((flagged.nodes.b as SituationSpec).variants, facts)).toBe(0);
    expect(variantIndex((flagged.nodes.b as SituationSpec).variants, factsOf(flagged, []))).toBe(-1);
  });
});

describe('paths to endings', () => {
  it('finds one shortest path to every reachable ending, through the machine', () => {
    expect(pathsToEndings(branching)).toEqual([
      { endingId: 'end_good', decisions: [{ nodeId: 'a', choiceId: 'calm' }, { nodeId: 'b', choiceId: 'alarm' }] },
      { endingId: 'end_poor', decisions: [{ nodeId: 'a', choiceId: 'argue' }, { nodeId: 'c', choiceId: 'leave' }] },
    ]);
  });

  it('respects conditions: an ending only a blocked choice leads to is not reached', () => {
    const gated: ScenarioSpec = {
      ...branching,
      id: 'gated',
      nodes: {
        ...branching.nodes,
        a: { kind: 'situation', id: 'a', choices: [{ id: 'go', points: 1, quality: 'good', next: 'b' }] },
        b: { kind: 'situation', id: 'b', choices: [
          { id: 'alarm', points: 2, quality: 'good', next: 'end_good', when: { flag: 'never_set' } },
          { id: 'wait', points: 0, quality: 'poor', next: 'end_poor' },
        ] },
      },
    };
    expect(pathsToEndings(gated).map((p) => p.endingId)).toEqual(['end_poor']);
  });
});
