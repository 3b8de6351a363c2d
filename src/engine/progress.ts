import type { Actor } from 'xstate';
import { structureHash } from '../model/analysis.ts';
import { factsOf, holds } from '../model/conditions.ts';
import type { CourseSpec } from '../model/course.ts';
import { situation, type ScenarioSpec } from '../model/scenario.ts';
import type { CourseMachine } from './course-machine.ts';
import { isSkipped, type Attempt, type CourseContext } from './events.ts';
import type { SavedAt, SavedProgress, SavedScenario } from './progress-codec.ts';
import { screenOf } from './screen.ts';
import { countedAttempt } from './scoring.ts';

type CourseActor = Actor<CourseMachine>;
type Snapshot = ReturnType<CourseActor['getSnapshot']>;

const AT: Record<ReturnType<typeof screenOf>['screen'], SavedAt> = {
  intro: 'i',
  menu: 'm',
  situation: 'd',
  feedback: 'f',
  ending: 'e',
  summary: 'z',
};

const segment = (spec: ScenarioSpec, attempt: Attempt): SavedScenario => ({
  id: spec.id,
  hash: structureHash(spec),
  ...(attempt.alternative ? { alternative: true as const } : {}),
  choices: attempt.decisions.map((d) => situation(spec, d.nodeId).choices.findIndex((c) => c.id === d.choiceId)),
});

/**
 * The decision log of a snapshot, ready for the codec: per scenario the attempt that counts,
 * and for the scenario in play its current attempt, last. Older replays are already in the
 * LMS as interactions and are not needed to resume, which keeps the log bounded.
 */
export function progressOf(course: CourseSpec, snapshot: Snapshot): SavedProgress {
  const context = snapshot.context as CourseContext;
  const screen = screenOf(snapshot);
  const inPlay = screen.screen === 'situation' || screen.screen === 'feedback' || screen.screen === 'ending' ? context.current : null;
  const kept: SavedScenario[] = [];
  const last: SavedScenario[] = [];
  const skipped: string[] = [];
  for (const spec of course.scenarios) {
    const progress = context.progress[spec.id];
    if (!progress) continue;
    if (isSkipped(progress)) skipped.push(spec.id);
    const counted = countedAttempt(spec, progress, course.replays);
    const current = progress.attempts.at(-1);
    const attempts = spec.id === inPlay && current && current !== counted ? [counted, current] : [counted];
    const target = spec.id === inPlay ? last : kept;
    for (const a of attempts) if (a && (a.endingId !== null || (spec.id === inPlay && a.skipped !== true))) target.push(segment(spec, a));
  }
  return { at: AT[screen.screen], skipped, scenarios: [...kept, ...last] };
}

/** Where a saved list of choice indexes leads from the scenario's start (or its short version's), if it is a walk the scenario allows. */
function walkEnd(spec: ScenarioSpec, choices: readonly number[], alternative = false): 'ending' | 'situation' | null {
  const start = alternative ? spec.alternative : spec.start;
  if (!start) return null;
  let node = spec.nodes[start];
  const decisions: { nodeId: string; choiceId: string }[] = [];
  for (const index of choices) {
    if (node?.kind !== 'situation') return null;
    const choice = node.choices[index];
    if (!choice || !holds(choice.when, factsOf(spec, decisions))) return null;
    decisions.push({ nodeId: node.id, choiceId: choice.id });
    node = spec.nodes[choice.next];
  }
  return node?.kind ?? null;
}

export interface ReplayOutcome {
  /** Scenario ids whose saved decisions no longer fit the course and were dropped. */
  readonly restarted: readonly string[];
}

/**
 * Replays a saved log into a fresh, started course actor. A scenario whose structure changed
 * since the log was written, or whose log does not fit it, is dropped (it starts over and the
 * learner is told) instead of a crash or a wrong position. Each attempt is checked before any
 * of its events is sent, so nothing half-replays; only the last attempt may be unfinished.
 */
export function replayProgress(actor: CourseActor, course: CourseSpec, saved: SavedProgress): ReplayOutcome {
  if (saved.scenarios.length === 0 && saved.skipped.length === 0 && saved.at === 'i') return { restarted: [] };
  actor.send({ type: 'course.started' });
  // A skip needs no structure: a scenario no longer in the course is simply not skipped.
  for (const scenarioId of saved.skipped) actor.send({ type: 'scenario.skipped', scenarioId });
  const restarted = new Set<string>();
  for (const [i, seg] of saved.scenarios.entries()) {
    const isLast = i === saved.scenarios.length - 1;
    const spec = course.scenarios.find((s) => s.id === seg.id);
    const end = spec && structureHash(spec) === seg.hash ? walkEnd(spec, seg.choices, seg.alternative === true) : null;
    if (!spec || end === null || (end !== 'ending' && !isLast) || restarted.has(seg.id)) {
      restarted.add(seg.id);
      continue;
    }
    // Finishing every scenario leads to the summary; a replay after that starts from the list.
    if (screenOf(actor.getSnapshot()).screen === 'summary') actor.send({ type: 'menu.opened' });
    actor.send({ type: seg.alternative ? 'scenario.alternative' : 'scenario.selected', scenarioId: spec.id });
    for (const [j, index] of seg.choices.entries()) {
      const nodeId = (screenOf(actor.getSnapshot()) as { nodeId: string }).nodeId;
      actor.send({ type: 'choice.selected', choiceId: situation(spec, nodeId).choices[index]?.id ?? '' });
      const stayOnFeedback = isLast && saved.at === 'f' && j === seg.choices.length - 1;
      if (!stayOnFeedback) actor.send({ type: 'feedback.continued' });
    }
    if (end === 'ending' && !(isLast && saved.at === 'e')) actor.send({ type: 'ending.continued' });
  }
  if (saved.at === 'm') actor.send({ type: 'menu.opened' });
  if (saved.at === 'z') actor.send({ type: 'summary.opened' });
  return { restarted: [...restarted] };
}
