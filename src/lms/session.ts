import type { LmsPort } from './port.ts';

export interface SessionOptions {
  readonly port: LmsPort;
  readonly win: Window;
  readonly now: () => number;
  /** Whether the course is finished when the session ends (decides the exit value). */
  readonly finished: () => boolean;
  readonly onCommit?: (ok: boolean) => void;
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
    if (this.#ended) return;
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
    port.setSessionTime(this.#o.now() - this.#startedAt);
    port.setExit(this.#o.finished());
    port.commit();
    return port.terminate();
  }
}
