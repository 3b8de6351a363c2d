import type { ReportCourse } from '../course-model.ts';
import type { GenericAttemptColumn, GenericInteractionColumn } from './columns.ts';
import { audienceIn, versionIn } from './detect.ts';
import type { AttemptStatus, LearnerFact } from './facts.ts';
import type { Emit, Report, RowImporter } from './moodle.ts';
import { parseDate, parseDuration, parseNumber } from './values.ts';

const STATUS: Readonly<Record<string, [AttemptStatus, boolean | null]>> = {
  not_attempted: ['notAttempted', null],
  'not attempted': ['notAttempted', null],
  incomplete: ['incomplete', null],
  in_progress: ['incomplete', null],
  browsed: ['incomplete', null],
  completed: ['finished', null],
  passed: ['finished', true],
  failed: ['finished', false],
};

const indexOf = <C extends string>(header: readonly string[], columns: readonly C[]): Partial<Record<C, number>> => {
  const lower = header.map((h) => h.trim().toLowerCase());
  return Object.fromEntries(columns.flatMap((c) => (lower.includes(c) ? [[c, lower.indexOf(c)]] : []))) as Partial<Record<C, number>>;
};

const learner = (cells: readonly string[], at: Partial<Record<'learner_id' | 'name' | 'email' | 'unit' | 'institution', number>>): LearnerFact => {
  const get = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const id = get(at.learner_id);
  return { key: id.toLowerCase(), name: get(at.name) || id, email: get(at.email), unit: get(at.unit), institution: get(at.institution) };
};

/** The generic attempts file: one row per learner attempt (see the README for its columns). */
export function genericAttemptsImporter(header: readonly string[], columns: readonly GenericAttemptColumn[], course: ReportCourse, fileName: string, emit: Emit, report: Report): RowImporter {
  const at = indexOf(header, columns);
  const get = (cells: readonly string[], c: GenericAttemptColumn) => (at[c] === undefined ? '' : (cells[at[c]] ?? '').trim());
  const versions = new Set<string>();
  return {
    row(cells, row) {
      const who = learner(cells, at);
      if (!who.key) return report({ code: 'noLearner', row });
      const statusText = get(cells, 'status').toLowerCase();
      const status = STATUS[statusText];
      if (!status) return report({ code: 'badGenericStatus', row, column: 'status', values: { value: statusText } });
      if (status[0] === 'notAttempted') return emit({ type: 'enrolment', learner: who });
      const parse = <T>(c: GenericAttemptColumn, f: (s: string) => T | null | undefined, code: string): T | null => {
        const value = f(get(cells, c));
        if (value === undefined) report({ code, row, column: c, values: { value: get(cells, c) } });
        return value ?? null;
      };
      const pkg = get(cells, 'package');
      versions.add(versionIn(pkg) ?? '');
      const audienceText = get(cells, 'audience');
      emit({
        type: 'attempt',
        learner: who,
        key: `g|${pkg}|${get(cells, 'attempt') || '1'}`,
        started: parse('started', parseDate, 'badDate'),
        lastAccessed: parse('last_accessed', parseDate, 'badDate'),
        status: status[0],
        passed: status[1],
        score: parse('score', parseNumber, 'badScore'),
        seconds: parse('time', parseDuration, 'badDuration'),
        decisions: null,
        audience: audienceText ? (course.audiences.find((a) => a.id === audienceText)?.id ?? audienceIn(course, audienceText)) : null,
      });
    },
    finish: () => ({ audience: audienceIn(course, fileName), scorm: versions.size === 1 ? ((versionIn([...versions][0] ?? '') ?? null)) : null, interactionsEmpty: false }),
  };
}

/** The generic interactions file: one row per learner × interaction, in the order answered. */
export function genericInteractionsImporter(header: readonly string[], columns: readonly GenericInteractionColumn[], course: ReportCourse, fileName: string, emit: Emit, report: Report): RowImporter {
  const at = indexOf(header, columns);
  const get = (cells: readonly string[], c: GenericInteractionColumn) => (at[c] === undefined ? '' : (cells[at[c]] ?? '').trim());
  return {
    row(cells, row) {
      const who = learner(cells, at);
      const id = get(cells, 'interaction_id');
      if (!who.key) return report({ code: 'noLearner', row });
      if (!id) return report({ code: 'noInteraction', row, column: 'interaction_id' });
      emit({ type: 'decisions', learner: who, key: `g|${get(cells, 'package')}|${get(cells, 'attempt') || '1'}`, decisions: [{ id, response: get(cells, 'response') }] });
    },
    finish: () => ({ audience: audienceIn(course, fileName), scorm: null, interactionsEmpty: false }),
  };
}
