import type { CourseStatus, LaunchData, LmsPort } from './port.ts';

interface Stored {
  suspendData: string;
  location: string;
  completed: boolean;
}

/**
 * Stands in for an LMS when the course runs on its own (a plain web server, the dev
 * preview): progress is kept in this browser's storage so a reload resumes, and nothing
 * is reported anywhere. The player tells the learner so.
 */
export class LocalAdapter implements LmsPort {
  readonly kind = 'local';
  readonly #key: string;
  readonly #storage: Storage | null;
  #state: Stored = { suspendData: '', location: '', completed: false };
  #stored = false;

  constructor(key: string, storage: Storage | null) {
    this.#key = key;
    this.#storage = storage;
  }

  initialize(): boolean {
    try {
      const text = this.#storage?.getItem(this.#key);
      if (text) {
        this.#state = { ...this.#state, ...(JSON.parse(text) as Partial<Stored>) };
        this.#stored = true;
      }
    } catch {
      // Unreadable or blocked storage: start afresh, which is what a new learner sees anyway.
    }
    return true;
  }

  launchData(): LaunchData {
    return {
      entry: this.#stored ? 'resume' : 'ab-initio',
      mode: 'normal',
      credit: 'credit',
      language: '',
      suspendData: this.#state.suspendData,
      location: this.#state.location,
      completed: this.#state.completed,
      // This browser keeps the progress, not a result to report.
      recorded: this.#state.completed ? { passed: null, score: null } : null,
    };
  }

  storedDecisions = (): readonly never[] => [];

  recordDecision = (): boolean => true;
  setObjective = (): boolean => true;
  setExit = (): boolean => true;
  setSessionTime = (): boolean => true;

  setStatus(status: CourseStatus): boolean {
    this.#state.completed ||= status.completed;
    return true;
  }

  setProgress(suspendData: string, location: string): boolean {
    this.#state = { ...this.#state, suspendData, location };
    return true;
  }

  commit(): boolean {
    try {
      this.#storage?.setItem(this.#key, JSON.stringify(this.#state));
      return this.#storage !== null;
    } catch {
      return false;
    }
  }

  terminate(): boolean {
    return this.commit();
  }
}
