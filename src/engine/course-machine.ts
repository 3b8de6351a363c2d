import type { CourseSpec } from '../model/course.ts';
import { engineSetup } from './setup.ts';
import { nodeStateId, scenarioStates } from './scenario-machine.ts';
import { requiredScenarios, skipCounts } from './scoring.ts';

export const scenarioState = (scenarioId: string): string => `scenario_${scenarioId}`;

/**
 * intro → the scenario list → a scenario → its ending → back to the list, or to the
 * summary once every scenario has an ending or was skipped. A finished scenario can be
 * played again; a scenario can be skipped from the list (at its content note) or from
 * inside it, which leads back to the list.
 * Scenarios are nested states (not child actors) so that one snapshot holds the whole
 * position and replaying a decision log is a plain sequence of events.
 */
export function createCourseMachine(course: CourseSpec) {
  // The summary follows once the required scenarios are done; optional ones are extra.
  const scenarioIds = requiredScenarios(course).map((s) => s.id);
  const allDone = { type: 'allDone' as const, params: { scenarioIds, skipCounts: skipCounts(course) } };
  // A scenario whose nodes have not arrived yet (the player's first screen) cannot be entered.
  const playable = course.scenarios.filter((s) => Object.keys(s.nodes).length > 0);
  const scenarios: Record<string, object> = {};
  for (const spec of playable) {
    scenarios[scenarioState(spec.id)] = {
      entry: { type: 'enterScenario', params: { scenarioId: spec.id } },
      on: {
        'scenario.skipped': {
          guard: { type: 'isScenario', params: { scenarioId: spec.id } },
          target: 'menu',
          actions: { type: 'recordSkip', params: { scenarioId: spec.id } },
        },
      },
      initial: spec.start,
      states: scenarioStates(spec),
      onDone: { target: 'ending' },
    };
  }
  return engineSetup.createMachine({
    id: 'course',
    context: { progress: {}, current: null },
    initial: 'intro',
    states: {
      intro: { meta: { screen: 'intro' }, on: { 'course.started': 'menu' } },
      menu: {
        meta: { screen: 'menu' },
        on: {
          'scenario.selected': playable.map((s) => ({
            guard: { type: 'isScenario' as const, params: { scenarioId: s.id } },
            target: scenarioState(s.id),
          })),
          // Straight into the short version's first question (the scenario's state is entered on the way).
          'scenario.alternative': playable.flatMap((s) =>
            s.alternative ? [{ guard: { type: 'isScenario' as const, params: { scenarioId: s.id } }, target: `#${nodeStateId(s.id, s.alternative)}` }] : [],
          ),
          'scenario.skipped': course.scenarios.map((s) => ({
            guard: { type: 'canSkip' as const, params: { scenarioId: s.id } },
            actions: { type: 'recordSkip' as const, params: { scenarioId: s.id } },
          })),
          'summary.opened': { guard: allDone, target: 'summary' },
        },
      },
      ...(scenarios as Record<string, object>),
      ending: { on: { 'ending.continued': [{ guard: allDone, target: 'summary' }, { target: 'menu' }] } },
      summary: { meta: { screen: 'summary' }, on: { 'menu.opened': 'menu' } },
    },
  });
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
