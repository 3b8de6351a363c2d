import type { ReportCourse } from '../course-model.ts';
import { GENERIC_ATTEMPT_COLUMNS, GENERIC_INTERACTION_COLUMNS } from './columns.ts';
import { detectKind } from './detect.ts';
import type { Fact, FileKind, FileProblem, FileSummary } from './facts.ts';
import { genericAttemptsImporter, genericInteractionsImporter } from './generic.ts';
import { moodleCompletionImporter, moodleScormImporter, participantsImporter, type RowImporter } from './moodle.ts';
import { notReadable, readRows, type ByteSource } from './rows.ts';

/** For a file of another LMS: which of its columns holds each column of the generic format. */
export type ColumnMapping = Readonly<Record<string, string>>;

export interface ImportOptions {
  /** Renames the file's columns to the generic format's before reading (the page's mapping step). */
  readonly mapping?: ColumnMapping;
}

export interface ImportResult {
  readonly summary: FileSummary;
  readonly problems: readonly FileProblem[];
}

/** Problems kept per file: enough to find the pattern, not a flood. */
const MAX_PROBLEMS = 20;

/**
 * Reads one export, row by row, handing each fact to `emit` as it is read (nothing of the
 * file is kept), and says what the file was. A file the report cannot place is `unknown`,
 * with its header, so the page can offer to map its columns.
 */
export async function importFile(source: ByteSource, course: ReportCourse, emit: (fact: Fact) => void, options: ImportOptions = {}): Promise<ImportResult> {
  const problems: FileProblem[] = [];
  let dropped = 0;
  const report = (p: Omit<FileProblem, 'file'>) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file: source.name, ...p });
    else dropped++;
  };
  let header: string[] | null = null;
  let kind: FileKind = 'unknown';
  let importer: RowImporter | null = null;
  let rows = 0;
  const refused = notReadable(await source.head(512));
  if (refused) {
    return { summary: { file: source.name, kind: 'unknown', rows: 0, headers: [], audience: null, scorm: null, interactionsEmpty: false }, problems: [{ file: source.name, code: refused }] };
  }
  try {
    await readRows(source, (cells, row) => {
      if (!header) {
        header = cells.map((c, i) => (i === 0 ? c.replace(/^\ufeff/, '') : c));
        if (options.mapping) {
          const renamed = new Map(Object.entries(options.mapping).map(([generic, theirs]) => [theirs, generic]));
          header = header.map((h) => renamed.get(h) ?? h);
        }
        kind = detectKind(header);
        importer = importerFor(kind, header, course, source.name, emit, report);
        return;
      }
      rows++;
      importer?.row(cells, row);
    });
  } catch (error) {
    problems.push({ file: source.name, code: 'unreadable', values: { reason: error instanceof Error ? error.message : String(error) } });
  }
  if (dropped > 0) problems.push({ file: source.name, code: 'moreProblems', values: { count: dropped } });
  if (!header) problems.push({ file: source.name, code: 'empty' });
  else if (kind === 'unknown') problems.push({ file: source.name, code: 'unknownColumns', row: 1 });
  const finished = (importer as RowImporter | null)?.finish() ?? { audience: null, scorm: null, interactionsEmpty: false };
  return { summary: { file: source.name, kind, rows, headers: header ?? [], ...finished }, problems };
}

function importerFor(kind: FileKind, header: readonly string[], course: ReportCourse, name: string, emit: (fact: Fact) => void, report: (p: Omit<FileProblem, 'file'>) => void): RowImporter | null {
  switch (kind) {
    case 'moodle-basic':
    case 'moodle-interactions':
    case 'moodle-objectives':
      return moodleScormImporter(kind, header, course, name, emit, report);
    case 'moodle-activity-completion':
    case 'moodle-course-completion':
      return moodleCompletionImporter(kind, header, course, name, emit, report);
    case 'moodle-participants':
      return participantsImporter(header, course, name, emit, report);
    case 'generic-attempts':
      return genericAttemptsImporter(header, GENERIC_ATTEMPT_COLUMNS, course, name, emit, report);
    case 'generic-interactions':
      return genericInteractionsImporter(header, GENERIC_INTERACTION_COLUMNS, course, name, emit, report);
    case 'unknown':
      return null;
  }
}
