import type { CourseSpec } from '../model/course.ts';
import { engineSetup } from './setup.ts';
import { scenarioStates } from './scenario-machine.ts';

export const scenarioState = (scenarioId: string): string => `scenario_${scenarioId}`;

/**
 * intro → each scenario in course order → its ending → the next unfinished scenario … →
 * summary. Scenarios are nested states (not child actors) so that one snapshot holds the
 * whole position and replaying a decision log is a plain sequence of events.
 */
export function createCourseMachine(course: CourseSpec) {
  const nextUnfinished = [
    ...course.scenarios.map((s) => ({
      guard: { type: 'isUnfinished' as const, params: { scenarioId: s.id } },
      target: scenarioState(s.id),
    })),
    { target: 'summary' },
  ];
  const scenarios: Record<string, object> = {};
  for (const spec of course.scenarios) {
    scenarios[scenarioState(spec.id)] = {
      entry: { type: 'enterScenario', params: { scenarioId: spec.id } },
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
      intro: { meta: { screen: 'intro' }, on: { 'course.started': nextUnfinished } },
      ...(scenarios as Record<string, object>),
      ending: { on: { 'ending.continued': nextUnfinished } },
      summary: { meta: { screen: 'summary' } },
    },
  });
}

export type CourseMachine = ReturnType<typeof createCourseMachine>;
