import type { Condition, ScenarioSpec } from './scenario.ts';

/** The facts a condition reads: flags set and choices taken (`node.choice`) in one attempt. */
export interface Facts {
  readonly flags: ReadonlySet<string>;
  readonly chosen: ReadonlySet<string>;
}

export function factsOf(spec: ScenarioSpec, decisions: readonly { nodeId: string; choiceId: string }[]): Facts {
  const flags = new Set<string>();
  const chosen = new Set<string>();
  for (const d of decisions) {
    chosen.add(`${d.nodeId}.${d.choiceId}`);
    const node = spec.nodes[d.nodeId];
    const choice = node?.kind === 'situation' ? node.choices.find((c) => c.id === d.choiceId) : undefined;
    for (const flag of choice?.sets ?? []) flags.add(flag);
  }
  return { flags, chosen };
}

export function holds(condition: Condition | undefined, facts: Facts): boolean {
  if (!condition) return true;
  return (
    (condition.flag === undefined || facts.flags.has(condition.flag)) &&
    (condition.notFlag === undefined || !facts.flags.has(condition.notFlag)) &&
    (condition.chose === undefined || facts.chosen.has(condition.chose))
  );
}

/** Index of the first text variant whose condition holds, or -1 for the node's own text. */
export function variantIndex(variants: readonly Condition[] | undefined, facts: Facts): number {
  return (variants ?? []).findIndex((v) => holds(v, facts));
}
