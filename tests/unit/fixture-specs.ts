import type { CourseEvent } from '../../src/engine/events.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import type { ScenarioSpec } from '../../src/model/scenario.ts';

/** a → (b | c); b → (end_good | c); c → (end_poor | back to a); d scores nothing twice. */
export const branching: ScenarioSpec = {
  id: 'branching',
  version: 1,
  estimatedMinutes: 5,
  hasContentNote: false,
  start: 'a',
  nodes: {
    a: {
      kind: 'situation',
      id: 'a',
      choices: [
        { id: 'calm', points: 2, quality: 'good', next: 'b' },
        { id: 'argue', points: 0, quality: 'poor', next: 'c' },
      ],
    },
    b: {
      kind: 'situation',
      id: 'b',
      choices: [
        { id: 'alarm', points: 2, quality: 'good', next: 'end_good' },
        { id: 'wait', points: 1, quality: 'acceptable', next: 'c' },
      ],
    },
    c: {
      kind: 'situation',
      id: 'c',
      choices: [
        { id: 'leave', points: 0, quality: 'poor', next: 'end_poor' },
        { id: 'retry', points: 1, quality: 'acceptable', next: 'a' },
      ],
    },
    end_good: { kind: 'ending', id: 'end_good', outcome: 'good', takeaways: 2 },
    end_poor: { kind: 'ending', id: 'end_poor', outcome: 'poor', takeaways: 1 },
  },
};

export const linear: ScenarioSpec = {
  id: 'linear',
  version: 3,
  estimatedMinutes: 2,
  hasContentNote: true,
  start: 'only',
  nodes: {
    only: { kind: 'situation', id: 'only', choices: [{ id: 'ok', points: 1, quality: 'good', next: 'done' }] },
    done: { kind: 'ending', id: 'done', outcome: 'acceptable', takeaways: 1 },
  },
};

export const twoScenarioCourse: CourseSpec = {
  id: 'test_course',
  version: 1,
  audience: 'staff',
  passMark: 70,
  replays: 'first',
  region: { id: 'generic', contacts: [], whatToDo: [] },
  scenarios: [branching, linear],
};

/**
 * The events of playing one scenario from the list: each choice, its feedback read, and then
 * (unless `ending` is false) past the ending, back to the list.
 */
export function playScenario(scenarioId: string, choiceIds: readonly string[], { ending = true } = {}): CourseEvent[] {
  return [
    { type: 'scenario.selected', scenarioId },
    ...choiceIds.flatMap((choiceId): CourseEvent[] => [{ type: 'choice.selected', choiceId }, { type: 'feedback.continued' }]),
    ...(ending ? [{ type: 'ending.continued' } as const] : []),
  ];
}

/** The smallest whole scenario as trainers write it: one situation, one choice, one ending (the nodes, indented under `nodes:`). */
export const SMALLEST_NODES = `  a:
    kind: situation
    text: Hej
    choices:
      - id: c1
        text: Val
        points: 2
        quality: good
        feedback: Bra
        next: end
  end:
    kind: ending
    outcome: good
    title: Slut
    text: Klart
    takeaways: [Lärdom]
`;
