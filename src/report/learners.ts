import type { ReportCourse } from './course-model.ts';
import type { DecisionFact, FileSummary } from './import/facts.ts';
import type { AttemptState, Ledger, LearnerState } from './ledger.ts';
import { minutesBetween } from './import/values.ts';

export type Participation = 'notStarted' | 'inProgress' | 'completed';

/** One person's standing in the course, their best across packages and attempts. */
export interface LearnerRecord {
  readonly name: string;
  readonly email: string;
  /** Department, else institution, else empty (the report shows "no unit"). */
  readonly unit: string;
  readonly audience: string | null;
  readonly participation: Participation;
  /** null: not finished, or finished without an assessed score (every scenario skipped, or only an LMS completion mark). */
  readonly passed: boolean | null;
  readonly score: number | null;
  /** Minutes from start to the last access of the counted attempt (Moodle exports no time spent). */
  readonly minutes: number | null;
  readonly started: string | null;
  /** When finished: the last access of the finished attempt, or the LMS's completion date. */
  readonly completedOn: string | null;
  readonly lastAccessed: string | null;
  /** Basic report only, score 0: paused or finished with 0 % cannot be told apart. */
  readonly ambiguous: boolean;
  /** Decisions of every attempt, in order: attempts by start. `null` when no file held any. */
  readonly decisions: readonly DecisionFact[] | null;
  /** Why no decisions, for someone who started: the file had none (SCORM 2004 in Moodle 4.3) or no interactions file was read. */
  readonly noDecisions: 'scorm2004' | 'notExported' | null;
  /** Scenarios seen skipped: a finished attempt with decisions has none in them. */
  readonly skipped: readonly string[];
}

const RANK = (a: AttemptState, passMark: number): number => {
  if (a.status === 'finished') {
    const passed = a.passed ?? (a.score === null ? null : a.score >= passMark);
    return passed === true ? 5 : passed === false ? 4 : 3;
  }
  if (a.status === 'incomplete') return 2;
  if (a.status === 'unknown') return 1;
  return 0;
};

/** Everyone enrolled, as one record each, from the combined files. */
export function learnerRecords(ledger: Ledger, files: readonly FileSummary[], course: ReportCourse): LearnerRecord[] {
  return [...ledger.learners.values()].map((state) => record(state, files, course));
}

function record(state: LearnerState, files: readonly FileSummary[], course: ReportCourse): LearnerRecord {
  const { learner } = state;
  const attempts = [...state.attempts.values()].sort((a, b) => (a.started ?? '').localeCompare(b.started ?? ''));
  const best = attempts.reduce<AttemptState | undefined>((b, a) => {
    if (!b) return a;
    const ra = RANK(a, course.passMark);
    const rb = RANK(b, course.passMark);
    return ra > rb || (ra === rb && (a.score ?? -1) > (b.score ?? -1)) ? a : b;
  }, undefined);
  const audienceOf = (a: AttemptState | undefined) => a?.audience ?? (a ? (files[a.file]?.audience ?? null) : null);
  const audience = audienceOf(best) ?? state.files.map((f) => files[f]?.audience ?? null).find((a) => a) ?? null;
  const finished = best?.status === 'finished';
  const started = attempts.some((a) => a.status !== 'notAttempted');
  const participation: Participation = finished || state.completedOn !== undefined ? 'completed' : started ? 'inProgress' : 'notStarted';
  const passed = finished ? (best.passed ?? (best.score === null ? null : best.score >= course.passMark)) : null;
  const withDecisions = attempts.filter((a) => a.decisions !== null && a.decisions.length > 0 && !files[a.decisionsFile]?.interactionsEmpty);
  // Most learners have one attempt: its list is used as it is, not copied.
  const decisions = withDecisions.length === 0 ? null : withDecisions.length === 1 ? (withDecisions[0]?.decisions ?? null) : withDecisions.flatMap((a) => a.decisions ?? []);
  let noDecisions: LearnerRecord['noDecisions'] = null;
  if (started && decisions === null) {
    const fromEmpty = attempts.some((a) => a.decisions !== null && files[a.decisionsFile]?.interactionsEmpty);
    const scorm2004 = attempts.some((a) => files[a.file]?.scorm === '2004');
    noDecisions = fromEmpty || scorm2004 ? 'scorm2004' : 'notExported';
  }
  const skipped: string[] = [];
  const audienceScenarios = course.audiences.find((a) => a.id === audience)?.scenarios ?? [];
  const played = new Set((decisions ?? []).map((d) => d.id.split('.')[0]));
  for (const a of withDecisions) {
    if (a.status !== 'finished') continue;
    const inAttempt = new Set((a.decisions ?? []).map((d) => d.id.split('.')[0]));
    for (const s of audienceScenarios) if (!inAttempt.has(s) && !played.has(s) && !skipped.includes(s)) skipped.push(s);
  }
  return {
    name: learner.name,
    email: learner.email,
    unit: learner.unit || learner.institution,
    audience,
    participation,
    passed,
    score: finished ? best.score : null,
    minutes: finished ? minutesBetween(best.started, best.lastAccessed) : null,
    started: attempts.find((a) => a.started)?.started ?? null,
    completedOn: finished ? best.lastAccessed : participation === 'completed' ? (state.completedOn ?? null) : null,
    lastAccessed: attempts.reduce<string | null>((l, a) => ((a.lastAccessed ?? '') > (l ?? '') ? a.lastAccessed : l), null),
    ambiguous: !finished && best?.status === 'unknown',
    decisions,
    noDecisions,
    skipped,
  };
}
