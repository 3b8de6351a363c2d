/**
 * What an importer reads out of one row of an LMS export, whatever the LMS or format. The
 * ledger (`../ledger.ts`) combines facts from every file into one record per learner.
 */

export type ScormVersion = '1.2' | '2004';

/** The kinds of file the report reads; `unknown` asks the user to map its columns. */
export type FileKind =
  | 'moodle-basic'
  | 'moodle-interactions'
  | 'moodle-objectives'
  | 'moodle-activity-completion'
  | 'moodle-course-completion'
  | 'moodle-participants'
  | 'generic-attempts'
  | 'generic-interactions'
  | 'unknown';

export interface LearnerFact {
  /** E-mail in lower case when the export has it, else the name: one person across files. */
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly unit: string;
  readonly institution: string;
}

/**
 * `finished`: the SCO reported a final status (Moodle shows its score); `unknown`: only the
 * basic report was read, where a paused attempt and a finished 0 % both show score 0.
 */
export type AttemptStatus = 'notAttempted' | 'incomplete' | 'finished' | 'unknown';

export interface DecisionFact {
  /** `<scenario>.<node>`, as the course reports it. */
  readonly id: string;
  /** The choice id. */
  readonly response: string;
}

export interface AttemptFact {
  readonly type: 'attempt';
  readonly learner: LearnerFact;
  /** Identifies the attempt across files and repeated downloads (never includes the file name). */
  readonly key: string;
  readonly started: string | null;
  readonly lastAccessed: string | null;
  readonly status: AttemptStatus;
  /** 0–100. */
  readonly score: number | null;
  /** An explicit pass or fail where the LMS exports one (the generic format); else derived from the pass mark. */
  readonly passed: boolean | null;
  readonly seconds: number | null;
  /** In the order answered; `null` when this file holds no decisions for the attempt. */
  readonly decisions: readonly DecisionFact[] | null;
  /** Where the row itself says so (the generic format); else the file's audience. */
  readonly audience?: string | null;
}

/** A learner listed as enrolled (participants, a completion report or a row without an attempt). */
export interface EnrolmentFact {
  readonly type: 'enrolment';
  readonly learner: LearnerFact;
}

/** An LMS completion mark: only "completed" is taken as evidence (Moodle's is wrong for SCORM 1.2 passes). */
export interface CompletionFact {
  readonly type: 'completion';
  readonly learner: LearnerFact;
  readonly date: string | null;
}

/** Decisions of an attempt given apart from it (the generic interactions file). */
export interface DecisionsFact {
  readonly type: 'decisions';
  readonly learner: LearnerFact;
  readonly key: string;
  readonly decisions: readonly DecisionFact[];
}

export type Fact = AttemptFact | EnrolmentFact | CompletionFact | DecisionsFact;

/** A problem with a file, said so a person can fix it (Swedish and English in `locales/<lng>/report.json`). */
export interface FileProblem {
  /** Key under `problem.` in the report's texts. */
  readonly code: string;
  readonly file: string;
  /** 1-based row of the file, when the problem is in one row. */
  readonly row?: number;
  readonly column?: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** What one file turned out to be. */
export interface FileSummary {
  readonly file: string;
  readonly kind: FileKind;
  readonly rows: number;
  readonly audience: string | null;
  readonly scorm: ScormVersion | null;
  /** The file has interaction columns but no attempt has any (Moodle 4.3 and SCORM 2004). */
  readonly interactionsEmpty: boolean;
  readonly headers: readonly string[];
}
