/**
 * One LMS session: a fresh scorm-again API for the package's version, preloaded before the course
 * loads, wrapped in the conformance checker and published as `window.API` (1.2) or
 * `window.API_1484_11` (2004). Every successful Commit and Terminate is saved as the stored attempt,
 * judged by the call's return value (scorm-again's listeners also fire for rejected calls).
 */
import { Scorm12API, Scorm2004API } from './scorm-again.ts';
import { API_METHODS, wrapApi, type CallRecord, type CheckedApi, type ScormVersion, type Violation } from './conformance.ts';
import { faultyApi, type Faults } from './faulty-lms.ts';
import type { LaunchOptions } from './launch-options.ts';
import { flattenStrings, saveAttempt, type Preload } from './stored-attempt.ts';

type ScormApi = Scorm12API | Scorm2004API;

/**
 * `mastery_override` is always explicit: Scorm12API turns it on when a settings object omits it,
 * and would then overwrite lesson_status from score.raw at LMSFinish, as Moodle does by default.
 * No lmsCommitUrl: commits stay in the page.
 */
const SETTINGS = { autocommit: false, logLevel: 5, mastery_override: false } as const;

export interface SessionHooks {
  onCall(call: CallRecord, violations: Violation[]): void;
  onViolation(violation: Violation): void;
  /** A value the preload tried to set that scorm-again did not take. */
  onPreloadMismatch(key: string, wanted: string, got: string | undefined): void;
}

const GLOBALS: Record<ScormVersion, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };
type ApiHost = Window & { API?: unknown; API_1484_11?: unknown };

export class LmsSession {
  readonly version: ScormVersion;
  readonly options: LaunchOptions;
  readonly preload: Preload;
  readonly checked: CheckedApi;
  /** The faults this session's LMS suffers (mode `none`: a sound LMS). */
  readonly faults: Faults;
  readonly #api: ScormApi;
  readonly #persist: boolean;

  constructor(version: ScormVersion, options: LaunchOptions, preload: Preload, faults: Faults, hooks: SessionHooks) {
    this.version = version;
    this.faults = faults;
    this.options = options;
    this.preload = preload;
    this.#api = version === '1.2' ? new Scorm12API({ ...SETTINGS }) : new Scorm2004API({ ...SETTINGS });
    // Flattened loading orders each interaction's and objective's id (and type) before the rest,
    // which the data model requires; nested loadFromJSON would follow object key order.
    this.#api.loadFromFlattenedJSON(preload.cmi);
    const loaded = this.cmi();
    for (const [key, wanted] of Object.entries(preload.cmi)) {
      if (loaded[key] !== wanted) hooks.onPreloadMismatch(key, wanted, loaded[key]);
    }
    // A review launch is a look back: LMSs do not record it.
    this.#persist = options.mode !== 'review';
    const names = API_METHODS[version];
    this.checked = wrapApi(faultyApi(this.#api, version, faults), version, (v) => hooks.onViolation(v), {
      onCall: (call, found) => {
        const saved = call.result === 'true' && (call.method === names.commit || call.method === names.terminate);
        // After Terminate the session is closed: a (lenient 1.2) Commit then no longer counts.
        const closedBefore = call.method === names.commit && this.checked.terminated;
        if (saved && !closedBefore) this.#save(call.method === names.terminate ? 'terminate' : 'commit');
        hooks.onCall(call, found);
      },
    });
  }

  /** Publishes the wrapped API where the course looks for it (unless the LMS has none), and hides the other version's. */
  publish(win: Window): void {
    const host = win as ApiHost;
    delete host.API;
    delete host.API_1484_11;
    if (this.faults.mode !== 'missing') host[GLOBALS[this.version]] = this.checked;
  }

  /** The live CMI, flattened, string values only (write-only elements such as exit included). */
  cmi(): Record<string, string> {
    const flat = flattenStrings(this.#api.renderCMIToJSONObject());
    // scorm-again's 1.2 core leaves total_time out of its JSON; the LMS knows it, so show it.
    if (this.#api instanceof Scorm12API) flat['cmi.core.total_time'] = this.#api.cmi.core.total_time;
    return flat;
  }

  get terminated(): boolean {
    return this.checked.terminated;
  }

  #save(trigger: 'commit' | 'terminate'): void {
    if (!this.#persist) return;
    // total_time = the stored total plus this session's session_time, as an LMS would record it.
    const rendered = this.#api.renderCommitCMI(trigger === 'terminate', true);
    saveAttempt(this.options.pkg, this.options.learner, {
      format: 1,
      version: this.version,
      savedAt: new Date().toISOString(),
      trigger,
      cmi: flattenStrings(rendered),
    });
  }
}
