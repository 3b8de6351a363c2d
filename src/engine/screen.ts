import { currentAttempt, type CourseContext, type Screen } from './events.ts';

interface SnapshotLike {
  readonly context: unknown;
  readonly value: unknown;
  matches(state: 'ending'): boolean;
  getMeta(): Record<string, unknown>;
}

/** The screen a snapshot shows: the meta of its active states, plus the course's ending. */
export function screenOf(snapshot: SnapshotLike): Screen {
  const context = snapshot.context as CourseContext;
  if (snapshot.matches('ending')) {
    const scenarioId = context.current ?? '';
    return { screen: 'ending', scenarioId, endingId: currentAttempt(context.progress[scenarioId])?.endingId ?? '' };
  }
  const metas = Object.values(snapshot.getMeta() as Record<string, Partial<Screen> | undefined>);
  const merged = Object.assign({}, ...metas.filter(Boolean)) as Screen;
  if (!merged.screen) throw new Error(`No screen for state ${JSON.stringify(snapshot.value)}`);
  return merged;
}
