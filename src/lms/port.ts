import type { Quality } from '../model/scenario.ts';

/** What the LMS told the course at launch. */
export interface LaunchData {
  readonly entry: 'ab-initio' | 'resume' | '';
  readonly mode: 'normal' | 'review' | 'browse';
  readonly credit: 'credit' | 'no-credit';
  /** Learner's language preference, '' when the LMS has none. */
  readonly language: string;
  readonly suspendData: string;
  readonly location: string;
  /** The attempt already has a final status; it must never be downgraded. */
  readonly completed: boolean;
  /** The final result the LMS holds for the attempt (null while it has none): pass or fail, and the score in percent. */
  readonly recorded: { readonly passed: boolean | null; readonly score: number | null } | null;
}

/** A decision the LMS has kept as an interaction, read back at launch. */
export interface StoredDecision {
  /** `<scenario>.<node>`. */
  readonly id: string;
  /** Choice id. */
  readonly response: string;
}

/**
 * Whether this launch's work counts: only a normal-mode launch for credit records anything.
 * Review and browse show earlier work; a no-credit launch may be played for practice, but its
 * decisions, objectives and suspend data would change the attempt that counts.
 */
export const recordsWork = (launch: LaunchData): boolean => launch.mode === 'normal' && launch.credit === 'credit';

/** One decision, reported as one `cmi.interactions.n`. */
export interface DecisionRecord {
  /** `<scenario>.<node>`. */
  readonly id: string;
  /** Scenario id: the objective the interaction belongs to. */
  readonly objectiveId: string;
  /** Choice id. */
  readonly response: string;
  readonly quality: Quality;
  /** Id of the best choice at that node. */
  readonly correctResponse: string;
  readonly latencyMs: number;
  readonly at: Date;
  /** What was asked, for LMS reports (2004 only). */
  readonly description: string;
}

/** One scenario, reported as one `cmi.objectives.n`. */
export interface ObjectiveRecord {
  readonly id: string;
  readonly description: string;
  readonly completed: boolean;
  /** null while the scenario is unfinished. */
  readonly passed: boolean | null;
  /** Percent 0–100 once the scenario is finished. */
  readonly score: number | null;
}

/** The course result: score only once final (Moodle's mastery override reads score.raw). */
export interface CourseStatus {
  readonly completed: boolean;
  readonly passed: boolean | null;
  /** Percent 0–100, or null while not final. */
  readonly score: number | null;
}

/**
 * The one interface the course talks to, whatever hosts it. Writes are buffered by the LMS
 * until `commit`; every method reports failure by its return value and never throws.
 */
export interface LmsPort {
  readonly kind: 'scorm12' | 'scorm2004' | 'local';
  initialize(): boolean;
  launchData(): LaunchData;
  /**
   * The decisions the LMS holds as interactions, oldest first, so a launch without suspend data
   * can still show what the learner did. Empty where the LMS cannot be asked: SCORM 1.2 makes
   * interactions write-only.
   */
  storedDecisions(): readonly StoredDecision[];
  recordDecision(decision: DecisionRecord): boolean;
  setObjective(objective: ObjectiveRecord): boolean;
  setStatus(status: CourseStatus): boolean;
  setProgress(suspendData: string, location: string): boolean;
  /** `suspend` while unfinished so the next launch resumes; a normal exit once done. */
  setExit(finished: boolean): boolean;
  setSessionTime(ms: number): boolean;
  commit(): boolean;
  terminate(): boolean;
}
