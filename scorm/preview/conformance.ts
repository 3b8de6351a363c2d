/**
 * The strict conformance checker: wraps an LMS API object (scorm-again, or a fake in tests) and
 * records every call, failing the run on what the ADL test suite fails a SCO for, plus the value
 * formats real LMSs reject. scorm-again's 1.2 mode is lenient (calls after LMSFinish succeed,
 * 64,000-char suspend data passes), so its return values alone prove little; this is the judge.
 * Pure: no DOM, no scorm-again import.
 */
import { checkValue, type ScormVersion } from './conformance-values.ts';

export type { ScormVersion } from './conformance-values.ts';

export interface CallRecord {
  /** 1-based position among all calls of this wrapper. */
  seq: number;
  /** The method as the SCO called it, e.g. `LMSSetValue` or `SetValue`. */
  method: string;
  args: string[];
  result: string;
  /** The API's last error code right after the call (`GetLastError`), as a string. */
  error: string;
  /** ms since the epoch. */
  at: number;
}

export interface Violation {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  /** The call at fault; null for what is judged at the end (a missing Terminate). */
  call: CallRecord | null;
}

type Role = 'initialize' | 'terminate' | 'get' | 'set' | 'commit' | 'lastError' | 'errorString' | 'diagnostic';

export const API_METHODS: Record<ScormVersion, Record<Role, string>> = {
  '1.2': {
    initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
    lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
    lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic',
  },
};

/** GetValue error codes a conformant SCO may see: 2004 403 = "not initialized yet" (a blank value). */
const GET_OK: Record<ScormVersion, readonly string[]> = { '1.2': ['0'], '2004': ['0', '403'] };

const ERROR_NAMES: Record<ScormVersion, Record<string, string>> = {
  '1.2': {
    '101': 'general exception', '201': 'invalid argument', '202': 'element cannot have children', '203': 'element not an array',
    '301': 'not initialized', '401': 'not implemented', '402': 'invalid set value, element is a keyword',
    '403': 'element is read only', '404': 'element is write only', '405': 'incorrect data type',
  },
  '2004': {
    '101': 'general exception', '102': 'general initialization failure', '103': 'already initialized',
    '104': 'content instance terminated', '111': 'general termination failure', '112': 'termination before initialization',
    '113': 'termination after termination', '122': 'retrieve data before initialization', '123': 'retrieve data after termination',
    '132': 'store data before initialization', '133': 'store data after termination', '142': 'commit before initialization',
    '143': 'commit after termination', '201': 'general argument error', '301': 'general get failure', '351': 'general set failure',
    '391': 'general commit failure', '401': 'undefined data model element', '402': 'unimplemented data model element',
    '403': 'data model element value not initialized', '404': 'data model element is read only',
    '405': 'data model element is write only', '406': 'data model element type mismatch',
    '407': 'data model element value out of range', '408': 'data model dependency not established',
  },
};

/** The course status elements, and the score element whose first final value must follow them. */
const STATUS_ELEMENTS: Record<ScormVersion, readonly string[]> = {
  '1.2': ['cmi.core.lesson_status'],
  '2004': ['cmi.completion_status', 'cmi.success_status'],
};
const SCORE_RAW: Record<ScormVersion, string> = { '1.2': 'cmi.core.score.raw', '2004': 'cmi.score.raw' };
const FINAL_STATUS = new Set(['passed', 'failed', 'completed']);

export type ApiMethod = (...args: string[]) => string;

/** The wrapped API: the version's eight methods, plus what the checker saw. */
export interface CheckedApi {
  [method: string]: unknown;
  readonly calls: CallRecord[];
  readonly violations: Violation[];
  readonly initialized: boolean;
  /** Terminate (LMSFinish) returned "true". */
  readonly terminated: boolean;
  /** Judges the end of the session (Initialize and Terminate reached); later calls do nothing. */
  finish(): Violation[];
}

export interface WrapOptions {
  /** Called after every call, once its violations are recorded. */
  onCall?: (call: CallRecord, violations: Violation[]) => void;
}

/** Wraps `api` (an object with the version's methods) for a SCO; `onViolation` hears each finding. */
export function wrapApi(api: object, version: ScormVersion, onViolation?: (v: Violation) => void, options: WrapOptions = {}): CheckedApi {
  const names = API_METHODS[version];
  const target = api as Record<string, unknown>;
  const method = (role: Role): ApiMethod => {
    const fn = target[names[role]];
    if (typeof fn !== 'function') throw new TypeError(`the API has no ${names[role]}()`);
    return (...args: string[]) => String(fn.apply(api, args));
  };
  const lastError = method('lastError');
  const calls: CallRecord[] = [];
  const violations: Violation[] = [];
  const interactionTypes = new Map<string, string>();
  let initialized = false;
  let terminated = false;
  let finished = false;
  /**
   * Whether the LMS holds a final status (read at launch, or committed), and whether one was set
   * since the last commit. Moodle stores a commit's score before its status and completes the
   * learner only when the score changes after the final status is stored: so the score may only
   * be set once a final status has been committed (scorm-notes.md, "Observed in Moodle 4.3").
   */
  let finalStored = false;
  let finalPending = false;

  const report = (found: Violation[], severity: Violation['severity'], rule: string, message: string, call: CallRecord | null): void => {
    const v: Violation = { severity, rule, message, call };
    found.push(v);
    violations.push(v);
    onViolation?.(v);
  };
  /** A value as it reads in a message: quoted, long ones cut (the call record keeps it whole). */
  const show = (value: string): string => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value) + (value.length > 100 ? ` (${value.length} chars)` : '');
  const describe = (code: string): string => `error ${code}${ERROR_NAMES[version][code] ? ` (${ERROR_NAMES[version][code]})` : ''}`;

  /** State rules, judged before the call changes the state. Returns whether one fired. */
  function checkState(role: Role, call: CallRecord, found: Violation[]): boolean {
    const name = call.method;
    if (role === 'initialize') {
      if (terminated) report(found, 'error', 'initialize-after-terminate', `${name} called after the session was terminated`, call);
      else if (initialized) report(found, 'warning', 'initialize-twice', `${name} called a second time`, call);
      return terminated || initialized;
    }
    if (terminated) {
      if (role === 'terminate') report(found, 'warning', 'terminate-twice', `${name} called a second time`, call);
      else report(found, 'error', 'after-terminate', `${name}(${call.args.join(', ')}) called after ${names.terminate}`, call);
      return true;
    }
    if (!initialized) {
      report(found, 'error', 'before-initialize', `${name}(${call.args.join(', ')}) called before ${names.initialize}`, call);
      return true;
    }
    return false;
  }

  function invoke(role: Role, args: string[]): string {
    const fn = method(role);
    const stateful = role === 'initialize' || role === 'terminate' || role === 'get' || role === 'set' || role === 'commit';
    const call: CallRecord = { seq: calls.length + 1, method: names[role], args: args.map(String), result: '', error: '0', at: Date.now() };
    const found: Violation[] = [];
    const stateBroken = stateful && checkState(role, call, found);
    call.result = fn(...args);
    if (stateful) call.error = lastError();
    calls.push(call);
    const ok = call.result === 'true' && call.error === '0';

    if (role === 'initialize' || role === 'terminate' || role === 'commit') {
      if (args.length > 0 && args[0] !== '') {
        report(found, 'error', 'non-empty-argument', `${call.method} must be called with "" (got ${show(args[0] ?? '')})`, call);
      }
      if (!ok && !stateBroken) report(found, 'error', 'call-failed', `${call.method}("") returned ${call.result}, ${describe(call.error)}`, call);
      if (role === 'initialize' && call.result === 'true' && !terminated) initialized = true;
      if (role === 'terminate' && call.result === 'true' && initialized) terminated = true;
    }
    if (role === 'get' && !stateBroken && !GET_OK[version].includes(call.error)) {
      report(found, 'error', 'get-error', `${call.method}(${args[0] ?? ''}) failed with ${describe(call.error)}`, call);
    }
    if (role === 'get' && STATUS_ELEMENTS[version].includes(call.args[0] ?? '') && FINAL_STATUS.has(call.result)) finalStored = true;
    if (role === 'commit' && ok && finalPending) finalStored = true;
    if (role === 'commit' && ok) finalPending = false;
    if (role === 'set') {
      const [element = '', value = ''] = call.args;
      const index = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
      if (index !== undefined && element.endsWith('.type')) interactionTypes.set(index, value);
      if (STATUS_ELEMENTS[version].includes(element) && FINAL_STATUS.has(value)) finalPending = true;
      if (element === SCORE_RAW[version] && !finalStored && !stateBroken) {
        report(found, 'error', 'score-before-status', `${element} set before a final status was committed: Moodle stores the score first and never marks the learner complete`, call);
      }
      const problems = checkValue(version, element, value, index === undefined ? undefined : interactionTypes.get(index));
      for (const p of problems) report(found, p.severity, p.rule, `${element}: ${p.message}`, call);
      const explained = stateBroken || problems.some((p) => p.severity === 'error');
      if (!ok && !explained) {
        report(found, 'error', 'set-failed', `${call.method}(${element}, ${show(value)}) returned ${call.result}, ${describe(call.error)}`, call);
      }
    }
    options.onCall?.(call, found);
    return call.result;
  }

  const wrapped: CheckedApi = {
    get calls() { return calls; },
    get violations() { return violations; },
    get initialized() { return initialized; },
    get terminated() { return terminated; },
    finish(): Violation[] {
      const found: Violation[] = [];
      if (finished) return found;
      finished = true;
      if (!initialized) report(found, 'error', 'initialize-missing', `${names.initialize} was never called successfully`, null);
      else if (!terminated) report(found, 'error', 'terminate-missing', `${names.terminate} was never called successfully`, null);
      return found;
    },
  };
  for (const role of Object.keys(names) as Role[]) {
    wrapped[names[role]] = (...args: unknown[]) => invoke(role, args.map((a) => (a === undefined || a === null ? '' : String(a))));
  }
  return wrapped;
}
