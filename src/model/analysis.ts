import type { NodeSpec, ScenarioSpec } from './scenario.ts';

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

/** Nodes from which some ending can be reached (endings included). */
export function canReachEnding(spec: ScenarioSpec): Set<string> {
  const good = new Set(Object.values(spec.nodes).filter((n) => n.kind === 'ending').map((n) => n.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of Object.values(spec.nodes)) {
      if (!good.has(node.id) && successors(node).some((s) => good.has(s))) {
        good.add(node.id);
        grew = true;
      }
    }
  }
  return good;
}

export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Lowest and highest score over every way through the scenario to an ending.
 * A node's points count the first time it is decided (see `scenarioScore`), so a walk is
 * described by where it is and which nodes it has already scored; scenarios are small
 * (tens of nodes), so exploring those pairs with memoisation is cheap.
 */
export function scoreRange(spec: ScenarioSpec): ScoreRange {
  const ids = Object.keys(spec.nodes);
  const bit = new Map(ids.map((id, i) => [id, 1n << BigInt(i)]));
  const memo = new Map<string, ScoreRange | null>();
  const onStack = new Set<string>();

  const visit = (nodeId: string, scored: bigint): ScoreRange | null => {
    const key = `${nodeId}|${scored}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    if (onStack.has(key)) return null; // a loop that adds nothing; another branch must leave it
    const node = spec.nodes[nodeId];
    if (!node) return null;
    if (node.kind === 'ending') return { min: 0, max: 0 };
    onStack.add(key);
    const first = (scored & (bit.get(nodeId) ?? 0n)) === 0n;
    const nextScored = scored | (bit.get(nodeId) ?? 0n);
    let min = Infinity;
    let max = -Infinity;
    for (const choice of node.choices) {
      const rest = visit(choice.next, nextScored);
      if (!rest) continue;
      const gain = first ? choice.points : 0;
      min = Math.min(min, rest.min + gain);
      max = Math.max(max, rest.max + gain);
    }
    const best = min === Infinity ? null : { min, max };
    onStack.delete(key);
    memo.set(key, best);
    return best;
  };

  return visit(spec.start, 0n) ?? { min: 0, max: 0 };
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
