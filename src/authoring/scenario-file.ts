import { canReachEnding, reachableFrom } from '../model/analysis.ts';
import type { ScenarioSpec } from '../model/scenario.ts';
import { problem, type Problem } from './problems.ts';
import type { ScenarioFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

/** The structure the engine needs, without the prose. */
export function toSpec(file: ScenarioFile): ScenarioSpec {
  const nodes: ScenarioSpec['nodes'] = Object.fromEntries(
    Object.entries(file.nodes).map(([id, node]) => [
      id,
      node.kind === 'ending'
        ? { kind: 'ending', id, outcome: node.outcome, takeaways: node.takeaways.length }
        : { kind: 'situation', id, choices: node.choices.map(({ id: c, points, quality, next }) => ({ id: c, points, quality, next })) },
    ]),
  );
  return {
    id: file.id,
    version: file.version,
    estimatedMinutes: file.estimatedMinutes,
    hasContentNote: file.contentNote !== undefined,
    start: file.start,
    nodes,
  };
}

/** The prose, shaped like a translation file: `locales/<lng>/scenarios/<id>.json`. */
export function scenarioTexts(file: ScenarioFile): Record<string, unknown> {
  const nodes = Object.fromEntries(
    Object.entries(file.nodes).map(([id, node]) => [
      id,
      node.kind === 'ending'
        ? { title: node.title, text: node.text, takeaways: node.takeaways }
        : {
            text: node.text,
            choices: Object.fromEntries(
              node.choices.map((c) => [c.id, { text: c.text, feedback: c.feedback, ...(c.source ? { source: c.source } : {}) }]),
            ),
          },
    ]),
  );
  return {
    title: file.title,
    summary: file.summary,
    ...(file.contentNote ? { contentNote: file.contentNote } : {}),
    nodes,
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
  for (const [nodeId, node] of Object.entries(file.nodes)) {
    if (node.kind !== 'situation') continue;
    const seen = new Set<string>();
    node.choices.forEach((choice, i) => {
      if (seen.has(choice.id)) {
        problems.push(problem('error', fileName, source.positionOf(['nodes', nodeId, 'choices', i, 'id']), 'duplicate_choice', { choice: choice.id }));
      }
      seen.add(choice.id);
      if (!(choice.next in file.nodes)) {
        targetsOk = false;
        problems.push(problem('error', fileName, source.positionOf(['nodes', nodeId, 'choices', i, 'next']), 'unknown_target', { target: choice.next }));
      }
    });
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
