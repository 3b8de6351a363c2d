import { assign, setup } from 'xstate';
import { holds } from '../model/conditions.ts';
import type { Condition } from '../model/scenario.ts';
import { currentAttempt, isDone, isFinished, isSkipped, type Attempt, type CourseContext, type CourseEvent, type Screen } from './events.ts';

interface ChoiceParams {
  scenarioId: string;
  nodeId: string;
  choiceId: string;
  sets: readonly string[];
}

const EMPTY: Attempt = { decisions: [], flags: [], endingId: null };

/** Replaces the scenario's current attempt. */
function withAttempt(context: CourseContext, scenarioId: string, change: (a: Attempt) => Attempt): Pick<CourseContext, 'progress'> {
  const attempts = context.progress[scenarioId]?.attempts ?? [EMPTY];
  const last = attempts.at(-1) ?? EMPTY;
  return { progress: { ...context.progress, [scenarioId]: { attempts: [...attempts.slice(0, -1), change(last)] } } };
}

/**
 * The named guards and actions shared by the scenario and course machines. They only
 * transform context, so every machine built on this is pure and can be replayed or
 * explored by `xstate/graph` without a browser or an LMS.
 */
export const engineSetup = setup({
  types: {
    context: {} as CourseContext,
    events: {} as CourseEvent,
    meta: {} as Partial<Screen> & { screen?: Screen['screen'] },
  },
  guards: {
    isChoice: ({ context, event }, params: { scenarioId: string; choiceId: string; when?: Condition }) => {
      if (event.type !== 'choice.selected' || event.choiceId !== params.choiceId) return false;
      const attempt = currentAttempt(context.progress[params.scenarioId]);
      const chosen = new Set((attempt?.decisions ?? []).map((d) => `${d.nodeId}.${d.choiceId}`));
      return holds(params.when, { flags: new Set(attempt?.flags ?? []), chosen });
    },
    isScenario: ({ event }, params: { scenarioId: string }) =>
      (event.type === 'scenario.selected' || event.type === 'scenario.skipped' || event.type === 'scenario.alternative') &&
      event.scenarioId === params.scenarioId,
    /** Every required scenario done (see `isDone`; `skipCounts`: the scenarios whose skip counts). */
    allDone: ({ context }, params: { scenarioIds: readonly string[]; skipCounts: readonly string[] }) =>
      params.scenarioIds.every((id) => isDone(context.progress[id], params.skipCounts.includes(id))),
    /** Skipping from the list (at a content note) is for scenarios not yet finished or skipped. */
    canSkip: ({ context, event }, params: { scenarioId: string }) =>
      event.type === 'scenario.skipped' &&
      event.scenarioId === params.scenarioId &&
      !isFinished(context.progress[params.scenarioId]) &&
      !isSkipped(context.progress[params.scenarioId]),
  },
  actions: {
    /** A new attempt unless the current one is unfinished (replays and returns after a skip start afresh). */
    enterScenario: assign(({ context, event }, params: { scenarioId: string }) => {
      const attempts = context.progress[params.scenarioId]?.attempts ?? [];
      const last = attempts.at(-1);
      // The short version is always a play-through of its own.
      if (event.type === 'scenario.alternative') {
        return { current: params.scenarioId, progress: { ...context.progress, [params.scenarioId]: { attempts: [...attempts, { ...EMPTY, alternative: true as const }] } } };
      }
      const fresh = !last || last.endingId !== null || last.skipped === true || last.alternative === true;
      return {
        current: params.scenarioId,
        progress: { ...context.progress, [params.scenarioId]: { attempts: fresh ? [...attempts, EMPTY] : attempts } },
      };
    }),
    recordChoice: assign(({ context }, params: ChoiceParams) =>
      withAttempt(context, params.scenarioId, (a) => ({
        ...a,
        decisions: [...a.decisions, { nodeId: params.nodeId, choiceId: params.choiceId }],
        flags: [...new Set([...a.flags, ...params.sets])],
      })),
    ),
    /**
     * Marks the attempt under way as skipped, or adds an empty skipped attempt when skipping
     * before starting. Attempts are never removed, so the tracker's attempt numbers stay put.
     */
    recordSkip: assign(({ context }, params: { scenarioId: string }) => {
      const attempts = context.progress[params.scenarioId]?.attempts ?? [];
      const last = attempts.at(-1);
      const underWay = last !== undefined && last.endingId === null && last.skipped !== true;
      const next = underWay ? [...attempts.slice(0, -1), { ...last, skipped: true }] : [...attempts, { ...EMPTY, skipped: true }];
      return { current: null, progress: { ...context.progress, [params.scenarioId]: { attempts: next } } };
    }),
    recordEnding: assign(({ context }, params: { scenarioId: string; endingId: string }) =>
      withAttempt(context, params.scenarioId, (a) => ({ ...a, endingId: params.endingId })),
    ),
  },
});
