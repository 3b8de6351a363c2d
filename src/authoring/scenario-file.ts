import type { NodeSpec, ScenarioSpec } from '../model/scenario.ts';
import type { NodeFile, ScenarioFile } from './schema.ts';

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function nodeSpec(id: string, node: NodeFile): NodeSpec {
  switch (node.kind) {
    case 'ending':
      return { kind: 'ending', id, outcome: node.outcome, takeaways: node.takeaways.length, ...optional('variants', node.variants?.map((v) => v.when)) };
    case 'question':
      // A knowledge question is a situation whose options are right or wrong and all lead on.
      return {
        kind: 'situation',
        id,
        question: true,
        ...optional('shuffle', node.shuffle),
        choices: node.options.map((o) => ({
          id: o.id,
          points: o.correct ? node.points : 0,
          quality: o.correct ? 'good' : 'poor',
          next: node.next,
          ...optional('references', o.references),
        })),
      };
    case 'situation':
      return {
        kind: 'situation',
        id,
        ...optional('shuffle', node.shuffle),
        choices: node.choices.map((c) => ({
          id: c.id,
          points: c.points,
          quality: c.quality,
          next: c.next,
          ...optional('sets', c.sets),
          ...optional('when', c.when),
          ...optional('references', c.references),
        })),
        ...optional('variants', node.variants?.map((v) => v.when)),
      };
  }
}

/** The structure the engine needs, without the prose. */
export function toSpec(file: ScenarioFile): ScenarioSpec {
  return {
    id: file.id,
    version: file.version,
    estimatedMinutes: file.estimatedMinutes,
    hasContentNote: file.contentNote !== undefined,
    start: file.start,
    ...optional('alternative', file.alternative?.start),
    nodes: Object.fromEntries(Object.entries(file.nodes).map(([id, node]) => [id, nodeSpec(id, node)])),
  };
}

const variantTexts = (variants: { text: string }[] | undefined) => optional('variants', variants?.map((v) => ({ text: v.text })));

function nodeTexts(node: NodeFile): Record<string, unknown> {
  switch (node.kind) {
    case 'ending':
      return { title: node.title, text: node.text, ...variantTexts(node.variants), takeaways: node.takeaways };
    case 'question':
      return { ...optional('label', node.label), text: node.text, options: Object.fromEntries(node.options.map((o) => [o.id, { text: o.text, feedback: o.feedback }])) };
    case 'situation':
      return {
        ...optional('label', node.label),
        text: node.text,
        ...variantTexts(node.variants),
        choices: Object.fromEntries(node.choices.map((c) => [c.id, { text: c.text, feedback: c.feedback }])),
      };
  }
}

/** The prose, shaped like a translation file: `locales/<lng>/scenarios/<id>.json`. */
export function scenarioTexts(file: ScenarioFile): Record<string, unknown> {
  return {
    title: file.title,
    summary: file.summary,
    ...optional('contentNote', file.contentNote),
    learningGoals: file.learningGoals,
    ...optional('references', file.references && Object.fromEntries(file.references.map((r) => [r.id, { text: r.text }]))),
    ...optional('alternative', file.alternative && { text: file.alternative.text }),
    nodes: Object.fromEntries(Object.entries(file.nodes).map(([id, node]) => [id, nodeTexts(node)])),
  };
}
