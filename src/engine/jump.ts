import { initialTransition, transition } from 'xstate';
import type { CourseSpec } from '../model/course.ts';
import { createCourseMachine, type CourseMachine } from './course-machine.ts';
import type { CourseEvent, Screen } from './events.ts';
import { screenOf } from './screen.ts';

type Snapshot = ReturnType<CourseMachine['transition']>;

/** Beyond this many distinct states the target is taken as unreachable, so a preview never hangs. */
const MAX_STATES = 50_000;

/**
 * Every event a learner could send on a screen. Keyed by event type so that a new kind of
 * event in `CourseEvent` fails to compile here until the search knows how to try it.
 * Guards decide which of these the machine actually takes.
 */
const candidates: { [K in CourseEvent['type']]: (course: CourseSpec, screen: Screen) => Extract<CourseEvent, { type: K }>[] } = {
  'course.started': () => [{ type: 'course.started' }],
  'choice.selected': (course, screen) => {
    if (!('nodeId' in screen)) return [];
    const node = course.scenarios.find((s) => s.id === screen.scenarioId)?.nodes[screen.nodeId];
    const choices = node && 'choices' in node ? node.choices : [];
    return choices.map((c) => ({ type: 'choice.selected', choiceId: c.id }));
  },
  'feedback.continued': () => [{ type: 'feedback.continued' }],
  'ending.continued': () => [{ type: 'ending.continued' }],
};

/**
 * What identifies a state for the search: the active states plus the context, with every
 * list read as a set. Conditions ask whether a choice was taken or a flag is set, never how
 * often, so walking a loop again reaches nothing new; without this the search could loop forever.
 */
function stateKey(snapshot: Snapshot): string {
  const asSet = (_key: string, value: unknown): unknown =>
    Array.isArray(value) ? [...new Set(value.map((v) => JSON.stringify(v, asSet)))].sort() : value;
  return JSON.stringify([snapshot.value, snapshot.context], asSet);
}

/** Whether the learner is deciding at the node, or looking at it if it is an ending. */
function isAt(screen: Screen, scenarioId: string, nodeId: string): boolean {
  if (!('scenarioId' in screen) || screen.scenarioId !== scenarioId || screen.screen === 'feedback') return false;
  return ('nodeId' in screen && screen.nodeId === nodeId) || ('endingId' in screen && screen.endingId === nodeId);
}

/**
 * The shortest list of events that takes a fresh course to a node of a scenario: breadth-first
 * over the machine's own transitions, so guards and earlier scenarios are respected exactly
 * as a learner would meet them. `null` if no learner can get there.
 */
export function eventsToNode(course: CourseSpec, scenarioId: string, nodeId: string): CourseEvent[] | null {
  const spec = course.scenarios.find((s) => s.id === scenarioId);
  if (!spec?.nodes[nodeId]) return null;
  const machine = createCourseMachine(course);
  const [initial] = initialTransition(machine);
  const queue: { snapshot: Snapshot; events: CourseEvent[] }[] = [{ snapshot: initial, events: [] }];
  const seen = new Set([stateKey(initial)]);
  for (let i = 0; i < queue.length && seen.size < MAX_STATES; i++) {
    const { snapshot, events } = queue[i] as (typeof queue)[number];
    const screen = screenOf(snapshot);
    if (isAt(screen, scenarioId, nodeId)) return events;
    const tried = Object.values(candidates).flatMap((make) => make(course, screen));
    for (const event of tried) {
      const [next] = transition(machine, snapshot, event);
      const key = stateKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ snapshot: next, events: [...events, event] });
    }
  }
  return null;
}
