import type { ProblemLine } from 'virtual:course';
import type { Actor } from 'xstate';
import type { CourseMachine } from '../engine/course-machine.ts';
import type { CourseEvent } from '../engine/events.ts';
import type { CourseSpec } from '../model/course.ts';

/** The running preview, as `main.ts` hands it to the dev tools. */
export interface Preview {
  readonly course: CourseSpec;
  /** The course actor now shown; a restart replaces it. */
  actor(): Actor<CourseMachine>;
  /** Shows a fresh course that has been sent these events (see `eventsToNode`). */
  restart(events: readonly CourseEvent[]): void;
  /** A text of the course in the source language (scenario titles, node texts). */
  text(key: string): string;
}

/** Everything the dev tools are mounted with. */
export interface DevInput {
  /** `null` when there is no course without errors to show. */
  readonly preview: Preview | null;
  readonly problems: readonly ProblemLine[];
  /** Whether the preview is an older course than the files (which now have errors). */
  readonly stale: boolean;
  /** What the player threw while starting, if it did. */
  readonly crash: unknown;
}
