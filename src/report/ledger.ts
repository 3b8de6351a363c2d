import type { AttemptFact, AttemptStatus, DecisionFact, Fact, LearnerFact } from './import/facts.ts';

/** One attempt as combined from every file and download that mentions it. */
export interface AttemptState {
  /** The file that last told its status: the file's audience and SCORM version are the attempt's. */
  file: number;
  started: string | null;
  lastAccessed: string | null;
  status: AttemptStatus;
  score: number | null;
  passed: boolean | null;
  seconds: number | null;
  audience: string | null;
  decisions: readonly DecisionFact[] | null;
  /** The file the decisions came from (a file whose interaction columns are all empty holds none). */
  decisionsFile: number;
}

export interface LearnerState {
  learner: LearnerFact;
  /** Files that list the learner, in the order read. */
  files: number[];
  attempts: Map<string, AttemptState>;
  /** An LMS completion mark: `undefined` none, else its date (maybe unknown). */
  completedOn: string | null | undefined;
}

const STATUS_RANK: Readonly<Record<AttemptStatus, number>> = { notAttempted: 0, unknown: 1, incomplete: 2, finished: 3 };

const later = (a: string | null, b: string | null) => (a ?? '') > (b ?? '');

/**
 * Every learner of the files read so far, one record each. Files may overlap (the basic and
 * the interactions report of one activity, a download repeated a month later): an attempt is
 * known by its number and start, so it is counted once, and its latest state wins.
 */
export class Ledger {
  readonly learners = new Map<string, LearnerState>();
  /**
   * One shared object per distinct decision (a course has a few hundred): each attempt keeps
   * references, not its own strings, so memory follows the number of learners, not of cells.
   */
  readonly #decisions = new Map<string, DecisionFact>();

  #intern(decisions: readonly DecisionFact[]): DecisionFact[] {
    return decisions.map((d) => {
      const key = `${d.id}\u0000${d.response}`;
      let shared = this.#decisions.get(key);
      if (!shared) this.#decisions.set(key, (shared = { id: d.id, response: d.response }));
      return shared;
    });
  }

  add(fact: Fact, file: number): void {
    const state = this.#learner(fact.learner, file);
    switch (fact.type) {
      case 'enrolment':
        return;
      case 'completion':
        if (state.completedOn === undefined || (fact.date && later(fact.date, state.completedOn))) state.completedOn = fact.date;
        return;
      case 'decisions': {
        const attempt = state.attempts.get(fact.key) ?? this.#attempt(state, fact.key, file);
        attempt.decisions = [...(attempt.decisions ?? []), ...this.#intern(fact.decisions)];
        attempt.decisionsFile = file;
        return;
      }
      case 'attempt':
        return this.#merge(state, fact, file);
    }
  }

  #learner(fact: LearnerFact, file: number): LearnerState {
    let state = this.learners.get(fact.key);
    if (!state) {
      // Copied, so the row's cells (and the chunk of text they were cut from) can be let go.
      const copy = (s: string) => (s.length > 0 ? ` ${s}`.slice(1) : s);
      state = { learner: { key: copy(fact.key), name: copy(fact.name), email: copy(fact.email), unit: copy(fact.unit), institution: copy(fact.institution) }, files: [], attempts: new Map(), completedOn: undefined };
      this.learners.set(fact.key, state);
    } else if ((!state.learner.unit && fact.unit) || (!state.learner.name && fact.name) || (!state.learner.institution && fact.institution)) {
      const l = state.learner;
      state.learner = { ...l, name: l.name || fact.name, email: l.email || fact.email, unit: l.unit || fact.unit, institution: l.institution || fact.institution };
    }
    if (state.files.at(-1) !== file && !state.files.includes(file)) state.files.push(file);
    return state;
  }

  #attempt(state: LearnerState, key: string, file: number): AttemptState {
    const attempt: AttemptState = { file, started: null, lastAccessed: null, status: 'unknown', score: null, passed: null, seconds: null, audience: null, decisions: null, decisionsFile: file };
    state.attempts.set(key, attempt);
    return attempt;
  }

  #merge(state: LearnerState, fact: AttemptFact, file: number): void {
    const known = state.attempts.get(fact.key);
    const a = known ?? this.#attempt(state, fact.key, file);
    const newer = !known || later(fact.lastAccessed, a.lastAccessed) || (fact.lastAccessed === a.lastAccessed && STATUS_RANK[fact.status] >= STATUS_RANK[a.status]);
    // A status word beats the basic report's guess; a later download beats an earlier one.
    if (fact.status !== 'unknown' && (newer || a.status === 'unknown')) {
      a.status = fact.status;
      a.file = file;
      if (fact.score !== null) a.score = fact.score;
      if (fact.passed !== null) a.passed = fact.passed;
    } else if (a.status === 'unknown' && fact.score !== null && (newer || a.score === null)) a.score = fact.score;
    if (!known || later(fact.lastAccessed, a.lastAccessed)) a.lastAccessed = fact.lastAccessed;
    a.started ??= fact.started;
    a.seconds ??= fact.seconds;
    if (fact.audience) a.audience = fact.audience;
    if (fact.decisions && (a.decisions === null || fact.decisions.length >= a.decisions.length)) {
      a.decisions = this.#intern(fact.decisions);
      a.decisionsFile = file;
    }
  }
}
