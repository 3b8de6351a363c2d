import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseContext, CourseEvent } from '../../src/engine/events.ts';
import { courseReview, listProgress, scenarioEntries } from '../../src/engine/overview.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import { situation } from '../../src/model/scenario.ts';
import type { LmsPort } from '../../src/lms/port.ts';
import { Session } from '../../src/lms/session.ts';
import { branching, twoScenarioCourse } from './fixture-specs.ts';

// The first situation reads differently when the learner comes back to it after "retry".
const a = situation(branching, 'a');
const course: CourseSpec = {
  ...twoScenarioCourse,
  scenarios: [{ ...branching, nodes: { ...branching.nodes, a: { ...a, variants: [{ chose: 'c.retry' }] } } }, ...twoScenarioCourse.scenarios.slice(1)],
};

function contextAfter(events: CourseEvent[]): CourseContext {
  const actor = createActor(createCourseMachine(course)).start();
  for (const e of events) actor.send(e);
  return actor.getSnapshot().context as CourseContext;
}

const choose = (...choiceIds: string[]): CourseEvent[] => choiceIds.flatMap((choiceId) => [{ type: 'choice.selected', choiceId }, { type: 'feedback.continued' }] as CourseEvent[]);

describe("the scenario list's progress", () => {
  it('counts a skipped scenario as done and leaves its minutes out of the time left', () => {
    const context = contextAfter([{ type: 'course.started' }, { type: 'scenario.skipped', scenarioId: 'linear' }]);
    expect(listProgress(scenarioEntries(course, context))).toEqual({ done: 1, total: 2, minutesLeft: 5 });
  });

  it('still counts a scenario under way, and nothing once every scenario is finished or skipped', () => {
    const started = contextAfter([{ type: 'course.started' }, { type: 'scenario.selected', scenarioId: 'branching' }, ...choose('calm')]);
    expect(listProgress(scenarioEntries(course, started))).toEqual({ done: 0, total: 2, minutesLeft: 7 });
    const done = contextAfter([
      { type: 'course.started' },
      { type: 'scenario.skipped', scenarioId: 'linear' },
      { type: 'scenario.selected', scenarioId: 'branching' },
      ...choose('calm', 'alarm'),
    ]);
    expect(listProgress(scenarioEntries(course, done))).toEqual({ done: 2, total: 2, minutesLeft: 0 });
  });
});

describe('review', () => {
  it('shows every decision in order with its quality, the text variant seen, and the ending with its score', () => {
    const context = contextAfter([{ type: 'course.started' }, { type: 'scenario.selected', scenarioId: 'branching' }, ...choose('argue', 'retry', 'calm', 'alarm')]);
    const [played, unplayed] = courseReview(course, context);
    expect(played?.result.finished).toBe(true);
    expect(played?.attempts).toEqual([
      {
        counted: true,
        shortVersion: false,
        decisions: [
          { nodeId: 'a', choiceId: 'argue', quality: 'poor', question: false, variant: -1 },
          { nodeId: 'c', choiceId: 'retry', quality: 'acceptable', question: false, variant: -1 },
          { nodeId: 'a', choiceId: 'calm', quality: 'good', question: false, variant: 0 },
          { nodeId: 'b', choiceId: 'alarm', quality: 'good', question: false, variant: -1 },
        ],
        // A node scores the first time it is decided: argue 0 + retry 1 + alarm 2.
        ending: { endingId: 'end_good', outcome: 'good', variant: -1, score: 3, max: 4 },
      },
    ]);
    expect(unplayed?.attempts).toEqual([]);
    expect(unplayed?.result.finished).toBe(false);
  });

  it('shows a replay under way beside the finished attempt that counts', () => {
    const context = contextAfter([
      { type: 'course.started' },
      { type: 'scenario.selected', scenarioId: 'branching' },
      ...choose('argue', 'leave'),
      { type: 'ending.continued' },
      { type: 'scenario.selected', scenarioId: 'branching' },
      ...choose('calm'),
    ]);
    const attempts = courseReview(course, context)[0]?.attempts ?? [];
    expect(attempts.map((a) => [a.counted, a.decisions.map((d) => d.choiceId), a.ending?.endingId ?? null])).toEqual([
      [true, ['argue', 'leave'], 'end_poor'],
      [false, ['calm'], null],
    ]);
    expect(courseReview(course, context)[0]?.inProgress).toBe(true);
  });

  it('has no path for a scenario skipped before a decision', () => {
    const context = contextAfter([{ type: 'course.started' }, { type: 'scenario.skipped', scenarioId: 'linear' }]);
    const linear = courseReview(course, context)[1];
    expect(linear?.result.skipped).toBe(true);
    expect(linear?.attempts).toEqual([]);
  });
});

describe("the session's end", () => {
  function port(): LmsPort & { calls: string[] } {
    const calls: string[] = [];
    const call = (name: string) => () => (calls.push(name), true);
    return {
      calls,
      kind: 'scorm2004',
      initialize: call('initialize'),
      launchData: () => { throw new Error('not used'); },
      storedDecisions: () => [],
      recordDecision: call('recordDecision'),
      setObjective: call('setObjective'),
      setStatus: call('setStatus'),
      setProgress: call('setProgress'),
      setExit: (finished: boolean) => (calls.push(`setExit(${finished})`), true),
      setSessionTime: call('setSessionTime'),
      commit: call('commit'),
      terminate: call('terminate'),
    };
  }
  const session = (p: LmsPort, records: boolean, resumed: boolean) =>
    new Session({ port: p, win: {} as Window, now: () => 0, finished: () => true, records, resumed });

  it('saves time and exit, then terminates, when the launch records', () => {
    const p = port();
    session(p, true, false).end();
    expect(p.calls).toEqual(['setSessionTime', 'setExit(true)', 'commit', 'terminate']);
  });

  it('has what is still waiting written before it saves and before it leaves', () => {
    const p = port();
    const s = new Session({ port: p, win: {} as Window, now: () => 0, finished: () => false, records: true, resumed: false, beforeSave: () => p.calls.push('flush') });
    s.save();
    s.end();
    expect(p.calls).toEqual(['flush', 'setSessionTime', 'setExit(false)', 'commit', 'flush', 'setSessionTime', 'setExit(false)', 'commit', 'terminate']);
  });

  it('suspends a suspended attempt again and writes nothing else when the launch records nothing', () => {
    const p = port();
    const s = session(p, false, true);
    s.save();
    s.end();
    s.end();
    expect(p.calls).toEqual(['setExit(false)', 'terminate']);
  });

  it('only terminates when the launch records nothing and the attempt was not suspended', () => {
    const p = port();
    session(p, false, false).end();
    expect(p.calls).toEqual(['terminate']);
  });
});
