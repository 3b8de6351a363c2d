import type { ReportCourse } from '../course-model.ts';
import { INTERACTION_COLUMN, findColumns, type Column } from './columns.ts';
import { audienceIn, isIdentityColumn, versionIn } from './detect.ts';
import type { AttemptStatus, DecisionFact, Fact, FileKind, FileProblem, LearnerFact, ScormVersion } from './facts.ts';
import { parseDate, parseNumber } from './values.ts';

/** Reads the rows of one file after its header; `finish` says what the file turned out to hold. */
export interface RowImporter {
  row(cells: readonly string[], row: number): void;
  finish(): { audience: string | null; scorm: ScormVersion | null; interactionsEmpty: boolean };
}

export type Emit = (fact: Fact) => void;
export type Report = (problem: Omit<FileProblem, 'file'>) => void;

export function learnerOf(cells: readonly string[], at: Partial<Record<Column, number>>): LearnerFact {
  const get = (c: Column) => (at[c] === undefined ? '' : (cells[at[c]] ?? '').trim());
  const name = get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
  const email = get('email');
  return { key: (email || name).toLowerCase(), name, email, unit: get('unit'), institution: get('institution') };
}

const STATUS: Readonly<Record<string, AttemptStatus>> = {
  'not attempted': 'notAttempted',
  'ej försökt': 'notAttempted',
  'ej påbörjad': 'notAttempted',
  'inte påbörjad': 'notAttempted',
  incomplete: 'incomplete',
  ofullständig: 'incomplete',
  'ej slutförd': 'incomplete',
  browsed: 'incomplete',
  completed: 'finished',
  slutförd: 'finished',
  slutfört: 'finished',
  passed: 'finished',
  godkänd: 'finished',
  failed: 'finished',
  misslyckades: 'finished',
  underkänd: 'finished',
};
const EXPLICIT_PASS: Readonly<Record<string, boolean>> = { passed: true, godkänd: true, failed: false, misslyckades: false, underkänd: false };

/**
 * Moodle's SCORM reports (basic, interactions, objectives). The basic report has no status: a
 * paused attempt shows score 0 like a finished 0 %, so there a 0 stays `unknown` (a score above 0
 * is only ever written when the course is finished). The interactions and objectives reports
 * have the SCO's status column right after Score: the score once finished, else a status word.
 */
export function moodleScormImporter(kind: FileKind, header: readonly string[], course: ReportCourse, fileName: string, emit: Emit, report: Report): RowImporter {
  const at = findColumns(header);
  const statusAt = kind === 'moodle-basic' ? undefined : (at.score ?? 0) + 1;
  const statusTitle = statusAt === undefined ? '' : (header[statusAt] ?? '');
  const groups = new Map<number, { question?: number; response?: number }>();
  header.forEach((h, i) => {
    const m = INTERACTION_COLUMN.exec(h.trim());
    if (!m) return;
    const n = Number(m[2]);
    const group = groups.get(n) ?? {};
    const what = (m[1] ?? '').toLowerCase();
    if (what === 'question' || what === 'fråga') group.question = i;
    if (what === 'response' || what === 'svar') group.response = i;
    groups.set(n, group);
  });
  const ordered = [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
  let anyDecision = false;
  let finishedWithout = 0;
  const scenarios = new Set<string>();
  const objectives = header.slice((statusAt ?? header.length) + 1).map((h) => h.replace(/ (status|score)$/i, ''));
  const date = (cells: readonly string[], column: Column, row: number): string | null => {
    const i = at[column];
    if (i === undefined) return null;
    const text = cells[i] ?? '';
    const parsed = parseDate(text);
    if (parsed === undefined) report({ code: 'badDate', row, column: header[i] ?? '', values: { value: text } });
    return parsed ?? null;
  };
  return {
    row(cells, row) {
      const learner = learnerOf(cells, at);
      if (!learner.key) return report({ code: 'noLearner', row });
      const attempt = (cells[at.attempt ?? -1] ?? '').trim();
      if (attempt === '' || attempt === '-') return emit({ type: 'enrolment', learner });
      const started = date(cells, 'started', row);
      const lastAccessed = date(cells, 'lastAccessed', row);
      const scoreText = cells[at.score ?? -1] ?? '';
      let score = parseNumber(scoreText);
      if (score === undefined) {
        report({ code: 'badScore', row, column: header[at.score ?? 0] ?? '', values: { value: scoreText } });
        score = null;
      }
      let status: AttemptStatus = score !== null && score > 0 ? 'finished' : 'unknown';
      let passed: boolean | null = null;
      if (statusAt !== undefined) {
        const text = (cells[statusAt] ?? '').trim();
        const word = text.toLowerCase();
        const asNumber = parseNumber(text);
        if (STATUS[word]) {
          status = STATUS[word];
          passed = EXPLICIT_PASS[word] ?? null;
        } else if (typeof asNumber === 'number') {
          status = 'finished';
          score = asNumber;
        } else if (text !== '') report({ code: 'badStatus', row, column: statusTitle, values: { value: text } });
      }
      let decisions: DecisionFact[] | null = null;
      if (kind === 'moodle-interactions') {
        decisions = [];
        for (const g of ordered) {
          const id = (cells[g.question ?? -1] ?? '').trim();
          const response = (cells[g.response ?? -1] ?? '').trim();
          if (!id) continue;
          decisions.push({ id, response });
          scenarios.add(id.split('.')[0] ?? '');
        }
        if (decisions.length > 0) anyDecision = true;
        else if (status === 'finished') finishedWithout++;
      }
      emit({ type: 'attempt', learner, key: `m|${attempt}|${started ?? ''}`, started, lastAccessed, status, score, passed, seconds: null, decisions });
    },
    finish() {
      const fromText = audienceIn(course, statusTitle) ?? audienceIn(course, fileName);
      const byScenario = course.audiences.filter((a) => scenarios.size > 0 && [...scenarios].every((s) => a.scenarios.includes(s)));
      const audience = fromText ?? (byScenario.length === 1 ? (byScenario[0]?.id ?? null) : null);
      // SCORM 2004 packages report a course-level objective the 1.2 ones do not.
      const scorm = versionIn(fileName) ?? (objectives.includes('course.passed') ? '2004' : null) ?? (kind === 'moodle-interactions' && !anyDecision && finishedWithout > 0 ? '2004' : null);
      return { audience, scorm, interactionsEmpty: kind === 'moodle-interactions' && !anyDecision };
    },
  };
}

const COMPLETED = new Set(['completed', 'slutförd', 'slutfört', 'complete', 'klar', 'completed (achieved pass grade)', 'completed (passed)']);

/**
 * Moodle's activity-completion and course-completion reports: everyone listed is enrolled, and
 * "Completed" in a column of this course's activity is evidence of a finished attempt (with its
 * date). "Not completed" proves nothing: for SCORM 1.2 Moodle leaves passed learners there.
 */
export function moodleCompletionImporter(kind: FileKind, header: readonly string[], course: ReportCourse, fileName: string, emit: Emit, report: Report): RowImporter {
  const at = findColumns(header);
  if (kind === 'moodle-activity-completion') at.name = 0;
  const titles = Object.values(course.title).map((t) => t.toLowerCase());
  const activities = header
    .map((h, i) => ({ h: h.trim(), i }))
    .filter(({ h, i }) => h !== '' && i !== 0 && !isIdentityColumn(h) && !/completion date|slutförandedatum|^id$/i.test(h) && !/^course complete$/i.test(h));
  const ours = activities.filter(({ h }) => titles.some((t) => h.toLowerCase().includes(t)));
  const used = ours.length > 0 ? ours : activities;
  const dateOf = (cells: readonly string[], i: number): string | null => {
    for (const j of [i + 1]) {
      const h = (header[j] ?? '').trim();
      if (h === '' || /completion date|slutförandedatum/i.test(h)) return parseDate(cells[j] ?? '') ?? null;
    }
    return null;
  };
  const names = used.map(({ h }) => h).join(' ');
  return {
    row(cells, row) {
      const learner = learnerOf(cells, at);
      if (!learner.key) return report({ code: 'noLearner', row });
      emit({ type: 'enrolment', learner });
      for (const { i } of used) {
        if (COMPLETED.has((cells[i] ?? '').trim().toLowerCase())) emit({ type: 'completion', learner, date: dateOf(cells, i) });
      }
    },
    finish: () => ({ audience: audienceIn(course, names) ?? audienceIn(course, fileName), scorm: versionIn(names) ?? versionIn(fileName), interactionsEmpty: false }),
  };
}

/** Moodle's participants list: who is enrolled, with their unit. */
export function participantsImporter(header: readonly string[], course: ReportCourse, fileName: string, emit: Emit, report: Report): RowImporter {
  const at = findColumns(header);
  return {
    row(cells, row) {
      const learner = learnerOf(cells, at);
      if (!learner.key) return report({ code: 'noLearner', row });
      emit({ type: 'enrolment', learner });
    },
    finish: () => ({ audience: audienceIn(course, fileName), scorm: versionIn(fileName), interactionsEmpty: false }),
  };
}
