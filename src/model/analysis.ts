import type { NodeSpec, ScenarioSpec } from './scenario.ts';
import { walkGraph } from './walks.ts';

/** Ids of the nodes each node can lead to, in choice order. */
export function successors(node: NodeSpec): string[] {
  return node.kind === 'situation' ? node.choices.map((c) => c.next) : [];
}

/** Nodes reachable from `start` (including it), in breadth-first order. */
export function reachableFrom(spec: ScenarioSpec, start = spec.start): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = spec.nodes[queue[i] as string];
    for (const next of node ? successors(node) : []) {
      if (!seen.has(next) && next in spec.nodes) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return queue;
}

export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/** One complete walk, as the decisions a learner takes. */
export interface Walk {
  readonly decisions: readonly { readonly nodeId: string; readonly choiceId: string }[];
  readonly endingId: string;
}

interface Best {
  readonly min: number;
  readonly max: number;
  /** The first decision of a highest-scoring walk from here, and the rest of it; none at an ending. */
  readonly step: { readonly nodeId: string; readonly choiceId: string; readonly rest: Best } | null;
  readonly endingId: string;
}

const explorations = new WeakMap<ScenarioSpec, Best | null>();

/**
 * Lowest and highest score over every way through the scenario to an ending, offering only
 * the choices whose conditions hold (see `walkGraph`). A node's points count the first time
 * it is decided (see `scenarioScore`), so a walk is described by its state and which nodes it
 * has already scored. Only nodes on a loop of the scenario can be decided twice, so only those are tracked:
 * elsewhere every state is met at most once per walk, and the memo holds one entry per state
 * instead of one per path (which grows exponentially with the scenario's depth).
 */
function explore(spec: ScenarioSpec): Best | null {
  if (explorations.has(spec)) return explorations.get(spec) ?? null;
  const graph = walkGraph(spec);
  // Loops of nodes, not of states: flags set on the way round make the states differ.
  const onLoops = Object.values(spec.nodes)
    .filter((node) => successors(node).some((next) => next in spec.nodes && reachableFrom(spec, next).includes(node.id)))
    .map((node) => node.id);
  const bit = new Map(onLoops.map((id, i) => [id, 1n << BigInt(i)]));
  const memo = new Map<string, Best | null>();
  const onStack = new Set<string>();

  const visit = (stateKey: string, scored: bigint): Best | null => {
    const key = `${stateKey}|${scored}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    if (onStack.has(key)) return null; // a loop that adds nothing; another branch must leave it
    const state = graph.states.get(stateKey);
    if (!state) return null;
    if (spec.nodes[state.nodeId]?.kind === 'ending') return { min: 0, max: 0, step: null, endingId: state.nodeId };
    onStack.add(key);
    const nodeBit = bit.get(state.nodeId) ?? 0n;
    const first = (scored & nodeBit) === 0n;
    let best = null as Best | null;
    for (const { choice, to } of graph.steps.get(stateKey) ?? []) {
      const rest = visit(to, scored | nodeBit);
      if (!rest) continue;
      const gain = first ? choice.points : 0;
      const max = rest.max + gain;
      const known = best;
      const min = Math.min(known?.min ?? Infinity, rest.min + gain);
      best =
        !known || max > known.max
          ? { min, max, step: { nodeId: state.nodeId, choiceId: choice.id, rest }, endingId: rest.endingId }
          : { min, max: known.max, step: known.step, endingId: known.endingId };
    }
    onStack.delete(key);
    memo.set(key, best);
    return best;
  };

  const result = visit(graph.start, 0n);
  explorations.set(spec, result);
  return result;
}

export function scoreRange(spec: ScenarioSpec): ScoreRange {
  const best = explore(spec);
  return best ? { min: best.min, max: best.max } : { min: 0, max: 0 };
}

/** A walk that earns the highest score, or undefined when no walk reaches an ending. */
export function bestWalk(spec: ScenarioSpec): Walk | undefined {
  const best = explore(spec);
  if (!best) return undefined;
  const decisions: { nodeId: string; choiceId: string }[] = [];
  for (let at: Best = best; at.step; at = at.step.rest) decisions.push({ nodeId: at.step.nodeId, choiceId: at.step.choiceId });
  return { decisions, endingId: best.endingId };
}

/**
 * A short fingerprint of everything a saved decision log depends on: version, start, node
 * ids, choice ids, targets, conditions and flags. If it differs from what a learner's progress was saved
 * against, that scenario restarts instead of replaying into the wrong place.
 */
export function structureHash(spec: ScenarioSpec): string {
  const parts = [String(spec.version), spec.start];
  for (const node of Object.values(spec.nodes)) {
    const choices = node.kind === 'situation' ? node.choices : [];
    parts.push(node.id, node.kind, ...choices.map((c) => `${c.id}>${c.next}${JSON.stringify([c.when ?? 0, c.sets ?? 0])}`));
  }
  let hash = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-5);
}
