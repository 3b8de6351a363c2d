import { holds } from './conditions.ts';
import type { ChoiceSpec, ScenarioSpec } from './scenario.ts';

/**
 * Where a learner can be in a scenario once conditions are taken into account: a node plus
 * the facts `when` conditions read (flags set, and only those earlier choices some condition
 * asks about). Two walks that agree on these can never differ later, so the graph of such
 * states is small and finite even when the scenario loops. The checker and the runtime's
 * score range both read this one graph.
 */
export interface WalkState {
  readonly key: string;
  readonly nodeId: string;
  readonly flags: readonly string[];
  readonly chosen: readonly string[];
}

/** A choice the learner is offered in a state, and the state it leads to. */
export interface WalkStep {
  readonly choice: ChoiceSpec;
  readonly to: string;
}

export interface WalkGraph {
  readonly start: string;
  /** In breadth-first order from the start. */
  readonly states: ReadonlyMap<string, WalkState>;
  /** The choices offered in each state (none for endings). */
  readonly steps: ReadonlyMap<string, readonly WalkStep[]>;
  /** The step that first reached each state, for showing a shortest way there. */
  readonly via: ReadonlyMap<string, { readonly from: string; readonly choice: ChoiceSpec }>;
}

/** The earlier choices (`node.choice`) some condition of the scenario asks about. */
export function askedChoices(spec: ScenarioSpec): Set<string> {
  const asked = new Set<string>();
  for (const node of Object.values(spec.nodes)) {
    const conditions = [...(node.kind === 'situation' ? node.choices.map((c) => c.when) : []), ...(node.variants ?? [])];
    for (const c of conditions) if (c?.chose) asked.add(c.chose);
  }
  return asked;
}

const graphs = new WeakMap<ScenarioSpec, WalkGraph>();

export function walkGraph(spec: ScenarioSpec): WalkGraph {
  const known = graphs.get(spec);
  if (known) return known;
  const asked = askedChoices(spec);
  const states = new Map<string, WalkState>();
  const steps = new Map<string, WalkStep[]>();
  const via = new Map<string, { from: string; choice: ChoiceSpec }>();
  const stateOf = (nodeId: string, flags: Iterable<string>, chosen: Iterable<string>): WalkState => {
    const f = [...new Set(flags)].sort();
    const c = [...new Set(chosen)].sort();
    return { key: JSON.stringify([nodeId, f, c]), nodeId, flags: f, chosen: c };
  };
  const first = stateOf(spec.start, [], []);
  states.set(first.key, first);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const state = queue[i] as WalkState;
    const node = spec.nodes[state.nodeId];
    const out: WalkStep[] = [];
    steps.set(state.key, out);
    if (node?.kind !== 'situation') continue;
    const facts = { flags: new Set(state.flags), chosen: new Set(state.chosen) };
    for (const choice of node.choices) {
      if (!holds(choice.when, facts) || !(choice.next in spec.nodes)) continue;
      const taken = `${node.id}.${choice.id}`;
      const next = stateOf(choice.next, [...state.flags, ...(choice.sets ?? [])], asked.has(taken) ? [...state.chosen, taken] : state.chosen);
      out.push({ choice, to: next.key });
      if (!states.has(next.key)) {
        states.set(next.key, next);
        via.set(next.key, { from: state.key, choice });
        queue.push(next);
      }
    }
  }
  const graph = { start: first.key, states, steps, via };
  graphs.set(spec, graph);
  return graph;
}

export const isEndingState = (spec: ScenarioSpec, state: WalkState): boolean => spec.nodes[state.nodeId]?.kind === 'ending';

/** The decisions (`node.choice`) of a shortest walk from the start to a state. */
export function wayTo(graph: WalkGraph, key: string): string[] {
  const way: string[] = [];
  for (let at = graph.via.get(key); at; at = graph.via.get(at.from)) {
    way.unshift(`${graph.states.get(at.from)?.nodeId}.${at.choice.id}`);
  }
  return way;
}

/** States from which some ending can still be reached (endings included). */
export function statesThatFinish(spec: ScenarioSpec, graph: WalkGraph): Set<string> {
  const into = new Map<string, string[]>();
  for (const [from, out] of graph.steps) for (const { to } of out) into.set(to, [...(into.get(to) ?? []), from]);
  const good = [...graph.states.values()].filter((s) => isEndingState(spec, s)).map((s) => s.key);
  const seen = new Set(good);
  for (let i = 0; i < good.length; i++) {
    for (const from of into.get(good[i] as string) ?? []) {
      if (!seen.has(from)) {
        seen.add(from);
        good.push(from);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected groups of states among `within` (Tarjan), each in discovery order.
 * A group of more than one state, or one state with a step to itself, is a loop.
 */
export function stateGroups(graph: WalkGraph, within: ReadonlySet<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const targets = (key: string) => (graph.steps.get(key) ?? []).map((s) => s.to).filter((to) => within.has(to));
  const visit = (key: string): void => {
    index.set(key, index.size);
    low.set(key, index.get(key) as number);
    stack.push(key);
    onStack.add(key);
    for (const to of targets(key)) {
      if (!index.has(to)) {
        visit(to);
        low.set(key, Math.min(low.get(key) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(key, Math.min(low.get(key) as number, index.get(to) as number));
      }
    }
    if (low.get(key) === index.get(key)) {
      const group: string[] = [];
      let top: string | undefined;
      do {
        top = stack.pop() as string;
        onStack.delete(top);
        group.unshift(top);
      } while (top !== key);
      groups.push(group);
    }
  };
  for (const key of graph.states.keys()) if (within.has(key) && !index.has(key)) visit(key);
  return groups;
}

export const isLoop = (graph: WalkGraph, group: readonly string[]): boolean =>
  group.length > 1 || (graph.steps.get(group[0] as string) ?? []).some((s) => s.to === group[0]);
