import type { ScormVersion } from './formats.ts';
import type { CourseStatus, DecisionRecord, LaunchData, ObjectiveRecord } from './port.ts';

export type Writes = readonly (readonly [element: string, value: string])[];

/**
 * Where SCORM 1.2 and 2004 differ, as data: element names, vocabularies and value formats.
 * The adapter that uses it is the same for both versions.
 */
export interface Dialect {
  readonly version: ScormVersion;
  readonly kind: 'scorm12' | 'scorm2004';
  readonly elements: {
    readonly entry: string;
    readonly mode: string;
    readonly credit: string;
    readonly language: string;
    readonly suspendData: string;
    readonly location: string;
    readonly exit: string;
    readonly sessionTime: string;
  };
  readonly suspendDataLimit: number;
  readonly locationLimit: number;
  /** The final result the attempt already has (the course must not downgrade it), or null. */
  resultAtLaunch(get: (element: string) => string): LaunchData['recorded'];
  /** The interaction element holding the response, when the version lets content read it (2004), else null. */
  readonly readableResponse: string | null;
  exitValue(finished: boolean): string;
  sessionTime(ms: number): string;
  interaction(n: number, decision: DecisionRecord): Writes;
  objective(n: number, objective: ObjectiveRecord, isNew: boolean): Writes;
  /**
   * The course status, in two parts: the status elements, and the score (empty while not final).
   * The adapter commits the first before it writes the second (see `ScormAdapter.setStatus`).
   */
  status(status: CourseStatus): { readonly status: Writes; readonly score: Writes };
}
