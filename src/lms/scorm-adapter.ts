import type { Dialect, Writes } from './dialect.ts';
import { INTERACTION_LIMIT, clampText, type ScormVersion } from './formats.ts';
import type { CourseStatus, DecisionRecord, LaunchData, LmsPort, ObjectiveRecord, StoredDecision } from './port.ts';
import { ScormWire } from './wire.ts';

const oneOf = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * Error codes by which the LMS judges the value itself (wrong type, read-only, unknown element):
 * sending it again cannot help. Any other failure (general exception, general set failure, a
 * throwing or busy API) may pass on a later try.
 */
const REJECTED: Record<ScormVersion, ReadonlySet<string>> = {
  '1.2': new Set(['201', '401', '402', '403', '404', '405']),
  '2004': new Set(['201', '401', '402', '403', '404', '405', '406', '407', '408']),
};

/** The LMS port over a real SCORM API, for either version through its dialect. */
export class ScormAdapter implements LmsPort {
  readonly kind: 'scorm12' | 'scorm2004';
  readonly #wire: ScormWire;
  readonly #dialect: Dialect;
  #interactions = 0;
  readonly #objectives = new Map<string, number>();
  /** Writes not yet taken by the LMS, in the order they were made (an interaction's id before its fields). */
  #queue: (readonly [string, string])[] = [];
  #terminated = false;
  /** The last status elements written, asserted again before each commit and the terminate (some LMSs wipe them on commit). */
  #status: Writes = [];

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
    const recorded = this.#dialect.resultAtLaunch(get);
    return {
      entry: oneOf(get(e.entry), ['ab-initio', 'resume'], ''),
      mode: oneOf(get(e.mode), ['review', 'browse'], 'normal'),
      credit: oneOf(get(e.credit), ['no-credit'], 'credit'),
      language: get(e.language),
      suspendData: get(e.suspendData),
      location: get(e.location),
      completed: recorded !== null,
      recorded,
    };
  }

  storedDecisions(): readonly StoredDecision[] {
    const response = this.#dialect.readableResponse;
    if (!response) return [];
    const decisions: StoredDecision[] = [];
    for (let n = 0; n < this.#interactions; n++) {
      const id = this.#wire.get(`cmi.interactions.${n}.id`);
      const choice = this.#wire.get(`cmi.interactions.${n}.${response}`);
      if (id && choice) decisions.push({ id, response: choice });
    }
    return decisions;
  }

  /** Queues the writes (a newer value of an element still waiting replaces it in place) and sends what it can. */
  #write(writes: Writes): boolean {
    // SCORM allows no call after Terminate: a step that comes late (a fetch that ended after
    // the learner left) is dropped here rather than sent to an LMS that has closed the attempt.
    if (this.#terminated) return false;
    for (const [element, value] of writes) {
      const waiting = this.#queue.findIndex(([e]) => e === element);
      if (waiting >= 0) this.#queue[waiting] = [element, value];
      else this.#queue.push([element, value]);
    }
    return this.#flush();
  }

  /**
   * Sends queued writes in order. A value the LMS rejects is dropped, so one bad optional value
   * cannot cost the rest; any other failure stops here and keeps it, and everything after it,
   * for the next write or commit. True when everything was taken.
   */
  #flush(): boolean {
    let ok = true;
    for (let next = this.#queue[0]; next; next = this.#queue[0]) {
      if (!this.#wire.set(next[0], next[1])) {
        if (!REJECTED[this.#dialect.version].has(this.#wire.lastError)) return false;
        ok = false;
      }
      this.#queue.shift();
    }
    return ok;
  }

  /** Writes the last status again if the LMS no longer holds it. */
  #reassertStatus(): void {
    if (this.#status.some(([element, value]) => this.#wire.get(element) !== value)) this.#write(this.#status);
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

  /**
   * The status is committed before the score is written, so the score first changes in a later
   * commit. Moodle's player posts a commit's score before its status, stores them in that order
   * and re-evaluates grade and completion as it stores the score: sent together, the completion
   * check still sees the old status, and a passing SCORM 1.2 learner is never marked complete.
   * An LMS that judges element by element in the order posted gets the same right answer.
   */
  setStatus(status: CourseStatus): boolean {
    const writes = this.#dialect.status(status);
    this.#status = writes.status;
    const written = this.#write(writes.status);
    if (writes.score.length === 0) return written;
    const committed = this.#flush() && this.#wire.commit();
    return this.#write(writes.score) && written && committed;
  }

  setProgress(suspendData: string, location: string): boolean {
    if (suspendData.length > this.#dialect.suspendDataLimit) return false;
    return this.#write([
      [this.#dialect.elements.suspendData, suspendData],
      [this.#dialect.elements.location, clampText(location, this.#dialect.locationLimit)],
    ]);
  }

  setExit(finished: boolean): boolean {
    return this.#write([[this.#dialect.elements.exit, this.#dialect.exitValue(finished)]]);
  }

  setSessionTime(ms: number): boolean {
    return this.#write([[this.#dialect.elements.sessionTime, this.#dialect.sessionTime(ms)]]);
  }

  /** Retries what the LMS has not taken yet, then commits; false when anything may be unsaved. */
  commit(): boolean {
    if (this.#terminated) return false;
    this.#reassertStatus();
    const flushed = this.#flush();
    return this.#wire.commit() && flushed;
  }

  /** A last try for what is still queued; Terminate saves whatever the LMS holds. */
  terminate(): boolean {
    if (this.#terminated) return true;
    this.#reassertStatus();
    this.#flush();
    this.#terminated = true;
    return this.#wire.terminate();
  }
}
