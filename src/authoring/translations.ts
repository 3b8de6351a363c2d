import { problem, type Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** Leaf keys of nested texts, with arrays indexed: `nodes.a.takeaways.0`. */
export function leafKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

/** Missing and orphaned keys of one translation file against its source texts. */
export function checkTranslation(
  lng: string,
  source: Record<string, unknown>,
  translation: Record<string, unknown>,
  file: string,
  yaml: YamlSource,
): Problem[] {
  const have = new Set(leafKeys(translation));
  const want = new Set(leafKeys(source));
  const problems: Problem[] = [];
  for (const key of want) {
    if (!have.has(key)) {
      const parent = key.split('.').slice(0, -1);
      problems.push(problem('warning', file, yaml.positionOf(parent), 'translation_missing', { key, lang: lng }));
    }
  }
  for (const key of have) {
    if (!want.has(key)) problems.push(problem('warning', file, yaml.positionOf(key.split('.')), 'translation_orphan', { key, lang: lng }));
  }
  return problems;
}
