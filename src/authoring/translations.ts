import { problem, type Problem } from './problems.ts';
import { flatTexts, keyPath, textHash, type SourceHashes } from './source-hash.ts';
import type { Position, YamlSource } from './yaml-source.ts';

/** Where a translated key is written: its name in a map, its value in a list. */
export function keyPosition(yaml: YamlSource, key: string): Position {
  const path = keyPath(key);
  const last = path[path.length - 1];
  return typeof last === 'number' ? yaml.positionOf(path) : yaml.positionOf(path.slice(0, -1), last);
}

/**
 * Missing, orphaned and stale keys of one translation file against its source texts. A key is
 * stale when the Swedish text has changed since it was translated, or when no hash of the
 * Swedish text it was translated from is recorded.
 */
export function checkTranslation(
  lng: string,
  source: Record<string, unknown>,
  translation: Record<string, unknown>,
  hashes: SourceHashes,
  file: string,
  yaml: YamlSource,
): Problem[] {
  const have = flatTexts(translation);
  const want = flatTexts(source);
  const problems: Problem[] = [];
  for (const [key, text] of want) {
    if (!have.has(key)) {
      problems.push(problem('warning', file, yaml.positionOf(keyPath(key).slice(0, -1)), 'translation_missing', { key, lang: lng }));
    } else if (hashes[key] !== textHash(text)) {
      const params = { key, lang: lng, ...(hashes[key] === undefined ? { context: 'unrecorded' } : {}) };
      problems.push(problem('warning', file, keyPosition(yaml, key), 'translation_stale', params));
    }
  }
  for (const key of have.keys()) {
    if (!want.has(key)) problems.push(problem('warning', file, keyPosition(yaml, key), 'translation_orphan', { key, lang: lng }));
  }
  return problems;
}
