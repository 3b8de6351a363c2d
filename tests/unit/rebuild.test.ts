import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseContext } from '../../src/engine/events.ts';
import { replayProgress } from '../../src/engine/progress.ts';
import { progressFromDecisions } from '../../src/engine/rebuild.ts';
import { structureHash } from '../../src/model/analysis.ts';
import { branching, linear, twoScenarioCourse as course } from './fixture-specs.ts';

const kept = (...pairs: string[]) => pairs.map((p) => {
  const [id = '', response = ''] = p.split('=');
  return { id, response };
});

describe('rebuilding progress from the interactions an LMS kept', () => {
  it('walks each scenario from its start, one play-through per start, and replays into the same course state', () => {
    const progress = progressFromDecisions(course, kept('branching.a=argue', 'branching.c=retry', 'branching.a=calm', 'branching.b=alarm', 'linear.only=ok', 'branching.a=calm', 'branching.b=alarm'));
    expect(progress).toEqual({
      at: 'm',
      skipped: [],
      scenarios: [
        // argue → retry leads back to a: the same play-through goes on there.
        { id: 'branching', hash: structureHash(branching), choices: [1, 1, 0, 0] },
        { id: 'branching', hash: structureHash(branching), choices: [0, 0] },
        { id: 'linear', hash: structureHash(linear), choices: [0] },
      ],
    });
    const actor = createActor(createCourseMachine(course)).start();
    expect(replayProgress(actor, course, progress!).restarted).toEqual([]);
    const context = actor.getSnapshot().context as CourseContext;
    expect(context.progress.branching?.attempts.map((a) => a.endingId)).toEqual(['end_good', 'end_good']);
    expect(context.progress.linear?.attempts[0]?.endingId).toBe('done');
  });

  it('keeps the play-through under way only when it was the last thing done, so the learner is back at that decision', () => {
    expect(progressFromDecisions(course, kept('linear.only=ok', 'branching.a=calm'))).toMatchObject({
      at: 'd',
      scenarios: [{ id: 'linear' }, { id: 'branching', choices: [0] }],
    });
    expect(progressFromDecisions(course, kept('branching.a=calm', 'linear.only=ok'))?.scenarios.map((s) => s.id)).toEqual(['linear']);
  });

  it('leaves out a scenario whose interactions do not walk its structure, and foreign or malformed ids', () => {
    expect(progressFromDecisions(course, kept('branching.b=alarm', 'linear.only=ok', 'other.x=y', 'nodot=1'))?.scenarios.map((s) => s.id)).toEqual(['linear']);
    expect(progressFromDecisions(course, kept('branching.a=nosuchchoice'))).toBeNull();
    expect(progressFromDecisions(course, [])).toBeNull();
  });
});
