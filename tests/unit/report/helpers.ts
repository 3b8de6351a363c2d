import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../../src/authoring/load.ts';
import { reportCourse } from '../../../src/report/course-data.ts';
import type { ReportCourse } from '../../../src/report/course-model.ts';
import type { ByteSource } from '../../../src/report/import/rows.ts';
import { fileSource } from '../../../src/report/node-source.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/lms-exports/moodle-4.3');

let course: ReportCourse | undefined;
/** The real course, loaded once. */
export const theCourse = (): ReportCourse => (course ??= reportCourse(loadProject(join(import.meta.dirname, '../../..')).project));

/** Every Moodle export of the fixture (not the truth file or the README). */
export const exportFiles = (match: RegExp = /./): ByteSource[] =>
  readdirSync(FIXTURES)
    .filter((f) => /\.(txt|csv|xlsx)$/.test(f) && match.test(f))
    .sort()
    .map((f) => fileSource(join(FIXTURES, f)));

/** A file made in the test, read as the CLI reads one. */
export function memorySource(name: string, content: string | Uint8Array): ByteSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    head: async (n) => bytes.subarray(0, n),
    chunks: async function* () {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    },
    bytes: async () => bytes.slice().buffer,
  };
}

interface TruthAttempt {
  score_raw: string | null;
  lesson_status_12: string | null;
  completion_status_2004: string | null;
}
interface TruthLearner {
  fullname: string;
  department: string;
  activities: Record<string, { moodle_stored?: { attempts: TruthAttempt[] }; attempts?: TruthAttempt[] }>;
}

/** What each learner really did (`truth-staff.json`), as the report should count it: their best over both packages. */
export function truth(passMark: number) {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'truth-staff.json'), 'utf8')) as { learners: TruthLearner[]; test_accounts: TruthLearner[] };
  return [...json.learners, ...json.test_accounts].map((l) => {
    const attempts = Object.values(l.activities).flatMap((a) => a.moodle_stored?.attempts ?? a.attempts ?? []);
    const finished = attempts.filter((a) => ['passed', 'failed', 'completed'].includes(a.lesson_status_12 ?? a.completion_status_2004 ?? ''));
    const best = Math.max(-1, ...finished.map((a) => Number(a.score_raw ?? -1)));
    const status = finished.length > 0 ? 'completed' : attempts.length > 0 ? 'inProgress' : 'notStarted';
    return { name: l.fullname, unit: l.department, status, passed: status === 'completed' ? best >= passMark : null };
  });
}
