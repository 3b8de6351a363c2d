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

/** How far reading has come: files done, and bytes read of all files (when their sizes are known). */
export interface ReadProgress {
  readonly file: string;
  readonly done: number;
  readonly total: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** A source that counts the bytes read from it. */
function counted(source: ByteSource, read: (n: number) => void): ByteSource {
  return {
    ...source,
    chunks: async function* () {
      for await (const chunk of source.chunks()) {
        read(chunk.byteLength);
        yield chunk;
      }
    },
    bytes: async () => {
      const bytes = await source.bytes();
      read(bytes.byteLength);
      return bytes;
    },
  };
}

/** Reads every file into one ledger, in order; `progress` is told as pieces are read and after each file. */
export async function importAll(
  sources: readonly ByteSource[],
  course: ReportCourse,
  options: (name: string) => ImportOptions = () => ({}),
  progress: (p: ReadProgress) => void = () => {},
): Promise<ImportedFiles> {
  const ledger = new Ledger();
  const files: FileSummary[] = [];
  const problems: FileProblem[] = [];
  const totalBytes = sources.reduce((s, f) => s + (f.size ?? 0), 0);
  let bytes = 0;
  for (const [i, source] of sources.entries()) {
    const tell = (done: number) => progress({ file: source.name, done, total: sources.length, bytes, totalBytes });
    const result = await importFile(
      counted(source, (n) => {
        bytes += n;
        tell(i);
      }),
      course,
      (fact) => ledger.add(fact, i),
      options(source.name),
    );
    files.push(result.summary);
    problems.push(...result.problems);
    tell(i + 1);
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
