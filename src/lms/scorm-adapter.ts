import type { Dialect } from './dialect.ts';
import { INTERACTION_LIMIT, clampText } from './formats.ts';
import type { CourseStatus, DecisionRecord, LaunchData, LmsPort, ObjectiveRecord } from './port.ts';
import { ScormWire } from './wire.ts';

const oneOf = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** The LMS port over a real SCORM API, for either version through its dialect. */
export class ScormAdapter implements LmsPort {
  readonly kind: 'scorm12' | 'scorm2004';
  readonly #wire: ScormWire;
  readonly #dialect: Dialect;
  #interactions = 0;
  readonly #objectives = new Map<string, number>();

  constructor(api: unknown, dialect: Dialect) {
    this.#dialect = dialect;
    this.kind = dialect.kind;
    this.#wire = new ScormWire(api, dialect.version);
  }

  get lastError(): string {
    return this.#wire.lastError;
  }

  initialize(): boolean {
    if (!this.#wire.initialize()) return false;
    // Append after what earlier sessions wrote; never rewrite an interaction or objective.
    this.#interactions = Number(this.#wire.get('cmi.interactions._count')) || 0;
    const objectives = Number(this.#wire.get('cmi.objectives._count')) || 0;
    for (let n = 0; n < objectives; n++) this.#objectives.set(this.#wire.get(`cmi.objectives.${n}.id`), n);
    return true;
  }

  launchData(): LaunchData {
    const get = this.#wire.get;
    const e = this.#dialect.elements;
    return {
      entry: oneOf(get(e.entry), ['ab-initio', 'resume'], ''),
      mode: oneOf(get(e.mode), ['review', 'browse'], 'normal'),
      credit: oneOf(get(e.credit), ['no-credit'], 'credit'),
      language: get(e.language),
      suspendData: get(e.suspendData),
      location: get(e.location),
      completed: this.#dialect.completedAtLaunch(get),
    };
  }

  #write(writes: readonly (readonly [string, string])[]): boolean {
    // Keep going after a failure: a rejected optional value must not cost the rest.
    return writes.map(([element, value]) => this.#wire.set(element, value)).every(Boolean);
  }

  recordDecision(decision: DecisionRecord): boolean {
    if (this.#interactions >= INTERACTION_LIMIT) return false;
    return this.#write(this.#dialect.interaction(this.#interactions++, decision));
  }

  setObjective(objective: ObjectiveRecord): boolean {
    let n = this.#objectives.get(objective.id);
    const isNew = n === undefined;
    if (n === undefined) this.#objectives.set(objective.id, (n = this.#objectives.size));
    return this.#write(this.#dialect.objective(n, objective, isNew));
  }

  setStatus(status: CourseStatus): boolean {
    return this.#write(this.#dialect.status(status));
  }

  setProgress(suspendData: string, location: string): boolean {
    if (suspendData.length > this.#dialect.suspendDataLimit) return false;
    return this.#write([
      [this.#dialect.elements.suspendData, suspendData],
      [this.#dialect.elements.location, clampText(location, this.#dialect.locationLimit)],
    ]);
  }

  setExit(finished: boolean): boolean {
    return this.#wire.set(this.#dialect.elements.exit, this.#dialect.exitValue(finished));
  }

  setSessionTime(ms: number): boolean {
    return this.#wire.set(this.#dialect.elements.sessionTime, this.#dialect.sessionTime(ms));
  }

  commit(): boolean {
    return this.#wire.commit();
  }

  terminate(): boolean {
    return this.#wire.terminate();
  }
}
