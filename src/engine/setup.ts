import { assign, setup } from 'xstate';
import type { CourseContext, CourseEvent, Screen } from './events.ts';

interface ChoiceParams {
  scenarioId: string;
  nodeId: string;
  choiceId: string;
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
    isChoice: ({ event }, params: { choiceId: string }) =>
      event.type === 'choice.selected' && event.choiceId === params.choiceId,
    isUnfinished: ({ context }, params: { scenarioId: string }) =>
      (context.progress[params.scenarioId]?.endingId ?? null) === null,
  },
  actions: {
    enterScenario: assign(({ context }, params: { scenarioId: string }) => ({
      current: params.scenarioId,
      progress: {
        ...context.progress,
        [params.scenarioId]: context.progress[params.scenarioId] ?? { decisions: [], endingId: null },
      },
    })),
    recordChoice: assign(({ context }, params: ChoiceParams) => {
      const before = context.progress[params.scenarioId] ?? { decisions: [], endingId: null };
      const decision = { nodeId: params.nodeId, choiceId: params.choiceId };
      return {
        progress: { ...context.progress, [params.scenarioId]: { ...before, decisions: [...before.decisions, decision] } },
      };
    }),
    recordEnding: assign(({ context }, params: { scenarioId: string; endingId: string }) => {
      const before = context.progress[params.scenarioId] ?? { decisions: [], endingId: null };
      return { progress: { ...context.progress, [params.scenarioId]: { ...before, endingId: params.endingId } } };
    }),
  },
});
