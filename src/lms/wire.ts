import type { ScormVersion } from './formats.ts';

const METHODS = {
  '1.2': {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    error: 'LMSGetLastError',
  },
  '2004': {
    initialize: 'Initialize',
    terminate: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    error: 'GetLastError',
  },
} as const;

const TRIES = 3;

type RawApi = Record<string, (...args: string[]) => unknown>;

/**
 * The raw SCORM API made safe: every call is wrapped so that a throwing or misbehaving LMS
 * yields `false`/'' instead of breaking the course, and the last error code is kept.
 */
export class ScormWire {
  lastError = '0';
  readonly #api: RawApi;
  readonly #names: (typeof METHODS)[ScormVersion];

  constructor(api: unknown, version: ScormVersion) {
    this.#api = api as RawApi;
    this.#names = METHODS[version];
  }

  /** A method that throws is tried again at once (LMS APIs throw on passing hiccups), up to `TRIES` times. */
  #call(method: string, ...args: string[]): string {
    for (let n = 0; n < TRIES; n++) {
      try {
        const result = this.#api[method]?.(...args);
        return result === undefined || result === null ? '' : String(result);
      } catch {
        // try again
      }
    }
    return '';
  }

  #ok(result: string): boolean {
    if (result === 'true') {
      this.lastError = '0';
      return true;
    }
    this.lastError = this.#call(this.#names.error) || '101';
    return false;
  }

  initialize = (): boolean => this.#ok(this.#call(this.#names.initialize, ''));
  terminate = (): boolean => this.#ok(this.#call(this.#names.terminate, ''));
  commit = (): boolean => this.#ok(this.#call(this.#names.commit, ''));
  set = (element: string, value: string): boolean => this.#ok(this.#call(this.#names.set, element, value));
  get = (element: string): string => this.#call(this.#names.get, element);
}
