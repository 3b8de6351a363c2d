import { initialTransition, transition } from 'xstate';
import type { CourseSpec } from '../model/course.ts';
import { createCourseMachine, type CourseMachine } from './course-machine.ts';
import type { CourseContext, CourseEvent, Screen } from './events.ts';
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
  'scenario.selected': (course) => course.scenarios.map((s) => ({ type: 'scenario.selected', scenarioId: s.id })),
  'choice.selected': (course, screen) => {
    if (!('nodeId' in screen)) return [];
    const node = course.scenarios.find((s) => s.id === screen.scenarioId)?.nodes[screen.nodeId];
    const choices = node && 'choices' in node ? node.choices : [];
    return choices.map((c) => ({ type: 'choice.selected', choiceId: c.id }));
  },
  'feedback.continued': () => [{ type: 'feedback.continued' }],
  'ending.continued': () => [{ type: 'ending.continued' }],
  'summary.opened': () => [{ type: 'summary.opened' }],
  'menu.opened': () => [{ type: 'menu.opened' }],
};

/**
 * What identifies a state for the search: exactly what guards and screens read. They see a
 * scenario's current attempt (choices taken and flags set, as sets, and its ending) and
 * whether any earlier attempt ended, never how often a loop was walked or what older
 * attempts chose; keeping only that makes the state space finite, so the search ends.
 */
function stateKey(snapshot: Snapshot): string {
  const { progress, current } = snapshot.context as CourseContext;
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  const scenarios = Object.keys(progress)
    .sort()
    .map((id) => {
      const attempts = progress[id]?.attempts ?? [];
      const last = attempts.at(-1);
      const endedBefore = attempts.slice(0, -1).some((a) => a.endingId !== null);
      const now = last && [sorted(last.decisions.map((d) => `${d.nodeId}.${d.choiceId}`)), sorted(last.flags), last.endingId];
      return [id, endedBefore, now];
    });
  return JSON.stringify([snapshot.value, current, scenarios]);
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
    const tried = Object.values(candidates).flatMap((make): CourseEvent[] => make(course, screen));
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
