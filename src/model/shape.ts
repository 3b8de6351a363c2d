import type { ScenarioSpec } from './scenario.ts';
import { isEndingState, isLoop, stateGroups, statesThatFinish, walkGraph, wayTo, type WalkGraph } from './walks.ts';

/** A state where the learner is stuck, with a shortest way there. */
export interface Stuck {
  readonly nodeId: string;
  readonly way: readonly string[];
}

/**
 * A loop with no way out, with a shortest way in. `conditional` when the way out exists but
 * its conditions fail for those who come this way.
 */
export interface Trap {
  readonly nodes: readonly string[];
  readonly way: readonly string[];
  readonly conditional: boolean;
}

/** What the walk graph says about a scenario as a whole: its flaws and its size. */
export interface ScenarioShape {
  /** Nodes some walk reaches with the conditions taken into account. */
  readonly reached: ReadonlySet<string>;
  /** Situations reached with no choice on offer (every choice's condition fails). */
  readonly stuck: readonly Stuck[];
  /** Loops the learner can enter but never leave towards an ending. */
  readonly traps: readonly Trap[];
  /** Nodes, outside any trap, from which every walk leads into a trap or a stuck situation. */
  readonly deadEnds: readonly string[];
  /** Loops a learner can go round and still finish, as node ids. */
  readonly loops: readonly (readonly string[])[];
  /** Distinct complete walks from the start to an ending; Infinity with loops. */
  readonly paths: number;
  /**
   * Most decisions in one complete attempt, each loop gone round at most once; an upper
   * bound, since a loop's states are counted as if one walk could take them all.
   */
  readonly longestLog: number;
}

const nodesOf = (graph: WalkGraph, keys: readonly string[]): string[] => [
  ...new Set(keys.map((k) => graph.states.get(k)?.nodeId as string)),
];

const shapes = new WeakMap<ScenarioSpec, ScenarioShape>();

export function scenarioShape(spec: ScenarioSpec): ScenarioShape {
  const known = shapes.get(spec);
  if (known) return known;
  const graph = walkGraph(spec);
  const finishing = statesThatFinish(spec, graph);
  const offered = (key: string) => graph.steps.get(key) ?? [];
  const stuck: Stuck[] = [];
  const lost = new Set<string>();
  for (const state of graph.states.values()) {
    if (finishing.has(state.key)) continue;
    lost.add(state.key);
    if (!isEndingState(spec, state) && offered(state.key).length === 0 && !stuck.some((s) => s.nodeId === state.nodeId)) {
      stuck.push({ nodeId: state.nodeId, way: wayTo(graph, state.key) });
    }
  }
  const finishingNodes = new Set(nodesOf(graph, [...finishing]));
  const trapGroups = stateGroups(graph, lost).filter((g) => isLoop(graph, g));
  const traps: Trap[] = [];
  for (const group of trapGroups) {
    const nodes = nodesOf(graph, group);
    const key = [...nodes].sort().join(' ');
    if (traps.some((t) => [...t.nodes].sort().join(' ') === key)) continue;
    traps.push({ nodes, way: wayTo(graph, group[0] as string), conditional: nodes.some((n) => finishingNodes.has(n)) });
  }
  const inTrapOrStuck = new Set([...traps.flatMap((t) => t.nodes), ...stuck.map((s) => s.nodeId)]);
  // A node lost only for some histories is explained by the trap or stuck situation it leads to.
  const deadEnds = nodesOf(graph, [...lost]).filter((n) => !inTrapOrStuck.has(n) && !finishingNodes.has(n));

  // Finishing walks: their loops make the number of paths infinite, and the longest log
  // is found over the groups in reverse discovery order (Tarjan yields targets first).
  const groups = stateGroups(graph, finishing);
  const loopGroups = groups.filter((g) => isLoop(graph, g));
  const groupOf = new Map(groups.flatMap((g, i) => g.map((k) => [k, i] as const)));
  const longest: number[] = [];
  const count: number[] = [];
  groups.forEach((group, i) => {
    let exit = -Infinity;
    let paths = 0;
    for (const key of group) {
      const state = graph.states.get(key);
      if (state && isEndingState(spec, state)) {
        exit = Math.max(exit, 0);
        paths += 1;
      }
      for (const { to } of offered(key)) {
        const j = groupOf.get(to);
        if (j === undefined || j === i) continue;
        exit = Math.max(exit, 1 + (longest[j] ?? -Infinity));
        paths += count[j] ?? 0;
      }
    }
    longest[i] = group.length - 1 + exit;
    count[i] = paths;
  });
  const startGroup = groupOf.get(graph.start);
  const reachedLoop = loopGroups.length > 0;
  const shape = {
    reached: new Set(nodesOf(graph, [...graph.states.keys()])),
    stuck,
    traps,
    deadEnds,
    loops: unique(loopGroups.map((g) => nodesOf(graph, g))),
    paths: startGroup === undefined ? 0 : reachedLoop ? Infinity : (count[startGroup] ?? 0),
    longestLog: startGroup === undefined ? 0 : Math.max(0, longest[startGroup] ?? 0),
  };
  shapes.set(spec, shape);
  return shape;
}

/** Node sets that differ only by the flags their states carried are one loop to the author. */
function unique(sets: string[][]): string[][] {
  const seen = new Set<string>();
  return sets.filter((s) => {
    const key = [...s].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
