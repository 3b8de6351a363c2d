import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { reachableFrom, canReachEnding, scoreRange, structureHash } from '../../src/model/analysis.ts';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import { createScenarioMachine } from '../../src/engine/scenario-machine.ts';
import { screenOf } from '../../src/engine/screen.ts';
import { courseResult, scenarioScore } from '../../src/engine/scoring.ts';
import type { CourseEvent } from '../../src/engine/events.ts';
import { branching, twoScenarioCourse } from './fixture-specs.ts';

const choose = (choiceId: string): CourseEvent[] => [
  { type: 'choice.selected', choiceId },
  { type: 'feedback.continued' },
];

describe('analysis', () => {
  it('finds reachable nodes and nodes that lead to an ending', () => {
    expect(reachableFrom(branching).sort()).toEqual(['a', 'b', 'c', 'end_good', 'end_poor']);
    expect([...canReachEnding(branching)].sort()).toEqual(['a', 'b', 'c', 'end_good', 'end_poor']);
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
      decisions: [{ nodeId: 'a', choiceId: 'calm' }, { nodeId: 'b', choiceId: 'alarm' }],
      endingId: 'end_good',
    });
  });

  it('ignores unknown choices and events that do not belong to the screen', () => {
    const actor = createActor(createScenarioMachine(branching)).start();
    actor.send({ type: 'choice.selected', choiceId: 'nonsense' });
    actor.send({ type: 'feedback.continued' });
    expect(screenOf(actor.getSnapshot())).toMatchObject({ screen: 'situation', nodeId: 'a' });
    expect(actor.getSnapshot().context.progress.branching?.decisions).toEqual([]);
  });
});

describe('course machine', () => {
  it('goes intro → scenarios in order → endings → summary, with the result', () => {
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'intro' });
    actor.send({ type: 'course.started' });
    for (const e of [...choose('calm'), ...choose('alarm')]) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'ending', scenarioId: 'branching', endingId: 'end_good' });
    actor.send({ type: 'ending.continued' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'situation', scenarioId: 'linear', nodeId: 'only' });
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context).completed).toBe(false);
    for (const e of choose('ok')) actor.send(e);
    expect(screenOf(actor.getSnapshot())).toMatchObject({ screen: 'ending', scenarioId: 'linear', endingId: 'done' });
    const result = courseResult(twoScenarioCourse, actor.getSnapshot().context);
    expect(result).toMatchObject({ percent: 100, completed: true, passed: true });
    actor.send({ type: 'ending.continued' });
    expect(screenOf(actor.getSnapshot())).toEqual({ screen: 'summary' });
  });

  it('fails the course below the pass mark', () => {
    const actor = createActor(createCourseMachine(twoScenarioCourse)).start();
    actor.send({ type: 'course.started' });
    for (const e of [...choose('argue'), ...choose('leave'), { type: 'ending.continued' } as const, ...choose('ok')]) actor.send(e);
    // 0 of 4 + 1 of 1 = 20 %
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context)).toMatchObject({ percent: 20, completed: true, passed: false });
    expect(courseResult(twoScenarioCourse, actor.getSnapshot().context).scenarios.branching).toMatchObject({ outcome: 'poor', passed: false });
  });
});
