/**
 * The preview LMS's "database": the CMI of the last Commit or Terminate, per package and learner, in
 * localStorage; and the flattened CMI to preload into a new API instance for a launch. What is
 * carried into a relaunch follows what LMSs do: 1.2 keeps the attempt's data on every relaunch
 * (`entry=resume` only after `exit=suspend`); 2004 resumes only after `exit=suspend`, otherwise a new
 * attempt starts empty.
 */
import type { ScormVersion } from './conformance.ts';
import type { LaunchOptions, Learner } from './launch-options.ts';
import type { PackageInfo } from './package-info.ts';

export interface StoredAttempt {
  format: 1;
  version: ScormVersion;
  savedAt: string;
  /** What saved it: a Commit, or the Terminate that ended the session. */
  trigger: 'commit' | 'terminate';
  /** Flattened CMI (`cmi.core.lesson_status` …), string values only, including total_time. */
  cmi: Record<string, string>;
}

const PREFIX = 'trygg-preview:v1';
export const storageKey = (pkg: string, learnerId: string): string => `${PREFIX}:${pkg}:${learnerId}`;

export function loadAttempt(pkg: string, learnerId: string): StoredAttempt | null {
  try {
    const raw = localStorage.getItem(storageKey(pkg, learnerId));
    const parsed = raw ? (JSON.parse(raw) as StoredAttempt) : null;
    return parsed?.format === 1 && parsed.cmi && typeof parsed.cmi === 'object' ? parsed : null;
  } catch {
    return null; // unreadable or from an older format: as if nothing was stored
  }
}

export function saveAttempt(pkg: string, learnerId: string, attempt: StoredAttempt): void {
  localStorage.setItem(storageKey(pkg, learnerId), JSON.stringify(attempt));
}

export function clearAttempt(pkg: string, learnerId: string): void {
  localStorage.removeItem(storageKey(pkg, learnerId));
}

/**
 * Flattens what scorm-again renders (`{ cmi: { core: { … } } }`) to `cmi.core.…` keys, keeping only
 * strings: its own getFlattenedCMI() also yields `{}` for empty collections (`correct_responses`).
 */
export function flattenStrings(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string') {
    if (prefix) out[prefix] = value;
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    if (prefix) out[prefix] = String(value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenStrings(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** What the LMS carries from one session into the next, per version (interactions and objectives whole). */
const CARRIED: Record<ScormVersion, RegExp> = {
  '1.2': /^cmi\.(suspend_data|core\.(lesson_location|lesson_status|total_time|score\.(raw|min|max))|interactions\.\d+\.|objectives\.\d+\.)/,
  '2004': /^cmi\.(suspend_data|location|completion_status|success_status|progress_measure|total_time|score\.(scaled|raw|min|max)|interactions\.\d+\.|objectives\.\d+\.)/,
};

export interface Preload {
  cmi: Record<string, string>;
  /** What the LMS decided about the stored attempt, for the page's status line. */
  note: string;
}

/** The flattened CMI to load before Initialize; `stored` is null for a fresh launch. */
export function buildPreload(info: PackageInfo, options: LaunchOptions, learner: Learner, stored: StoredAttempt | null): Preload {
  const v = info.version;
  const cmi: Record<string, string> = {};
  const lang = options.lang === 'none' ? '' : options.lang;
  if (v === '1.2') {
    Object.assign(cmi, {
      'cmi.core.student_id': learner.id,
      'cmi.core.student_name': learner.name,
      'cmi.core.credit': options.credit,
      'cmi.core.lesson_mode': options.mode,
    });
    if (lang) cmi['cmi.student_preference.language'] = lang;
    if (info.masteryScore) cmi['cmi.student_data.mastery_score'] = info.masteryScore;
  } else {
    Object.assign(cmi, {
      'cmi.learner_id': learner.id,
      'cmi.learner_name': learner.name,
      'cmi.credit': options.credit,
      'cmi.mode': options.mode,
    });
    if (lang) cmi['cmi.learner_preference.language'] = lang;
    if (info.scaledPassingScore) cmi['cmi.scaled_passing_score'] = info.scaledPassingScore;
    if (info.completionThreshold) cmi['cmi.completion_threshold'] = info.completionThreshold;
  }
  const entryKey = v === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
  // scorm-again leaves 1.2 total_time blank; an LMS starts it at zero (2004 starts at PT0S by itself).
  if (v === '1.2') cmi['cmi.core.total_time'] = '00:00:00';
  if (!stored || stored.version !== v) {
    cmi[entryKey] = 'ab-initio';
    return { cmi, note: stored ? `stored ${stored.version} data ignored: new attempt` : 'new attempt' };
  }
  const suspended = stored.cmi[v === '1.2' ? 'cmi.core.exit' : 'cmi.exit'] === 'suspend';
  // Review shows the last attempt as it was, suspended or not.
  const carry = v === '1.2' || suspended || options.mode === 'review';
  if (!carry) {
    cmi[entryKey] = 'ab-initio';
    return { cmi, note: 'previous attempt ended (exit was not "suspend"): new attempt' };
  }
  for (const [key, value] of Object.entries(stored.cmi)) {
    if (value !== '' && CARRIED[v].test(key)) cmi[key] = value;
  }
  cmi[entryKey] = suspended ? 'resume' : '';
  return { cmi, note: suspended ? 'resumed suspended attempt' : 'attempt data carried over (entry "")' };
}
