import { problem, type Problem } from './problems.ts';
import type { ScenarioFile } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * The player shuffles the order of the choices for each learner, so the position of the best
 * one gives nothing away. Its length still can: the right thing to do often takes more words
 * to say (with whom, how, why), and a learner who notices passes by picking the longest. The
 * check measures that over a whole scenario, since one long best choice is no pattern.
 *
 * Systematic means either of:
 * - the best choice is longer than every other in more than half of the decisions, or
 * - the best choices average more than 15 % longer than the others.
 * A decision is a situation or question with at least one best and one other choice; the best
 * are those with the most points (the right answers of a question). Lengths are characters of
 * the text as the learner reads it, spaces collapsed, placeholders as written.
 */
export const LONGEST_SHARE = 0.5;
export const LENGTH_RATIO = 1.15;

interface Item {
  readonly text: string;
  readonly key: readonly string[];
  readonly best: boolean;
}

interface Decision {
  readonly nodeId: string;
  /** Each choice's Swedish text, the path of its translation, and whether it is a best one. */
  readonly items: readonly Item[];
}

export interface LengthFigures {
  readonly decisions: number;
  /** Decisions where a best choice is longer than every other choice. */
  readonly longest: readonly string[];
  readonly best: number;
  readonly other: number;
}

const length = (text: string) => text.replace(/\s+/g, ' ').trim().length;
const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function decisions(file: ScenarioFile): Decision[] {
  return Object.entries(file.nodes).flatMap(([nodeId, node]): Decision[] => {
    if (node.kind === 'ending') return [];
    const items =
      node.kind === 'situation'
        ? node.choices.map((c) => ({ text: c.text, key: ['nodes', nodeId, 'choices', c.id, 'text'], best: c.points === Math.max(...node.choices.map((x) => x.points)) }))
        : node.options.map((o) => ({ text: o.text, key: ['nodes', nodeId, 'options', o.id, 'text'], best: o.correct }));
    return items.some((i) => i.best) && items.some((i) => !i.best) ? [{ nodeId, items }] : [];
  });
}

/** The figures over a scenario's decisions, with each choice's text from `textOf`; undefined if one is missing. */
function figures(list: readonly Decision[], textOf: (item: Item) => unknown): LengthFigures | undefined {
  const best: number[] = [];
  const other: number[] = [];
  const longest: string[] = [];
  for (const { nodeId, items } of list) {
    const lengths = items.map((item) => {
      const text = textOf(item);
      return typeof text === 'string' ? { best: item.best, length: length(text) } : undefined;
    });
    if (lengths.some((l) => l === undefined)) return undefined;
    const here = lengths.filter((l) => l !== undefined);
    const bestHere = here.filter((l) => l.best).map((l) => l.length);
    const otherHere = here.filter((l) => !l.best).map((l) => l.length);
    if (Math.max(...bestHere) > Math.max(...otherHere)) longest.push(nodeId);
    best.push(...bestHere);
    other.push(...otherHere);
  }
  return { decisions: list.length, longest, best: average(best), other: average(other) };
}

export const systematic = (f: LengthFigures): boolean => f.longest.length > f.decisions * LONGEST_SHARE || f.best > f.other * LENGTH_RATIO;

/**
 * One warning per scenario whose best choices stand out by length, in Swedish (the source),
 * with the figures of a translation when it has every choice (`translated`: its language and
 * its texts, shaped as `locales/<lng>/scenarios/<id>.json`), which are only mentioned.
 */
export function checkChoiceLengths(
  fileName: string,
  file: ScenarioFile,
  source: YamlSource,
  translated?: { readonly lang: string; readonly texts: Record<string, unknown> | undefined },
): Problem[] {
  const list = decisions(file);
  if (list.length === 0) return [];
  const sv = figures(list, (item) => item.text);
  if (!sv || !systematic(sv)) return [];
  const first = sv.longest[0] ?? list[0]?.nodeId ?? '';
  const lang = translated?.lang;
  const texts = translated?.texts;
  const en = texts && figures(list, (item) => item.key.reduce<unknown>((value, step) => (value as Record<string, unknown> | undefined)?.[step], texts));
  const params = {
    decisions: sv.decisions,
    longest: sv.longest.length,
    nodes: sv.longest.length ? ` (${sv.longest.join(', ')})` : '',
    best: Math.round(sv.best),
    other: Math.round(sv.other),
    ...(en && lang ? { context: 'translated', lang, longestEn: en.longest.length, bestEn: Math.round(en.best), otherEn: Math.round(en.other) } : {}),
  };
  return [problem('warning', fileName, source.positionOf(['nodes'], first), 'choice_lengths', params)];
}
