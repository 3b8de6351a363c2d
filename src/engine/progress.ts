import type { Actor } from 'xstate';
import { structureHash } from '../model/analysis.ts';
import type { CourseSpec } from '../model/course.ts';
import { situation, type ScenarioSpec } from '../model/scenario.ts';
import type { CourseMachine } from './course-machine.ts';
import type { CourseContext } from './events.ts';
import type { SavedAt, SavedProgress } from './progress-codec.ts';
import { screenOf } from './screen.ts';

type CourseActor = Actor<CourseMachine>;
type Snapshot = ReturnType<CourseActor['getSnapshot']>;

const AT: Record<ReturnType<typeof screenOf>['screen'], SavedAt> = {
  intro: 'i',
  situation: 'd',
  feedback: 'f',
  ending: 'e',
  summary: 'z',
};

/** The decision log of a snapshot, ready for the codec. */
export function progressOf(course: CourseSpec, snapshot: Snapshot): SavedProgress {
  const context = snapshot.context as CourseContext;
  const scenarios = Object.entries(context.progress).flatMap(([id, progress]) => {
    const spec = course.scenarios.find((s) => s.id === id);
    if (!spec) return [];
    const choices = progress.decisions.map((d) => situation(spec, d.nodeId).choices.findIndex((c) => c.id === d.choiceId));
    return [{ id, hash: structureHash(spec), choices }];
  });
  return { at: AT[screenOf(snapshot).screen], scenarios };
}

export interface ReplayOutcome {
  /** Scenario ids whose saved decisions no longer fit the course and were dropped. */
  readonly restarted: readonly string[];
}

/** Whether a saved list of choice indexes is a walk the scenario allows from its start. */
function fits(spec: ScenarioSpec, choices: readonly number[]): boolean {
  let node = spec.nodes[spec.start];
  for (const index of choices) {
    if (node?.kind !== 'situation') return false;
    const choice = node.choices[index];
    if (!choice) return false;
    node = spec.nodes[choice.next];
  }
  return true;
}

/**
 * Replays a saved log into a fresh, started course actor. Replay stops at the first
 * scenario whose structure changed since the log was written, or whose log does not fit
 * it; from there scenarios start over and the learner is told, instead of a crash or a
 * wrong position. Logs are checked before any event is sent, so nothing half-replays.
 */
export function replayProgress(actor: CourseActor, course: CourseSpec, saved: SavedProgress): ReplayOutcome {
  if (saved.scenarios.length === 0 && saved.at === 'i') return { restarted: [] };
  actor.send({ type: 'course.started' });
  for (const [i, segment] of saved.scenarios.entries()) {
    const lastSegment = i === saved.scenarios.length - 1;
    const spec = course.scenarios.find((s) => s.id === segment.id);
    const screen = screenOf(actor.getSnapshot());
    const inPlace = screen.screen === 'situation' && screen.scenarioId === segment.id;
    if (!spec || !inPlace || structureHash(spec) !== segment.hash || !fits(spec, segment.choices)) {
      return { restarted: saved.scenarios.slice(i).map((s) => s.id) };
    }
    for (const [j, index] of segment.choices.entries()) {
      const nodeId = (screenOf(actor.getSnapshot()) as { nodeId: string }).nodeId;
      actor.send({ type: 'choice.selected', choiceId: situation(spec, nodeId).choices[index]?.id ?? '' });
      const stayOnFeedback = lastSegment && saved.at === 'f' && j === segment.choices.length - 1;
      if (!stayOnFeedback) actor.send({ type: 'feedback.continued' });
    }
    if (screenOf(actor.getSnapshot()).screen === 'ending' && !(lastSegment && saved.at === 'e')) {
      actor.send({ type: 'ending.continued' });
    }
  }
  return { restarted: [] };
}
