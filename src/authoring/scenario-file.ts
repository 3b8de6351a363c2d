import { canReachEnding, reachableFrom } from '../model/analysis.ts';
import type { NodeSpec, ScenarioSpec } from '../model/scenario.ts';
import { problem, type Problem } from './problems.ts';
import type { NodeFile, ScenarioFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

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
    nodes: Object.fromEntries(Object.entries(file.nodes).map(([id, node]) => [id, nodeSpec(id, node)])),
  };
}

const variantTexts = (variants: { text: string }[] | undefined) => optional('variants', variants?.map((v) => ({ text: v.text })));

function nodeTexts(node: NodeFile): Record<string, unknown> {
  switch (node.kind) {
    case 'ending':
      return { title: node.title, text: node.text, ...variantTexts(node.variants), takeaways: node.takeaways };
    case 'question':
      return { text: node.text, options: Object.fromEntries(node.options.map((o) => [o.id, { text: o.text, feedback: o.feedback }])) };
    case 'situation':
      return {
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
    nodes: Object.fromEntries(Object.entries(file.nodes).map(([id, node]) => [id, nodeTexts(node)])),
  };
}

/** Graph checks: every target exists, every node is reached, every node can reach an ending. */
export function checkScenarioGraph(fileName: string, file: ScenarioFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const expectedId = fileName.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (file.id !== expectedId) {
    problems.push(problem('error', fileName, source.positionOf(['id']), 'id_file_mismatch', { id: file.id, fileName: expectedId }));
  }
  if (!(file.start in file.nodes)) {
    problems.push(problem('error', fileName, source.positionOf(['start']), 'unknown_start', { target: file.start }));
    return problems;
  }
  let targetsOk = true;
  const target = (next: string, path: (string | number)[]) => {
    if (next in file.nodes) return;
    targetsOk = false;
    problems.push(problem('error', fileName, source.positionOf(path), 'unknown_target', { target: next }));
  };
  for (const [nodeId, node] of Object.entries(file.nodes)) {
    if (node.kind === 'ending') continue;
    const list = node.kind === 'situation' ? 'choices' : 'options';
    const items: { id: string; next?: string }[] = node.kind === 'situation' ? node.choices : node.options;
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        problems.push(problem('error', fileName, source.positionOf(['nodes', nodeId, list, i, 'id']), 'duplicate_choice', { choice: item.id }));
      }
      seen.add(item.id);
      if (item.next !== undefined) target(item.next, ['nodes', nodeId, list, i, 'next']);
    });
    if (node.kind === 'question') target(node.next, ['nodes', nodeId, 'next']);
  }
  if (!targetsOk) return problems;
  const spec = toSpec(file);
  const reachable = new Set(reachableFrom(spec));
  const endingReachable = canReachEnding(spec);
  for (const nodeId of Object.keys(file.nodes)) {
    const at = source.positionOf(['nodes'], nodeId);
    if (!reachable.has(nodeId)) problems.push(problem('error', fileName, at, 'unreachable', { node: nodeId }));
    else if (!endingReachable.has(nodeId)) problems.push(problem('error', fileName, at, 'dead_end', { node: nodeId }));
  }
  return problems;
}
