import type { ReportCourse } from './course-model.ts';
import type { FileProblem, FileSummary } from './import/facts.ts';
import type { LearnerRecord } from './learners.ts';
import { scenarioFigures } from './scenario-figures.ts';
import { protectPartition } from './suppress.ts';

export interface ReportSettings {
  /** Results are shown for a group of at least this many learners (never below 3). */
  readonly minGroup: number;
  /** Target share completed, 0–1 (default 0.9). */
  readonly target: number;
  /** Period of the indicator table, `YYYY-MM` inclusive; absent: everything. */
  readonly from?: string;
  readonly to?: string;
}

export const DEFAULT_SETTINGS: ReportSettings = { minGroup: 5, target: 0.9 };
export const MIN_GROUP_FLOOR = 3;

export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

/** Results of a group; `null` when suppressed (too few, or hidden so a hidden group cannot be worked out). */
export interface Results {
  /** Learners with an assessed result (passed or failed). */
  readonly assessed: number;
  readonly passed: number;
  readonly failed: number;
  readonly score: Spread | null;
  readonly minutes: Spread | null;
}

export interface ParticipationRow {
  readonly learners: number;
  readonly notStarted: number;
  readonly inProgress: number;
  readonly completed: number;
}

export interface UnitRow extends ParticipationRow {
  readonly unit: string;
  readonly results: Results | null;
}

export interface AudienceRow extends ParticipationRow {
  readonly audience: string | null;
}

export interface MonthRow {
  readonly month: string;
  readonly started: number;
  readonly completed: number;
}

export interface OutstandingLearner {
  readonly name: string;
  readonly email: string;
  readonly unit: string;
  readonly audience: string | null;
  readonly participation: 'notStarted' | 'inProgress';
  readonly lastAccessed: string | null;
}

export interface ChoiceShare {
  readonly id: string;
  readonly count: number;
  readonly share: number;
}

export interface DecisionRow {
  readonly scenario: string;
  readonly node: string;
  /** How many answered; null under the threshold. */
  readonly answered: number | null;
  /** null: suppressed. */
  readonly choices: readonly ChoiceShare[] | null;
  /** Share choosing a poor option, then acceptable: the ranking for trainers. */
  readonly poorShare: number | null;
  readonly acceptableShare: number | null;
}

export interface ScenarioRow {
  readonly scenario: string;
  readonly played: number;
  readonly skipped: number;
  /** How many took the scenario's short version (after stepping out of it) instead. */
  readonly short: number;
  readonly finished: number;
  /** Per ending, how many reached it first; `null` when suppressed; a single ending may be null (hidden as a complement). */
  readonly endings: readonly { readonly id: string; readonly count: number | null }[] | null;
}

export interface IndicatorRow {
  readonly unit: string;
  readonly learners: number;
  readonly completed: number;
  /** null: suppressed. */
  readonly passed: number | null;
}

export interface ReportData {
  readonly course: { readonly id: string; readonly version: number; readonly passMark: number };
  readonly settings: ReportSettings;
  readonly files: readonly FileSummary[];
  readonly problems: readonly FileProblem[];
  readonly total: ParticipationRow & { readonly results: Results | null; readonly passed: number | null; readonly failed: number | null };
  readonly units: readonly UnitRow[];
  readonly audiences: readonly AudienceRow[];
  readonly months: readonly MonthRow[];
  readonly outstanding: readonly OutstandingLearner[];
  /** Score distribution of the assessed, in tens (0–9, 10–19 … 90–100); null when suppressed. */
  readonly scoreBins: readonly number[] | null;
  readonly scenarios: readonly ScenarioRow[];
  readonly decisions: readonly DecisionRow[];
  /** Learners who started but whose decisions no file holds, by reason. */
  readonly missingDecisions: { readonly scorm2004: number; readonly notExported: number };
  /** Answers to decisions or options the course does not have (another version of it). */
  readonly unknownAnswers: number;
  /** Basic report only: attempts at score 0 that may be paused or finished at 0 %. */
  readonly ambiguous: number;
  readonly indicators: { readonly from: string | null; readonly to: string | null; readonly rows: readonly IndicatorRow[]; readonly total: IndicatorRow };
}

const quantile = (sorted: readonly number[], q: number): number => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
};
const spread = (values: readonly (number | null)[]): Spread | null => {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { median: round(quantile(sorted, 0.5)), q1: round(quantile(sorted, 0.25)), q3: round(quantile(sorted, 0.75)) };
};

const participation = (records: readonly LearnerRecord[]): ParticipationRow => ({
  learners: records.length,
  notStarted: records.filter((r) => r.participation === 'notStarted').length,
  inProgress: records.filter((r) => r.participation === 'inProgress').length,
  completed: records.filter((r) => r.participation === 'completed').length,
});

const resultsOf = (records: readonly LearnerRecord[]): Results => {
  const assessed = records.filter((r) => r.passed !== null);
  return {
    assessed: assessed.length,
    passed: assessed.filter((r) => r.passed).length,
    failed: assessed.filter((r) => r.passed === false).length,
    score: spread(assessed.map((r) => r.score)),
    minutes: spread(assessed.map((r) => r.minutes)),
  };
};

const groupBy = <K>(records: readonly LearnerRecord[], key: (r: LearnerRecord) => K): Map<K, LearnerRecord[]> => {
  const groups = new Map<K, LearnerRecord[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
};

const sortUnits = (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'sv'));

/** Whether a learner's completion counts in the indicator table's period. */
const inPeriodOf = (settings: ReportSettings) => (r: LearnerRecord): boolean => {
  if (r.participation !== 'completed') return false;
  if (!settings.from && !settings.to) return true;
  const month = r.completedOn?.slice(0, 7);
  return month !== undefined && (!settings.from || month >= settings.from) && (!settings.to || month <= settings.to);
};

/**
 * Units' results with suppression over the unit partition and its total. Results are of the
 * learners who completed within the period (all of them without one), so the results table and
 * the indicator table show one set of figures: two overlapping tables could give away what
 * each hides (a unit's passes in the period from its passes in all and those outside).
 */
function unitResults(byUnit: Map<string, LearnerRecord[]>, all: readonly LearnerRecord[], minGroup: number) {
  const results = new Map([...byUnit].map(([unit, records]) => [unit, resultsOf(records)]));
  const total = resultsOf(all);
  const { hidden, totalHidden } = protectPartition(
    [...results].map(([unit, r]) => ({ id: unit, n: r.assessed, value: r.passed })),
    { id: '', n: total.assessed, value: total.passed },
    minGroup,
  );
  return { results, total, hidden, totalHidden };
}

export function summarise(records: readonly LearnerRecord[], course: ReportCourse, files: readonly FileSummary[], problems: readonly FileProblem[], settings: ReportSettings): ReportData {
  const minGroup = Math.max(MIN_GROUP_FLOOR, Math.floor(settings.minGroup));
  const byUnit = groupBy(records, (r) => r.unit);
  const units = [...byUnit.keys()].sort(sortUnits);
  // Results count the learners assessed within the period; everyone else is left out of them.
  const inPeriod = inPeriodOf(settings);
  const assessedInPeriod = records.filter((r) => r.passed === null || inPeriod(r));
  const { results, total, hidden, totalHidden } = unitResults(groupBy(assessedInPeriod, (r) => r.unit), assessedInPeriod, minGroup);
  const months = new Map<string, { started: number; completed: number }>();
  for (const r of records) {
    const bump = (date: string | null, key: 'started' | 'completed') => {
      if (!date) return;
      const m = months.get(date.slice(0, 7)) ?? { started: 0, completed: 0 };
      m[key]++;
      months.set(date.slice(0, 7), m);
    };
    bump(r.started, 'started');
    if (r.participation === 'completed') bump(r.completedOn, 'completed');
  }
  const assessed = assessedInPeriod.filter((r) => r.passed !== null && r.score !== null);
  const bins = Array.from({ length: 10 }, (_, i) => assessed.filter((r) => Math.min(9, Math.floor((r.score ?? 0) / 10)) === i).length);
  return {
    course: { id: course.id, version: course.version, passMark: course.passMark },
    settings: { ...settings, minGroup },
    files,
    problems,
    total: {
      ...participation(records),
      results: totalHidden ? null : total,
      passed: totalHidden ? null : total.passed,
      failed: totalHidden ? null : total.failed,
    },
    units: units.map((unit) => ({ unit, ...participation(byUnit.get(unit) ?? []), results: hidden.has(unit) ? null : (results.get(unit) ?? resultsOf([])) })),
    audiences: [...groupBy(records, (r) => r.audience)].map(([audience, rs]) => ({ audience, ...participation(rs) })).sort((a, b) => (a.audience ?? '~').localeCompare(b.audience ?? '~')),
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
    outstanding: records
      .filter((r): r is LearnerRecord & { participation: 'notStarted' | 'inProgress' } => r.participation !== 'completed')
      .map(({ name, email, unit, audience, participation: p, lastAccessed }) => ({ name, email, unit, audience, participation: p, lastAccessed }))
      .sort((a, b) => sortUnits(a.unit, b.unit) || a.name.localeCompare(b.name, 'sv')),
    scoreBins: totalHidden || assessed.length < minGroup ? null : bins,
    ...scenarioFigures(records, course, minGroup),
    missingDecisions: {
      scorm2004: records.filter((r) => r.noDecisions === 'scorm2004').length,
      notExported: records.filter((r) => r.noDecisions === 'notExported').length,
    },
    ambiguous: records.filter((r) => r.ambiguous).length,
    indicators: indicators(records, settings, hidden, totalHidden),
  };
}

function indicators(records: readonly LearnerRecord[], settings: ReportSettings, hidden: ReadonlySet<string>, totalHidden: boolean): ReportData['indicators'] {
  const done = inPeriodOf(settings);
  const byUnit = groupBy(records, (r) => r.unit);
  const passedIn = (rs: readonly LearnerRecord[]) => rs.filter((r) => done(r) && r.passed === true).length;
  const row = (unit: string, rs: readonly LearnerRecord[], hide: boolean): IndicatorRow => ({ unit, learners: rs.length, completed: rs.filter(done).length, passed: hide ? null : passedIn(rs) });
  return {
    from: settings.from ?? null,
    to: settings.to ?? null,
    rows: [...byUnit.keys()].sort(sortUnits).map((unit) => row(unit, byUnit.get(unit) ?? [], hidden.has(unit))),
    total: row('', records, totalHidden),
  };
}
