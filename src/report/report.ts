import type { ReportCourse } from './course-model.ts';
import type { FileProblem, FileSummary } from './import/facts.ts';
import { importFile, type ImportOptions } from './import/import-file.ts';
import type { ByteSource } from './import/rows.ts';
import { learnerRecords, type LearnerRecord } from './learners.ts';
import { Ledger } from './ledger.ts';
import { summarise, type ReportData, type ReportSettings } from './summary.ts';

export interface ImportedFiles {
  readonly ledger: Ledger;
  readonly files: FileSummary[];
  readonly problems: FileProblem[];
}

/** Reads every file into one ledger, in order; `progress` is told after each file. */
export async function importAll(
  sources: readonly ByteSource[],
  course: ReportCourse,
  options: (name: string) => ImportOptions = () => ({}),
  progress: (done: number, total: number, file: string) => void = () => {},
): Promise<ImportedFiles> {
  const ledger = new Ledger();
  const files: FileSummary[] = [];
  const problems: FileProblem[] = [];
  for (const [i, source] of sources.entries()) {
    const result = await importFile(source, course, (fact) => ledger.add(fact, i), options(source.name));
    files.push(result.summary);
    problems.push(...result.problems);
    progress(i + 1, sources.length, source.name);
  }
  return { ledger, files, problems };
}

/**
 * The report from imported files. `audiences` overrides the audience of files (by name), as
 * the user sets it in the page or with `--audience` where a file does not say.
 */
export function buildReport(imported: ImportedFiles, course: ReportCourse, settings: ReportSettings, audiences: Readonly<Record<string, string>> = {}): { data: ReportData; records: LearnerRecord[] } {
  const files = imported.files.map((f) => (audiences[f.file] ? { ...f, audience: audiences[f.file] ?? null } : f));
  const records = learnerRecords(imported.ledger, files, course);
  return { data: summarise(records, course, files, imported.problems, settings), records };
}
