import type { ScenarioSpec } from '../model/scenario.ts';
import { engineSetup } from './setup.ts';

/** State id of a node, unique across a course so targets can jump between sibling nodes. */
export const nodeStateId = (scenarioId: string, nodeId: string): string => `${scenarioId}__${nodeId}`;

export const feedbackState = (choiceId: string): string => `feedback_${choiceId}`;

/**
 * The one generic interpreter: every situation node becomes a state that waits for a
 * choice, then shows that choice's feedback in a sub-state of its own until the learner
 * continues to the choice's target; every ending becomes a final state. One feedback
 * state per choice keeps each path explicit for `xstate/graph`.
 */
export function scenarioStates(spec: ScenarioSpec) {
  const states: Record<string, object> = {};
  for (const node of Object.values(spec.nodes)) {
    const id = nodeStateId(spec.id, node.id);
    if (node.kind === 'ending') {
      states[node.id] = {
        id,
        type: 'final',
        meta: { screen: 'ending', scenarioId: spec.id, endingId: node.id },
        entry: { type: 'recordEnding', params: { scenarioId: spec.id, endingId: node.id } },
      };
      continue;
    }
    const feedback: Record<string, object> = {};
    for (const choice of node.choices) {
      feedback[feedbackState(choice.id)] = {
        meta: { screen: 'feedback', scenarioId: spec.id, nodeId: node.id, choiceId: choice.id },
        on: { 'feedback.continued': { target: `#${nodeStateId(spec.id, choice.next)}` } },
      };
    }
    states[node.id] = {
      id,
      initial: 'deciding',
      states: {
        deciding: {
          meta: { screen: 'situation', scenarioId: spec.id, nodeId: node.id },
          on: {
            'choice.selected': node.choices.map((choice) => ({
              guard: { type: 'isChoice', params: { scenarioId: spec.id, choiceId: choice.id, when: choice.when } },
              target: feedbackState(choice.id),
              actions: {
                type: 'recordChoice',
                params: { scenarioId: spec.id, nodeId: node.id, choiceId: choice.id, sets: choice.sets ?? [] },
              },
            })),
          },
        },
        ...feedback,
      },
    };
  }
  return states;
}

/** A scenario on its own, as used for path analysis and unit tests. */
export function createScenarioMachine(spec: ScenarioSpec) {
  return engineSetup.createMachine({
    id: `scenario_${spec.id}`,
    context: { progress: { [spec.id]: { attempts: [{ decisions: [], flags: [], endingId: null }] } }, current: spec.id },
    initial: spec.start,
    // The generated config is checked at run time by the tests; its shape is data-driven.
    states: scenarioStates(spec) as never,
  });
}
