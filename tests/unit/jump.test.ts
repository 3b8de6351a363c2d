import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { buildTargets, compileBundle } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { createCourseMachine } from '../../src/engine/course-machine.ts';
import type { CourseEvent, Screen } from '../../src/engine/events.ts';
import { eventsToNode } from '../../src/engine/jump.ts';
import { screenOf } from '../../src/engine/screen.ts';
import type { CourseSpec } from '../../src/model/course.ts';
import type { ScenarioSpec } from '../../src/model/scenario.ts';
import { twoScenarioCourse } from './fixture-specs.ts';

const root = resolve(import.meta.dirname, '../..');

/** Plays the events through a real actor and says where the learner ends up. */
function play(course: CourseSpec, events: readonly CourseEvent[]): Screen {
  const actor = createActor(createCourseMachine(course)).start();
  for (const event of events) actor.send(event);
  return screenOf(actor.getSnapshot());
}

function expectedScreen(spec: ScenarioSpec, nodeId: string): Screen {
  return spec.nodes[nodeId]?.kind === 'ending'
    ? { screen: 'ending', scenarioId: spec.id, endingId: nodeId }
    : { screen: 'situation', scenarioId: spec.id, nodeId };
}

/** Fewest choices from the start to each node, over the graph alone (ignoring conditions). */
function graphDistances(spec: ScenarioSpec): Map<string, number> {
  const distance = new Map([[spec.start, 0]]);
  const queue = [spec.start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const node = spec.nodes[id];
    for (const choice of node?.kind === 'situation' ? node.choices : []) {
      if (distance.has(choice.next)) continue;
      distance.set(choice.next, (distance.get(id) ?? 0) + 1);
      queue.push(choice.next);
    }
  }
  return distance;
}

const started: CourseEvent[] = [{ type: 'course.started' }];
const open = (scenarioId: string): CourseEvent => ({ type: 'scenario.selected', scenarioId });
const choose = (choiceId: string): CourseEvent[] => [{ type: 'choice.selected', choiceId }, { type: 'feedback.continued' }];

describe('eventsToNode on the fixture course', () => {
  it('opens a scenario for its start node', () => {
    expect(eventsToNode(twoScenarioCourse, 'branching', 'a')).toEqual([...started, open('branching')]);
    expect(eventsToNode(twoScenarioCourse, 'linear', 'only')).toEqual([...started, open('linear')]);
  });

  it('takes the fewest events, through feedback, to a situation and to an ending', () => {
    expect(eventsToNode(twoScenarioCourse, 'branching', 'c')).toEqual([...started, open('branching'), ...choose('argue')]);
    expect(eventsToNode(twoScenarioCourse, 'branching', 'end_good')).toEqual([
      ...started,
      open('branching'),
      ...choose('calm'),
      ...choose('alarm'),
    ]);
  });

  it('leaves the learner deciding at every node, or looking at every ending', () => {
    for (const spec of twoScenarioCourse.scenarios) {
      for (const nodeId of Object.keys(spec.nodes)) {
        const events = eventsToNode(twoScenarioCourse, spec.id, nodeId);
        expect(events, `${spec.id}.${nodeId}`).not.toBeNull();
        expect(play(twoScenarioCourse, events ?? [])).toEqual(expectedScreen(spec, nodeId));
      }
    }
  });

  it('answers null for nodes and scenarios that do not exist', () => {
    expect(eventsToNode(twoScenarioCourse, 'branching', 'nowhere')).toBeNull();
    expect(eventsToNode(twoScenarioCourse, 'missing', 'a')).toBeNull();
  });
});

describe('eventsToNode respects conditions', () => {
  // The direct way to `goal` needs a flag that only the detour through `prepare` sets, and
  // `locked` hangs off a choice whose condition nothing can make true.
  const guarded: ScenarioSpec = {
    id: 'guarded',
    version: 1,
    estimatedMinutes: 3,
    hasContentNote: false,
    start: 'door',
    nodes: {
      door: {
        kind: 'situation',
        id: 'door',
        choices: [
          { id: 'direct', points: 2, quality: 'good', next: 'goal', when: { flag: 'ready' } },
          { id: 'detour', points: 1, quality: 'acceptable', next: 'prepare', sets: ['ready'] },
          { id: 'force', points: 0, quality: 'poor', next: 'locked', when: { flag: 'never_set' } },
        ],
      },
      prepare: { kind: 'situation', id: 'prepare', choices: [{ id: 'back', points: 0, quality: 'acceptable', next: 'door' }] },
      goal: { kind: 'situation', id: 'goal', choices: [{ id: 'finish', points: 1, quality: 'good', next: 'done' }] },
      locked: { kind: 'situation', id: 'locked', choices: [{ id: 'finish', points: 0, quality: 'poor', next: 'done' }] },
      done: { kind: 'ending', id: 'done', outcome: 'good', takeaways: 1 },
    },
  };
  const course: CourseSpec = { ...twoScenarioCourse, scenarios: [guarded] };

  it('takes the longer way when the short one is closed by a condition', () => {
    const events = eventsToNode(course, 'guarded', 'goal');
    expect(events).toEqual([...started, open('guarded'), ...choose('detour'), ...choose('back'), ...choose('direct')]);
    expect(play(course, events ?? [])).toEqual(expectedScreen(guarded, 'goal'));
  });

  it('answers null for a node no learner can reach', () => {
    expect(eventsToNode(course, 'guarded', 'locked')).toBeNull();
  });
});

describe('eventsToNode on the scenarios in scenarios/', () => {
  const { project } = loadProject(root);
  const courses = buildTargets(project).map((target) => compileBundle(project, target).course);

  it('finds the shortest way to every node of every scenario, and it lands there', { timeout: 60_000 }, () => {
    expect(courses.length).toBeGreaterThan(0);
    // A scenario serves several audiences; its machine is the same in each, so search it once.
    const searched = new Set<string>();
    for (const course of courses) {
      for (const spec of course.scenarios) {
        if (searched.has(spec.id)) continue;
        searched.add(spec.id);
        const conditional = Object.values(spec.nodes).some((n) => n.kind === 'situation' && n.choices.some((c) => c.when));
        for (const [nodeId, distance] of graphDistances(spec)) {
          const events = eventsToNode(course, spec.id, nodeId);
          expect(events, `${spec.id}.${nodeId}`).not.toBeNull();
          expect(play(course, events ?? [])).toEqual(expectedScreen(spec, nodeId));
          // Without conditions the machine's shortest way is the graph's: start, open, then choice + continue per step.
          if (!conditional) expect(events).toHaveLength(2 + 2 * distance);
        }
      }
    }
  });
});
