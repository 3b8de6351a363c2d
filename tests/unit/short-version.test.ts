import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseContext, CourseEvent } from '../../src/engine/events.ts';
import { decodeProgress, encodeProgress } from '../../src/engine/progress-codec.ts';
import { progressOf, replayProgress } from '../../src/engine/progress.ts';
import { courseResult } from '../../src/engine/scoring.ts';
import { screenOf } from '../../src/engine/screen.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import type { ScenarioSpec } from '../../src/model/scenario.ts';
import { branching, linear, playScenario } from './fixture-specs.ts';

/** `linear` with a short version: one question worth 2, then its own ending. */
const withShort: ScenarioSpec = {
  ...linear,
  alternative: 'kort_fraga',
  nodes: {
    ...linear.nodes,
    kort_fraga: {
      kind: 'situation',
      id: 'kort_fraga',
      question: true,
      choices: [
        { id: 'ratt', points: 2, quality: 'good', next: 'kort_slut' },
        { id: 'fel', points: 0, quality: 'poor', next: 'kort_slut' },
      ],
    },
    kort_slut: { kind: 'ending', id: 'kort_slut', outcome: 'good', takeaways: 2 },
  },
};
const course = (skipping: CourseSpec['skipping']): CourseSpec => ({
  id: 'c', version: 1, audience: 'staff', passMark: 70, replays: 'best', skipping, region: { id: 'generic', contacts: [], whatToDo: [] }, scenarios: [branching, withShort],
});

function run(spec: CourseSpec, events: readonly CourseEvent[]) {
  const actor = createActor(createCourseMachine(spec)).start();
  for (const e of [{ type: 'course.started' } as const, ...events]) actor.send(e);
  return actor;
}
const short = (choiceId: string): CourseEvent[] => [
  { type: 'scenario.alternative', scenarioId: 'linear' },
  { type: 'choice.selected', choiceId },
  { type: 'feedback.continued' },
];
const context = (actor: ReturnType<typeof run>) => actor.getSnapshot().context as CourseContext;

describe("a scenario's short version", () => {
  it('under skipping: alternative, skipping everything does not complete the course; the short version does', () => {
    const spec = course('alternative');
    const skippedAll = run(spec, [{ type: 'scenario.skipped', scenarioId: 'branching' }, { type: 'scenario.skipped', scenarioId: 'linear' }]);
    // branching has no short version: its skip counts, so the learner is never held back by it.
    expect(courseResult(spec, context(skippedAll))).toMatchObject({ completed: false, percent: null });
    const actor = run(spec, [{ type: 'scenario.skipped', scenarioId: 'branching' }, { type: 'scenario.skipped', scenarioId: 'linear' }, ...short('ratt')]);
    expect(screenOf(actor.getSnapshot())).toMatchObject({ screen: 'ending', scenarioId: 'linear', endingId: 'kort_slut' });
    // Stepping out costs nothing: the short version is scored over its own maximum.
    expect(courseResult(spec, context(actor))).toMatchObject({ completed: true, passed: true, percent: 100 });
    expect(courseResult(spec, context(actor)).scenarios.linear).toMatchObject({ finished: true, shortVersion: true, max: 2 });
  });

  it('under skipping: counts, a skip is done as before', () => {
    const spec = course('counts');
    const actor = run(spec, [{ type: 'scenario.skipped', scenarioId: 'branching' }, { type: 'scenario.skipped', scenarioId: 'linear' }]);
    expect(courseResult(spec, context(actor))).toMatchObject({ completed: true, passed: null });
  });

  it('is saved with a mark and replays into the same state', () => {
    const spec = course('alternative');
    const actor = run(spec, [...playScenario('branching', ['calm', 'alarm']), ...short('fel'), { type: 'ending.continued' }]);
    const text = encodeProgress(progressOf(spec, actor.getSnapshot()));
    expect(text).toMatch(/~linear\.[a-z0-9]+\.\*1;$/);
    const decoded = decodeProgress(text);
    if (!decoded.ok) throw new Error('unreadable');
    const again = createActor(createCourseMachine(spec)).start();
    expect(replayProgress(again, spec, decoded.progress).restarted).toEqual([]);
    expect(context(again).progress.linear?.attempts).toEqual(context(actor).progress.linear?.attempts);
    expect(courseResult(spec, context(again))).toEqual(courseResult(spec, context(actor)));
  });

  it('counts by percent against a full play-through under the best policy', () => {
    const spec = course('alternative');
    const actor = run(spec, [...playScenario('linear', ['ok']), ...short('fel')]);
    // The full play-through (1 of 1 = 100 %) counts, not the later short version at 0 %.
    expect(courseResult(spec, context(actor)).scenarios.linear).toMatchObject({ percent: 100, shortVersion: false });
  });
});
