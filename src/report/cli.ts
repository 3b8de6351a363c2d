import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from '../authoring/load.ts';
import { reportCourse } from './course-data.ts';
import { indicatorCsv, indicatorXlsx, outstandingCsv } from './indicator-files.ts';
import { fileSource } from './node-source.ts';
import { embedData, reportPageName } from './page-file.ts';
import { buildReport, importAll } from './report.ts';
import { DEFAULT_SETTINGS, MIN_GROUP_FLOOR, type ReportData } from './summary.ts';
import { reportText } from './text.ts';

/**
 * `npm run report -- <files…> [--out <dir>] [--json]`: the follow-up report from LMS exports,
 * for a scheduled monthly run. Files are streamed row by row. `--out` writes the report page
 * with the data in it and the indicator table as CSV and .xlsx; `--json` prints a summary.
 */
const root = resolve(import.meta.dirname, '../..');

/** The summary `--json` prints: counts per course, each learner once (their best), results suppressed as on the page. */
export function jsonSummary(data: ReportData) {
  return {
    course: data.course.id,
    minGroup: data.settings.minGroup,
    learners: data.total.learners,
    notStarted: data.total.notStarted,
    inProgress: data.total.inProgress,
    completed: data.total.completed,
    passed: data.total.passed,
    failed: data.total.failed,
    units: data.units.map((u) => ({ unit: u.unit, learners: u.learners, notStarted: u.notStarted, inProgress: u.inProgress, completed: u.completed, passed: u.results?.passed ?? null, failed: u.results?.failed ?? null })),
    audiences: data.audiences,
    missingDecisions: data.missingDecisions,
    decisions: data.decisions.filter((d) => d.choices).map((d) => ({ id: `${d.scenario}.${d.node}`, answered: d.answered, shares: Object.fromEntries((d.choices ?? []).map((c) => [c.id, Math.round(c.share * 1000) / 1000])) })),
    files: data.files.map((f) => ({ file: f.file, kind: f.kind, rows: f.rows, audience: f.audience, scorm: f.scorm })),
    problems: data.problems.length,
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      'min-group': { type: 'string' },
      target: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      audience: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
    },
  });
  const t = await reportText(values.lang ?? 'sv');
  if (positionals.length === 0) {
    console.error('npm run report -- <exportfiler…> [--out <mapp>] [--json] [--min-group 5] [--target 90] [--from 2026-01] [--to 2026-12] [--audience staff] [--lang sv|en]');
    process.exit(2);
  }
  const missing = positionals.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`Filen finns inte: ${missing.join(', ')}`);
    process.exit(2);
  }
  const minGroup = Number(values['min-group'] ?? DEFAULT_SETTINGS.minGroup);
  if (!Number.isFinite(minGroup) || minGroup < MIN_GROUP_FLOOR) {
    console.error(`--min-group måste vara minst ${MIN_GROUP_FLOOR}.`);
    process.exit(2);
  }
  const course = reportCourse(loadProject(root).project);
  const started = performance.now();
  let shown = -1;
  const imported = await importAll(positionals.map(fileSource), course, undefined, ({ file, done, total }) => {
    if (values.json || done === shown || done === total) return;
    shown = done;
    console.error(t('reading', { file, done: done + 1, total }));
  });
  const audiences = values.audience ? Object.fromEntries(imported.files.filter((f) => !f.audience).map((f) => [f.file, values.audience ?? ''])) : {};
  const { data } = buildReport(imported, course, {
    minGroup,
    target: values.target ? Number(values.target) / 100 : DEFAULT_SETTINGS.target,
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  }, audiences);
  for (const p of data.problems) console.error(t(`problem.${p.code}`, { ...p.values, file: p.file, row: p.row, column: p.column }));
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    const page = join(root, 'dist', reportPageName(course.id));
    if (existsSync(page)) writeFileSync(join(values.out, reportPageName(course.id)), embedData(readFileSync(page, 'utf8'), data));
    else console.error(`${page} saknas: kör npm run build först för att få rapportsidan.`);
    writeFileSync(join(values.out, 'indikatorer.csv'), indicatorCsv(data, t));
    writeFileSync(join(values.out, 'indikatorer.xlsx'), await indicatorXlsx(data, t));
    writeFileSync(join(values.out, 'ej-slutfort.csv'), outstandingCsv(data, t));
    if (!values.json) console.error(`${values.out}: ${reportPageName(course.id)}, indikatorer.csv, indikatorer.xlsx, ej-slutfort.csv (${Math.round(performance.now() - started)} ms)`);
  }
  if (values.json) console.log(JSON.stringify(jsonSummary(data), null, 2));
}

await main();
