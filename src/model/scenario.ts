/**
 * The structure of a scenario as the engine sees it: ids, points, quality and targets.
 * Text lives apart, in i18next resources keyed by the same ids (see `textKeys.ts`), so the
 * engine never carries prose and Swedish and English are handled the same way.
 */

/** How good a choice is. Drives the interaction result reported to the LMS. */
export type Quality = 'good' | 'acceptable' | 'poor';

/** How an ending turned out for the people in the scene. */
export type Outcome = 'good' | 'acceptable' | 'poor';

export const QUALITIES: readonly Quality[] = ['good', 'acceptable', 'poor'];

/**
 * When a choice is offered or a text variant shown. Every part given must hold; facts are
 * about the learner's current attempt at the scenario.
 */
export interface Condition {
  /** A flag some earlier choice set. */
  readonly flag?: string;
  /** A flag no earlier choice set. */
  readonly notFlag?: string;
  /** An earlier choice, as `<node>.<choice>`. */
  readonly chose?: string;
}

export interface ChoiceSpec {
  readonly id: string;
  readonly points: number;
  readonly quality: Quality;
  /** Id of the node this choice leads to. */
  readonly next: string;
  /** Flags this choice sets for the rest of the attempt. */
  readonly sets?: readonly string[];
  /** Offered only when this holds. */
  readonly when?: Condition;
  /** Ids of the scenario's references that back the feedback ("Källa"). */
  readonly references?: readonly string[];
}

export interface SituationSpec {
  readonly kind: 'situation';
  readonly id: string;
  /** A knowledge question: options are right (good) or wrong (poor) rather than choices in a scene. */
  readonly question?: boolean;
  /** `false`: the choices keep their written order (it carries meaning); otherwise each attempt shuffles them. */
  readonly shuffle?: false;
  readonly choices: readonly ChoiceSpec[];
  /** Conditions of the alternative texts, in order; the first that holds is shown. */
  readonly variants?: readonly Condition[];
}

export interface EndingSpec {
  readonly kind: 'ending';
  readonly id: string;
  readonly outcome: Outcome;
  /** Number of takeaway lines; their text is in the resources. */
  readonly takeaways: number;
  readonly variants?: readonly Condition[];
}

export type NodeSpec = SituationSpec | EndingSpec;

export interface ScenarioSpec {
  /** Stable id, `^[a-z0-9_]+$`; used in interaction and objective ids. */
  readonly id: string;
  /** Raised by the author when a change should restart learners who are midway. */
  readonly version: number;
  readonly estimatedMinutes: number;
  /** Whether the scenario depicts violence and the learner is warned first. */
  readonly hasContentNote: boolean;
  readonly start: string;
  /** The first node of the short version a learner may take instead (after skipping), if the scenario has one. */
  readonly alternative?: string;
  readonly nodes: Readonly<Record<string, NodeSpec>>;
}

const shortVersions = new WeakMap<ScenarioSpec, ScenarioSpec>();

/**
 * The scenario's short version as a scenario of its own: the same nodes, entered at the
 * alternative's first question. Analysis and scoring then treat it like any scenario.
 */
export function shortVersion(spec: ScenarioSpec): ScenarioSpec | null {
  if (!spec.alternative) return null;
  let short = shortVersions.get(spec);
  if (!short) {
    const { alternative, ...rest } = spec;
    shortVersions.set(spec, (short = { ...rest, start: alternative }));
  }
  return short;
}

/** Id pattern shared by scenarios, nodes and choices: safe in every SCORM id and token. */
export const ID_PATTERN = /^[a-z0-9_]+$/;

export function situation(spec: ScenarioSpec, nodeId: string): SituationSpec {
  const node = spec.nodes[nodeId];
  if (node?.kind !== 'situation') throw new Error(`${spec.id}: ${nodeId} is not a situation`);
  return node;
}

export function choiceOf(spec: ScenarioSpec, nodeId: string, choiceId: string): ChoiceSpec {
  const choice = situation(spec, nodeId).choices.find((c) => c.id === choiceId);
  if (!choice) throw new Error(`${spec.id}: ${nodeId} has no choice ${choiceId}`);
  return choice;
}
