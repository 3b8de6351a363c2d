/** Everything a learner can do to the course, as machine events. */
export type CourseEvent =
  | { type: 'course.started' }
  | { type: 'scenario.selected'; scenarioId: string }
  /** The learner steps out of a scenario (or declines it at its content note) without a penalty. */
  | { type: 'scenario.skipped'; scenarioId: string }
  /** The learner takes the scenario's short version instead of the scenario. */
  | { type: 'scenario.alternative'; scenarioId: string }
  | { type: 'choice.selected'; choiceId: string }
  | { type: 'feedback.continued' }
  | { type: 'ending.continued' }
  | { type: 'summary.opened' }
  | { type: 'menu.opened' };

export interface Decision {
  readonly nodeId: string;
  readonly choiceId: string;
}

/** One play-through of a scenario. */
export interface Attempt {
  readonly decisions: readonly Decision[];
  /** Flags set by the decisions so far (kept so guards need no scenario lookup). */
  readonly flags: readonly string[];
  /** Set when the attempt reaches an ending. */
  readonly endingId: string | null;
  /** Set when the learner skipped the scenario during this attempt, or before starting it. */
  readonly skipped?: boolean;
  /** A play-through of the scenario's short version, entered at its first question. */
  readonly alternative?: true;
}

export interface ScenarioProgress {
  /** In the order played; the last may be unfinished. */
  readonly attempts: readonly Attempt[];
}

export interface CourseContext {
  /** Per scenario id, in the order the learner started them. */
  readonly progress: Readonly<Record<string, ScenarioProgress>>;
  /** The scenario being played, or the one whose ending is shown. */
  readonly current: string | null;
}

/** What the learner is looking at; derived from the active states' meta. */
export type Screen =
  | { readonly screen: 'intro' }
  | { readonly screen: 'menu' }
  | { readonly screen: 'situation'; readonly scenarioId: string; readonly nodeId: string }
  | { readonly screen: 'feedback'; readonly scenarioId: string; readonly nodeId: string; readonly choiceId: string }
  | { readonly screen: 'ending'; readonly scenarioId: string; readonly endingId: string }
  | { readonly screen: 'summary' };

export const currentAttempt = (progress: ScenarioProgress | undefined): Attempt | undefined => progress?.attempts.at(-1);

export const isFinished = (progress: ScenarioProgress | undefined): boolean =>
  (progress?.attempts ?? []).some((a) => a.endingId !== null);

/** Skipped and never finished: done for completion, left out of the score. */
export const isSkipped = (progress: ScenarioProgress | undefined): boolean =>
  !isFinished(progress) && (progress?.attempts ?? []).some((a) => a.skipped === true);

/**
 * Done for completion: finished (played, or through its short version), or skipped where the
 * course lets a skip count (see `skipCounts`). The one rule the machine's summary guard, the
 * course result and the list all apply.
 */
export const isDone = (progress: ScenarioProgress | undefined, skipCounts: boolean): boolean =>
  isFinished(progress) || (skipCounts && isSkipped(progress));

/** An attempt is under way: started, not finished and not skipped. */
export const isInProgress = (progress: ScenarioProgress | undefined): boolean => {
  const last = currentAttempt(progress);
  return last !== undefined && last.endingId === null && last.skipped !== true;
};
