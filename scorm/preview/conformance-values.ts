/**
 * Strict value rules for what a SCO writes, per SCORM version. Deliberately independent of the
 * course's own format module (src/lms/formats.ts): a checker that reused the writer's code would
 * approve the writer's bugs. Pure, no DOM: runs in Vitest and in the preview page.
 */

import type { ScormVersion } from '../../src/lms/formats.ts';

export type { ScormVersion };

export interface ValueProblem {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

/** Ids and choice response tokens that every LMS we target accepts (Moodle 2004: `^[\w.]{1,250}$`). */
export const ID_PATTERN = /^[A-Za-z0-9_.]+$/;
export const SUSPEND_DATA_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

const TIMESPAN_12 = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
const TIME_12 = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,2})?$/;
// A zone designator only after a fraction: Moodle and scorm-again reject `…T12:00:00Z`.
const TIMESTAMP_2004 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,2}(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;
// No weeks, fractions only on seconds and at most 2 digits.
const DURATION_2004 = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const SCORE_12 = /^\d{1,3}(\.\d{1,2})?$/;

const STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
const OBJECTIVE_STATUS_12 = [...STATUS_12, 'not attempted'];
const COMPLETION_2004 = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS_2004 = ['passed', 'failed', 'unknown'];

interface Vocabulary {
  exit: readonly string[];
  type: readonly string[];
  result: readonly string[];
}

const VOCABULARY: Record<ScormVersion, Vocabulary> = {
  '1.2': {
    exit: ['', 'time-out', 'suspend', 'logout'],
    type: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'],
    result: ['correct', 'wrong', 'unanticipated', 'neutral'],
  },
  '2004': {
    exit: ['', 'time-out', 'suspend', 'logout', 'normal'],
    type: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
    result: ['correct', 'incorrect', 'unanticipated', 'neutral'],
  },
};

export function isTimespan12(v: string): boolean {
  const m = TIMESPAN_12.exec(v);
  return !!m && Number(m[2]) < 60 && Number(m[3]) < 60;
}

export function isTime12(v: string): boolean {
  const m = TIME_12.exec(v);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3]) < 60;
}

export function isTimestamp2004(v: string): boolean {
  const m = TIMESTAMP_2004.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zoneOk = (m[7] === undefined || Number(m[7]) < 24) && (m[8] === undefined || Number(m[8]) < 60);
  return year >= 1970 && year <= 2038 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    hour < 24 && minute < 60 && second < 60 && zoneOk;
}

export function isDuration2004(v: string): boolean {
  return DURATION_2004.test(v) && v !== 'P' && !v.endsWith('T');
}

const inRange = (v: string, min: number, max: number): boolean => DECIMAL.test(v) && Number(v) >= min && Number(v) <= max;

/** Tokens of a choice response: 1.2 `a,b` (optionally in braces), 2004 `a[,]b`. */
function choiceTokens(version: ScormVersion, v: string): string[] {
  return version === '1.2' ? v.replace(/^\{(.*)\}$/, '$1').split(',') : v.split('[,]');
}

type Check = (v: string, ctx: { version: ScormVersion; type: string | undefined }) => ValueProblem | null;

const bad = (message: string, rule = 'malformed-value'): ValueProblem => ({ severity: 'error', rule, message });
const oneOf = (words: readonly string[], what: string): Check => (v) =>
  words.includes(v) ? null : bad(`${what} "${v}" is not one of ${words.map((w) => `"${w}"`).join(', ')}`);
const maxLength = (n: number, what: string, rule = 'malformed-value'): Check => (v) =>
  v.length <= n ? null : bad(`${what} is ${v.length} characters, more than ${n}`, rule);
const identifier = (max: number): Check => (v) =>
  ID_PATTERN.test(v) && v.length <= max ? null : bad(`identifier "${v}" must match ${ID_PATTERN} (at most ${max} characters)`);
const result = (version: ScormVersion): Check => (v) =>
  VOCABULARY[version].result.includes(v) || DECIMAL.test(v)
    ? null
    : bad(`result "${v}" is not a decimal or one of ${VOCABULARY[version].result.join('/')}`);
const exit: Check = (v, { version }) => {
  if (v === 'logout') return { severity: 'warning', rule: 'exit-logout', message: 'exit "logout" is deprecated; use "suspend" or leave it empty/normal' };
  return oneOf(VOCABULARY[version].exit, 'exit')(v, { version, type: undefined });
};
const response: Check = (v, { version, type }) => {
  if (type !== 'choice') return null;
  const badToken = choiceTokens(version, v).find((t) => !ID_PATTERN.test(t));
  return badToken === undefined ? null : bad(`choice response token "${badToken}" must match ${ID_PATTERN}`);
};

// scorm-again's CMILangString250 matches with `.`, so a line break makes the whole value a type mismatch (406).
const singleLine: Check = (v) => (/[\r\n]/.test(v) ? bad('description must be one line: line breaks are rejected (scorm-again answers 406)') : null);

const score12: Check = (v) =>
  v === '' || (SCORE_12.test(v) && Number(v) <= 100) ? null : bad(`score "${v}" must be a number 0–100 with at most 2 decimals`);
const real: Check = (v) => (DECIMAL.test(v) ? null : bad(`"${v}" is not a decimal number`));
const scaled: Check = (v) => (inRange(v, -1, 1) ? null : bad(`scaled score "${v}" must be a number from -1 to 1`));
const unit: Check = (v) => (inRange(v, 0, 1) ? null : bad(`"${v}" must be a number from 0 to 1`));

const RULES: Record<ScormVersion, [RegExp, Check][]> = {
  '1.2': [
    [/^cmi\.core\.lesson_status$/, (v) => v === 'not attempted'
      ? bad('content must never set lesson_status to "not attempted"', 'lesson-status-not-attempted')
      : oneOf(STATUS_12, 'lesson_status')(v, { version: '1.2', type: undefined })],
    [/^cmi\.core\.exit$/, exit],
    [/^cmi\.core\.session_time$/, (v) => (isTimespan12(v) ? null : bad(`session_time "${v}" is not HHHH:MM:SS.SS (2–4 hour digits, MM and SS < 60)`))],
    [/^cmi\.core\.lesson_location$/, maxLength(255, 'lesson_location')],
    [/^cmi\.suspend_data$/, maxLength(4096, 'suspend_data', 'suspend-data-too-long')],
    [/^cmi\.(core|objectives\.\d+)\.score\.(raw|min|max)$/, score12],
    [/^cmi\.objectives\.\d+\.id$/, identifier(255)],
    [/^cmi\.objectives\.\d+\.status$/, oneOf(OBJECTIVE_STATUS_12, 'objective status')],
    [/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$/, identifier(255)],
    [/^cmi\.interactions\.\d+\.time$/, (v) => (isTime12(v) ? null : bad(`interaction time "${v}" is not HH:MM:SS(.SS)`))],
    [/^cmi\.interactions\.\d+\.type$/, oneOf(VOCABULARY['1.2'].type, 'interaction type')],
    [/^cmi\.interactions\.\d+\.result$/, result('1.2')],
    [/^cmi\.interactions\.\d+\.latency$/, (v) => (isTimespan12(v) ? null : bad(`latency "${v}" is not HHHH:MM:SS.SS`))],
    [/^cmi\.interactions\.\d+\.weighting$/, real],
    [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, (v, c) => maxLength(255, 'response')(v, c) ?? response(v, c)],
  ],
  '2004': [
    [/^cmi\.completion_status$/, oneOf(COMPLETION_2004, 'completion_status')],
    [/^cmi\.success_status$/, oneOf(SUCCESS_2004, 'success_status')],
    [/^cmi\.exit$/, exit],
    [/^cmi\.session_time$/, (v) => (isDuration2004(v) ? null : bad(`session_time "${v}" is not an ISO 8601 duration like PT1H2M3.45S (no weeks, fractions only on seconds, ≤ 2 digits)`))],
    [/^cmi\.location$/, maxLength(1000, 'location')],
    [/^cmi\.suspend_data$/, maxLength(64000, 'suspend_data', 'suspend-data-too-long')],
    [/^cmi\.(objectives\.\d+\.)?score\.scaled$/, scaled],
    [/^cmi\.(objectives\.\d+\.)?score\.(raw|min|max)$/, real],
    [/^cmi\.(objectives\.\d+\.)?progress_measure$/, unit],
    [/^cmi\.objectives\.\d+\.id$/, identifier(4000)],
    [/^cmi\.objectives\.\d+\.success_status$/, oneOf(SUCCESS_2004, 'objective success_status')],
    [/^cmi\.objectives\.\d+\.completion_status$/, oneOf(COMPLETION_2004, 'objective completion_status')],
    [/^cmi\.(objectives|interactions)\.\d+\.description$/, (v, c) => maxLength(250, 'description')(v, c) ?? singleLine(v, c)],
    [/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$/, identifier(4000)],
    [/^cmi\.interactions\.\d+\.timestamp$/, (v) => (isTimestamp2004(v) ? null : bad(`timestamp "${v}" is not YYYY-MM-DDThh:mm:ss[.s[s][zone]] in 1970–2038`))],
    [/^cmi\.interactions\.\d+\.type$/, oneOf(VOCABULARY['2004'].type, 'interaction type')],
    [/^cmi\.interactions\.\d+\.result$/, result('2004')],
    [/^cmi\.interactions\.\d+\.latency$/, (v) => (isDuration2004(v) ? null : bad(`latency "${v}" is not an ISO 8601 duration like PT3.5S`))],
    [/^cmi\.interactions\.\d+\.weighting$/, real],
    [/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/, response],
  ],
};

/**
 * Problems with one SetValue, or an empty list. `interactionType` is the type the SCO gave the
 * interaction the element belongs to, which decides how a response is read.
 */
export function checkValue(version: ScormVersion, element: string, value: string, interactionType?: string): ValueProblem[] {
  const rule = RULES[version].find(([pattern]) => pattern.test(element));
  const problem = rule?.[1](value, { version, type: interactionType });
  return problem ? [problem] : [];
}
