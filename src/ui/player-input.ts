/** What the page hands the player besides the course and its actor. */

/** A message above the current screen: a key of the player's texts and its values. */
export interface Notice {
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * How the LMS launched the course: to play for the record, to review earlier work read-only
 * (review or browse mode), or to play for practice with nothing recorded (no-credit).
 */
export type PlayerMode = 'play' | 'review' | 'practice';

/** The final result an LMS holds for the attempt: pass or fail (null: completed, not assessed) and the score. */
export interface RecordedResult {
  readonly passed: boolean | null;
  readonly score: number | null;
}
