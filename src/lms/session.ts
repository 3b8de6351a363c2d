import type { LmsPort } from './port.ts';

export interface SessionOptions {
  readonly port: LmsPort;
  /** The page whose hiding saves and whose leaving ends the session; without one, `listen` does nothing. */
  readonly win?: Window;
  readonly now: () => number;
  /** Whether the course is finished when the session ends (decides the exit value). */
  readonly finished: () => boolean;
  /**
   * Whether this launch records anything (see `recordsWork`). A review, browse or no-credit
   * launch writes no session time and no exit of its own, only terminates.
   */
  readonly records: boolean;
  /** Whether the LMS launched a suspended attempt (entry `resume`). */
  readonly resumed: boolean;
  readonly onCommit?: (ok: boolean) => void;
  /** Writes what is still waiting to be written (the tracker's deferred steps), before saving. */
  readonly beforeSave?: () => void;
}

/**
 * The session's life cycle against the LMS: commit whenever the page is hidden (the last
 * moment browsers reliably allow), and terminate exactly once — from the Exit button or
 * when the page goes away. A failed commit never stops the terminate.
 */
export class Session {
  readonly #o: SessionOptions;
  readonly #startedAt: number;
  #ended = false;

  constructor(options: SessionOptions) {
    this.#o = options;
    this.#startedAt = options.now();
  }

  listen(): void {
    const { win } = this.#o;
    if (!win) return;
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.visibilityState === 'hidden') this.save();
    });
    win.addEventListener('pagehide', () => this.end());
    // Older embedded browsers fire beforeunload but not pagehide.
    win.addEventListener('beforeunload', () => this.end());
  }

  get ended(): boolean {
    return this.#ended;
  }

  save(): void {
    if (this.#ended || !this.#o.records) return;
    this.#o.beforeSave?.();
    const { port } = this.#o;
    port.setSessionTime(this.#o.now() - this.#startedAt);
    port.setExit(this.#o.finished());
    const ok = port.commit();
    this.#o.onCommit?.(ok);
  }

  /** Saves what it can and terminates; later calls do nothing. */
  end(): boolean {
    if (this.#ended) return true;
    this.#ended = true;
    const { port } = this.#o;
    this.#o.beforeSave?.();
    if (this.#o.records) {
      port.setSessionTime(this.#o.now() - this.#startedAt);
      port.setExit(this.#o.finished());
      port.commit();
    } else if (this.#o.resumed) {
      // A launch that records nothing leaves the attempt's resume state as it found it. Its own
      // exit value would change it: "suspend" after a finished attempt makes the next launch a
      // resume, while 2004's default ("" or "normal") ends a suspended attempt, and the next
      // launch would start afresh without the suspend data. So a suspended attempt is suspended
      // again, and any other is left with the LMS's default. Session time is not written
      // either: reviewing or practising is not time on the attempt that counts, and total_time
      // stays as it was.
      port.setExit(false);
    }
    return port.terminate();
  }
}
