/** Everything a learner can do to the course, as machine events. */
export type CourseEvent =
  | { type: 'course.started' }
  | { type: 'choice.selected'; choiceId: string }
  | { type: 'feedback.continued' }
  | { type: 'ending.continued' };

export interface Decision {
  readonly nodeId: string;
  readonly choiceId: string;
}

export interface ScenarioProgress {
  readonly decisions: readonly Decision[];
  /** Set when the scenario reaches an ending. */
  readonly endingId: string | null;
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
  | { readonly screen: 'situation'; readonly scenarioId: string; readonly nodeId: string }
  | { readonly screen: 'feedback'; readonly scenarioId: string; readonly nodeId: string; readonly choiceId: string }
  | { readonly screen: 'ending'; readonly scenarioId: string; readonly endingId: string }
  | { readonly screen: 'summary' };
