/**
 * A faulty LMS for the fault-injection tests: wraps scorm-again below the conformance checker
 * and fails the way real LMSs do, chosen in the page's query string:
 *
 *   ?faults=missing|false|throw|slow|unload|wipe&seed=<n>
 *
 * - missing: no API is published at all.
 * - false: SetValue and Commit return "false" at random with a general error code.
 * - throw: Initialize, GetValue, SetValue, Commit and Terminate throw at random.
 * - slow: each of those calls blocks the page for 300 ms.
 * - unload: Commit fails with 391 (1.2: 101) while the course is being unloaded.
 * - wipe: after each Commit the LMS resets the status (1.2 lesson_status to incomplete, 2004 both statuses to unknown).
 *
 * Random faults come from a seeded generator, so a run repeats exactly. `heal()` ends all faults:
 * the LMS has recovered.
 */
import { API_METHODS, type ScormVersion } from './conformance.ts';

export type FaultMode = 'none' | 'missing' | 'false' | 'throw' | 'slow' | 'unload' | 'wipe';

export const FAULT_MODES: readonly FaultMode[] = ['none', 'missing', 'false', 'throw', 'slow', 'unload', 'wipe'];

export interface FaultPlan {
  readonly mode: FaultMode;
  readonly seed: number;
}

/** How often a random fault strikes a call it may strike. */
const RATE = 0.25;
const SLOW_MS = 300;
const SET_CODES: Record<ScormVersion, readonly string[]> = { '1.2': ['101'], '2004': ['101', '351'] };
const COMMIT_CODES: Record<ScormVersion, readonly string[]> = { '1.2': ['101'], '2004': ['101', '391'] };
const UNLOAD_CODE: Record<ScormVersion, string> = { '1.2': '101', '2004': '391' };
const WIPED: Record<ScormVersion, readonly (readonly [string, string])[]> = {
  '1.2': [['cmi.core.lesson_status', 'incomplete']],
  '2004': [['cmi.completion_status', 'unknown'], ['cmi.success_status', 'unknown']],
};

export function faultsFromQuery(search: string): FaultPlan {
  const q = new URLSearchParams(search);
  const mode = FAULT_MODES.find((m) => m === q.get('faults')) ?? 'none';
  return { mode, seed: Number(q.get('seed')) || 1 };
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One session's faults: what was injected, and the switches the preview turns. */
export class Faults {
  readonly mode: FaultMode;
  /** Calls that failed, threw or were slowed on purpose. */
  injected = 0;
  healed = false;
  /** The preview is unloading the course (the `unload` mode's moment). */
  unloading = false;
  readonly #random: () => number;

  constructor(plan: FaultPlan, session: number) {
    this.mode = plan.mode;
    this.#random = seeded(plan.seed * 1000 + session);
  }

  get active(): boolean {
    return this.mode !== 'none' && !this.healed;
  }

  /** Whether a random fault strikes now (the generator advances only while faults are active). */
  strikes(): boolean {
    return this.active && this.#random() < RATE;
  }

  pick(codes: readonly string[]): string {
    return codes[Math.floor(this.#random() * codes.length)] ?? '101';
  }
}

type Method = (...args: string[]) => string;

/** `api` with the version's methods wrapped by the session's faults. */
export function faultyApi(api: object, version: ScormVersion, faults: Faults): Record<string, Method> {
  const names = API_METHODS[version];
  const target = api as Record<string, Method>;
  const call = (name: string, args: string[]): string => String(target[name]?.apply(api, args));
  let injectedError: string | null = null;

  const fail = (code: string): string => {
    faults.injected++;
    injectedError = code;
    return 'false';
  };
  const stateful = (name: string, args: string[]): string => {
    injectedError = null;
    if (faults.active && faults.mode === 'slow') {
      faults.injected++;
      const until = Date.now() + SLOW_MS;
      while (Date.now() < until) {
        // The LMS is busy: the call blocks, as a synchronous XHR to a slow server does.
      }
    }
    if (faults.mode === 'throw' && faults.strikes()) {
      faults.injected++;
      throw new Error(`faulty LMS: ${name} threw`);
    }
    if (name === names.set && faults.mode === 'false' && faults.strikes()) return fail(faults.pick(SET_CODES[version]));
    if (name === names.commit) {
      if (faults.mode === 'false' && faults.strikes()) return fail(faults.pick(COMMIT_CODES[version]));
      if (faults.mode === 'unload' && faults.active && faults.unloading) return fail(UNLOAD_CODE[version]);
    }
    const result = call(name, args);
    if (name === names.commit && result === 'true' && faults.mode === 'wipe' && faults.active) {
      faults.injected++;
      for (const [element, value] of WIPED[version]) call(names.set, [element, value]);
    }
    return result;
  };

  const wrapped: Record<string, Method> = {};
  for (const name of Object.values(names)) wrapped[name] = (...args) => call(name, args);
  for (const name of [names.initialize, names.terminate, names.get, names.set, names.commit]) {
    wrapped[name] = (...args) => stateful(name, args);
  }
  wrapped[names.lastError] = () => injectedError ?? call(names.lastError, []);
  return wrapped;
}
