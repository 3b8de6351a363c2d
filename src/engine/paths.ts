import { getShortestPaths } from 'xstate/graph';
import { shortVersion, situation, type ScenarioSpec } from '../model/scenario.ts';
import type { CourseContext, CourseEvent, Decision } from './events.ts';
import { createScenarioMachine } from './scenario-machine.ts';
import { screenOf } from './screen.ts';

export interface EndingPath {
  readonly endingId: string;
  /** A path through the scenario's short version, from its first question. */
  readonly short?: true;
  /** The decisions, in order, that lead from the start to the ending. */
  readonly decisions: readonly Decision[];
}

/**
 * One shortest path to every ending the scenario's machine can reach, found by
 * `xstate/graph` over the real transitions (guards and conditions included). States are
 * told apart by position and by the attempt's flags and choices, so the search merges
 * histories that cannot differ later and stays small.
 */
export function pathsToEndings(spec: ScenarioSpec): EndingPath[] {
  const short = shortVersion(spec);
  const paths = [...shortestPaths(spec), ...(short ? shortestPaths(short).map((p) => ({ ...p, short: true as const })) : [])];
  return paths.sort((x, y) => x.endingId.localeCompare(y.endingId));
}

function shortestPaths(spec: ScenarioSpec): EndingPath[] {
  const machine = createScenarioMachine(spec);
  const attempt = (context: unknown) => (context as CourseContext).progress[spec.id]?.attempts.at(-1);
  const paths = getShortestPaths(machine, {
    events: (snapshot): CourseEvent[] => {
      const screen = screenOf(snapshot);
      if (screen.screen === 'situation') {
        return situation(spec, screen.nodeId).choices.map((c) => ({ type: 'choice.selected', choiceId: c.id }));
      }
      return screen.screen === 'feedback' ? [{ type: 'feedback.continued' }] : [];
    },
    serializeState: (snapshot) => {
      const a = attempt(snapshot.context);
      const chosen = (a?.decisions ?? []).map((d) => `${d.nodeId}.${d.choiceId}`).sort();
      return JSON.stringify([snapshot.value, [...(a?.flags ?? [])].sort(), chosen.length > 0 ? chosenRelevant(spec, chosen) : []]);
    },
  });
  const best = new Map<string, EndingPath>();
  for (const path of paths) {
    if (path.state.status !== 'done') continue;
    const a = attempt(path.state.context);
    if (!a?.endingId) continue;
    const known = best.get(a.endingId);
    if (!known || a.decisions.length < known.decisions.length) best.set(a.endingId, { endingId: a.endingId, decisions: a.decisions });
  }
  return [...best.values()];
}

/** Only choices some condition asks about can change what happens later. */
function chosenRelevant(spec: ScenarioSpec, chosen: string[]): string[] {
  const asked = new Set<string>();
  for (const node of Object.values(spec.nodes)) {
    const conditions = [...(node.kind === 'situation' ? node.choices.map((c) => c.when) : []), ...(node.variants ?? [])];
    for (const c of conditions) if (c?.chose) asked.add(c.chose);
  }
  return chosen.filter((c) => asked.has(c));
}
