import { problem, type Problem } from './problems.ts';
import type { RegionFile } from './schema.ts';
import { suggestion } from './suggest.ts';
import type { YamlSource } from './yaml-source.ts';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every string in a parsed file, with its path. */
export function* strings(value: unknown, path: (string | number)[] = []): Generator<{ text: string; path: (string | number)[] }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * `{{region.<name>}}` in course, region and scenario texts (Swedish and translated) is filled
 * from the region profile the package is built for (`name`, or a key under `values`), so every
 * profile must have every name used; any other placeholder would be shown to learners as is.
 */
export function checkPlaceholders(texts: readonly YamlSource[], regions: readonly { file: string; data: RegionFile }[]): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(['name', ...regions.flatMap((r) => Object.keys(r.data.values ?? {}))]);
  for (const source of texts) {
    for (const { text, path } of strings(source.data)) {
      for (const [, placeholder = ''] of text.matchAll(PLACEHOLDER)) {
        const at = source.positionOf(path);
        const name = placeholder.startsWith('region.') ? placeholder.slice('region.'.length) : undefined;
        if (name === undefined || name === '') {
          const names = [...known].map((n) => `region.${n}`);
          problems.push(problem('error', source.file, at, 'placeholder_unknown', { placeholder, ...suggestion(placeholder, names) }));
          continue;
        }
        for (const region of regions) {
          if (name === 'name' || region.data.values?.[name] !== undefined) continue;
          problems.push(
            problem('error', source.file, at, 'placeholder_missing', { placeholder, name, region: region.file, ...suggestion(name, known) }),
          );
        }
      }
    }
  }
  return problems;
}
