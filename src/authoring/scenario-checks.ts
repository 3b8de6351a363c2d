import { reachableFrom } from '../model/analysis.ts';
import { shortVersion } from '../model/scenario.ts';
import type { Condition } from '../model/scenario.ts';
import { scenarioShape } from '../model/shape.ts';
import { DESCRIPTION_LIMIT_2004 } from '../lms/formats.ts';
import { problem, type Problem } from './problems.ts';
import { toSpec } from './scenario-file.ts';
import type { ScenarioFile } from './schema.ts';
import { suggestion } from './suggest.ts';
import type { YamlSource } from './yaml-source.ts';

type Path = (string | number)[];

/** Every `when` of a choice or a text variant, with where it is written. */
function conditions(file: ScenarioFile): { when: Condition; path: Path }[] {
  const found: { when: Condition; path: Path }[] = [];
  for (const [nodeId, node] of Object.entries(file.nodes)) {
    if (node.kind === 'situation') {
      node.choices.forEach((c, i) => c.when && found.push({ when: c.when, path: ['nodes', nodeId, 'choices', i, 'when'] }));
    }
    if (node.kind !== 'question') node.variants?.forEach((v, i) => found.push({ when: v.when, path: ['nodes', nodeId, 'variants', i, 'when'] }));
  }
  return found;
}

/** Choices and options with the key they are listed under. */
const itemsOf = (file: ScenarioFile) =>
  Object.entries(file.nodes).flatMap(([nodeId, node]) => {
    if (node.kind === 'ending') return [];
    const list = node.kind === 'situation' ? 'choices' : 'options';
    const items: { id: string; next?: string; sets?: string[]; references?: string[] }[] = node.kind === 'situation' ? node.choices : node.options;
    return items.map((item, i) => ({ nodeId, item, path: ['nodes', nodeId, list, i] as Path }));
  });

/** Flags read but never set (errors), set but never read (warnings), and `chose` naming no choice. */
function checkFacts(fileName: string, file: ScenarioFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const setAt = new Map<string, Path>();
  for (const { item, path } of itemsOf(file)) {
    item.sets?.forEach((flag, i) => setAt.has(flag) || setAt.set(flag, [...path, 'sets', i]));
  }
  const read = new Set<string>();
  const choices = itemsOf(file).map(({ nodeId, item }) => `${nodeId}.${item.id}`);
  for (const { when, path } of conditions(file)) {
    for (const key of ['flag', 'notFlag'] as const) {
      const flag = when[key];
      if (flag === undefined) continue;
      read.add(flag);
      if (!setAt.has(flag)) {
        problems.push(problem('error', fileName, source.positionOf([...path, key]), 'flag_never_set', { flag, ...suggestion(flag, setAt.keys()) }));
      }
    }
    if (when.chose !== undefined && !choices.includes(when.chose)) {
      problems.push(problem('error', fileName, source.positionOf([...path, 'chose']), 'unknown_chose', { choice: when.chose, ...suggestion(when.chose, choices) }));
    }
  }
  for (const [flag, path] of setAt) {
    if (!read.has(flag)) problems.push(problem('warning', fileName, source.positionOf(path), 'flag_never_read', { flag }));
  }
  return problems;
}

/** Reference ids used but not defined (errors), defined twice (errors) or never used (warnings). */
function checkReferences(fileName: string, file: ScenarioFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const defined = new Map<string, number>();
  (file.references ?? []).forEach((r, i) => {
    if (defined.has(r.id)) problems.push(problem('error', fileName, source.positionOf(['references', i, 'id']), 'duplicate_reference', { reference: r.id }));
    else defined.set(r.id, i);
  });
  const used = new Set<string>();
  for (const { item, path } of itemsOf(file)) {
    item.references?.forEach((id, i) => {
      used.add(id);
      if (!defined.has(id)) {
        problems.push(problem('error', fileName, source.positionOf([...path, 'references', i]), 'unknown_reference', { reference: id, ...suggestion(id, defined.keys()) }));
      }
    });
  }
  for (const [id, i] of defined) {
    if (!used.has(id)) problems.push(problem('warning', fileName, source.positionOf(['references', i, 'id']), 'reference_unused', { reference: id }));
  }
  return problems;
}

/**
 * Texts the LMS report cuts: SCORM 2004 keeps 250 characters of an objective's description
 * (the scenario title) and of an interaction's (the situation's text). Situations are usually
 * longer, so those are one warning per scenario rather than one per node.
 */
function checkLengths(fileName: string, file: ScenarioFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const limit = DESCRIPTION_LIMIT_2004;
  if (file.title.length > limit) problems.push(problem('warning', fileName, source.positionOf(['title']), 'title_too_long', { length: file.title.length, limit }));
  const long = Object.entries(file.nodes).filter(([, n]) => n.kind !== 'ending' && n.label === undefined && n.text.replace(/\s+/g, ' ').trim().length > limit);
  const [first] = long;
  if (first) {
    problems.push(
      problem('warning', fileName, source.positionOf(['nodes', first[0], 'text']), 'situation_texts_cut', { count: long.length, limit, nodes: long.map(([id]) => id).join(', ') }),
    );
  }
  return problems;
}

/**
 * Graph checks, with `when` conditions taken into account: every target exists, every node is
 * reached, no situation leaves the learner without a choice, no loop traps them, and every
 * node can lead to an ending. Then flags, references and text lengths.
 */
export function checkScenario(fileName: string, file: ScenarioFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = Object.keys(file.nodes);
  const expectedId = fileName.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (file.id !== expectedId) {
    problems.push(problem('error', fileName, source.positionOf(['id']), 'id_file_mismatch', { id: file.id, fileName: expectedId }));
  }
  problems.push(...checkReferences(fileName, file, source), ...checkFacts(fileName, file, source), ...checkLengths(fileName, file, source));
  if (!(file.start in file.nodes)) {
    problems.push(problem('error', fileName, source.positionOf(['start']), 'unknown_start', { target: file.start, ...suggestion(file.start, nodeIds) }));
    return problems;
  }
  let targetsOk = true;
  const target = (next: string, path: Path) => {
    if (next in file.nodes) return;
    targetsOk = false;
    problems.push(problem('error', fileName, source.positionOf(path), 'unknown_target', { target: next, ...suggestion(next, nodeIds) }));
  };
  const seen = new Set<string>();
  for (const { nodeId, item, path } of itemsOf(file)) {
    if (seen.has(`${nodeId}.${item.id}`)) problems.push(problem('error', fileName, source.positionOf([...path, 'id']), 'duplicate_choice', { choice: item.id }));
    seen.add(`${nodeId}.${item.id}`);
    if (item.next !== undefined) target(item.next, [...path, 'next']);
  }
  for (const [nodeId, node] of Object.entries(file.nodes)) if (node.kind === 'question') target(node.next, ['nodes', nodeId, 'next']);
  if (file.alternative) target(file.alternative.start, ['alternative', 'start']);
  if (!targetsOk) return problems;

  const spec = toSpec(file);
  // The short version is checked as a scenario of its own, entered at its first question.
  const short = shortVersion(spec);
  const entries = short ? [spec, short] : [spec];
  const structural = new Set(entries.flatMap((s) => reachableFrom(s)));
  const shapes = entries.map((s) => scenarioShape(s));
  const shape = {
    reached: new Set(shapes.flatMap((s) => [...s.reached])),
    stuck: shapes.flatMap((s) => s.stuck),
    traps: shapes.flatMap((s) => s.traps),
    deadEnds: [...new Set(shapes.flatMap((s) => s.deadEnds))],
  };
  const at = (nodeId: string) => source.positionOf(['nodes'], nodeId);
  for (const nodeId of nodeIds) {
    if (!structural.has(nodeId)) problems.push(problem('error', fileName, at(nodeId), 'unreachable', { node: nodeId }));
    else if (!shape.reached.has(nodeId)) {
      const code = file.nodes[nodeId]?.kind === 'ending' ? 'ending_never_reached' : 'never_reached_conditions';
      problems.push(problem('error', fileName, at(nodeId), code, { node: nodeId }));
    }
  }
  for (const stuck of shape.stuck) {
    const params = { node: stuck.nodeId, way: stuck.way.join(' → ') };
    problems.push(problem('error', fileName, at(stuck.nodeId), stuck.way.length ? 'no_choice_available' : 'no_choice_at_start', params));
  }
  const inFileOrder = (nodes: readonly string[]) => nodeIds.filter((id) => nodes.includes(id));
  for (const trap of shape.traps) {
    const nodes = inFileOrder(trap.nodes);
    const params = { nodes: nodes.join(', '), count: nodes.length, way: trap.way.join(' → ') };
    problems.push(problem('error', fileName, at(nodes[0] as string), trap.conditional ? 'trap_loop_conditional' : 'trap_loop', params));
  }
  for (const nodeId of inFileOrder(shape.deadEnds)) problems.push(problem('error', fileName, at(nodeId), 'dead_end', { node: nodeId }));
  return problems;
}
