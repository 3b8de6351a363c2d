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
const candidates: {
  [K in CourseEvent['type']]: (course: CourseSpec, screen: Screen, target: string) => Extract<CourseEvent, { type: K }>[];
} = {
  'course.started': () => [{ type: 'course.started' }],
  // Conditions read only the scenario's own attempt, so other scenarios never open a way in.
  'scenario.selected': (_course, _screen, target) => [{ type: 'scenario.selected', scenarioId: target }],
  // Skipping never opens a way to a node: it only leads back to the list.
  'scenario.skipped': () => [],
  // The short version's nodes are entered at its first question.
  'scenario.alternative': (_course, _screen, target) => [{ type: 'scenario.alternative', scenarioId: target }],
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

/** The facts any guard reads: choices named in `when: { chose }` and flags named in `when`. */
function factsRead(course: CourseSpec): { chosen: Set<string>; flags: Set<string> } {
  const chosen = new Set<string>();
  const flags = new Set<string>();
  for (const spec of course.scenarios) {
    for (const node of Object.values(spec.nodes)) {
      for (const choice of 'choices' in node ? node.choices : []) {
        const when = choice.when;
        if (when?.chose !== undefined) chosen.add(`${spec.id}:${when.chose}`);
        for (const flag of [when?.flag, when?.notFlag]) if (flag !== undefined) flags.add(`${spec.id}:${flag}`);
      }
    }
  }
  return { chosen, flags };
}

/**
 * What identifies a state for the search: exactly what guards read. They see, of a scenario's
 * current attempt, the choices and flags their conditions name and its ending, and whether any
 * earlier attempt ended; never how a learner got there otherwise. Keeping only that makes the
 * state space small (one per node and relevant fact set, not one per path), so the search ends
 * quickly even on large branching scenarios.
 */
function stateKey(snapshot: Snapshot, read: ReturnType<typeof factsRead>): string {
  const { progress, current } = snapshot.context as CourseContext;
  const relevant = (id: string, values: readonly string[], among: Set<string>) =>
    [...new Set(values)].filter((v) => among.has(`${id}:${v}`)).sort();
  const scenarios = Object.keys(progress)
    .sort()
    .map((id) => {
      const attempts = progress[id]?.attempts ?? [];
      const last = attempts.at(-1);
      const endedBefore = attempts.slice(0, -1).some((a) => a.endingId !== null);
      const now = last && [
        relevant(id, last.decisions.map((d) => `${d.nodeId}.${d.choiceId}`), read.chosen),
        relevant(id, last.flags, read.flags),
        last.endingId,
      ];
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
  const read = factsRead(course);
  const queue: { snapshot: Snapshot; events: CourseEvent[] }[] = [{ snapshot: initial, events: [] }];
  const seen = new Set([stateKey(initial, read)]);
  for (let i = 0; i < queue.length && seen.size < MAX_STATES; i++) {
    const { snapshot, events } = queue[i] as (typeof queue)[number];
    const screen = screenOf(snapshot);
    if (isAt(screen, scenarioId, nodeId)) return events;
    const tried = Object.values(candidates).flatMap((make): CourseEvent[] => make(course, screen, scenarioId));
    for (const event of tried) {
      const [next] = transition(machine, snapshot, event);
      const key = stateKey(next, read);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ snapshot: next, events: [...events, event] });
    }
  }
  return null;
}
