import type { ReportCourse } from '../course-model.ts';
import { ALIASES, GENERIC_ATTEMPT_REQUIRED, GENERIC_INTERACTION_REQUIRED, INTERACTION_COLUMN, findColumns } from './columns.ts';
import type { FileKind, ScormVersion } from './facts.ts';

/** What kind of export a header row belongs to. */
export function detectKind(header: readonly string[]): FileKind {
  const lower = header.map((h) => h.trim().toLowerCase());
  const has = (name: string) => lower.includes(name);
  if (GENERIC_INTERACTION_REQUIRED.every(has)) return 'generic-interactions';
  if (GENERIC_ATTEMPT_REQUIRED.every(has)) return 'generic-attempts';
  const columns = findColumns(header);
  if (columns.attempt !== undefined && columns.score !== undefined && columns.started !== undefined) {
    if (header.some((h) => INTERACTION_COLUMN.test(h.trim()))) return 'moodle-interactions';
    // Objectives: after the SCO's status column come objective ids (or "<id> status"/"<id> score").
    return header.length > (columns.score ?? 0) + 1 ? 'moodle-objectives' : 'moodle-basic';
  }
  if (columns.courseComplete !== undefined) return 'moodle-course-completion';
  if (columns.firstName !== undefined && columns.lastName !== undefined && columns.email !== undefined) return 'moodle-participants';
  // Activity completion: the first header cell is empty (the name), then identity fields and one
  // column per activity, each followed by a blank-headed date column.
  if (lower[0] === '' && columns.email !== undefined) return 'moodle-activity-completion';
  return 'unknown';
}

const norm = (s: string) => s.toLowerCase().normalize('NFC');

/** The SCORM version a file name or column title mentions (Moodle names a download after the activity). */
export function versionIn(text: string): ScormVersion | null {
  const s = norm(text).replace(/[\s_-]/g, '');
  if (/scorm2004|scorm13|2004/.test(s)) return '2004';
  if (/scorm12|scorm1\.2/.test(s)) return '1.2';
  return null;
}

/**
 * The audience a text names: the package title (`Trygg i uppdraget – Medarbetare`), an
 * activity name containing the audience's title, or a file name with its id or title.
 * `null` when none or more than one matches.
 */
export function audienceIn(course: ReportCourse, text: string): string | null {
  const s = norm(text);
  const matches = course.audiences.filter(
    (a) => Object.values(a.title).some((t) => t && s.includes(norm(t))) || new RegExp(`(^|[^a-z])${a.id}([^a-z]|$)`).test(s),
  );
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}

/** The audience whose scenarios hold every decision seen, when only one does. */
export function audienceOfDecisions(course: ReportCourse, scenarioIds: ReadonlySet<string>): string | null {
  if (scenarioIds.size === 0) return null;
  const fits = course.audiences.filter((a) => [...scenarioIds].every((id) => a.scenarios.includes(id)));
  return fits.length === 1 ? (fits[0]?.id ?? null) : null;
}

export const isIdentityColumn = (header: string): boolean =>
  Object.values(ALIASES).some((names) => (names as readonly string[]).includes(header.trim().toLowerCase()));
