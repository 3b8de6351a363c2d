import { SOURCE_KEY } from './source-hash.ts';

/** The translation shaped like the source, in source order; a subtree with nothing translated is left out. */
function nest(source: unknown, prefix: string, translation: ReadonlyMap<string, string>): unknown {
  if (source === null || typeof source !== 'object') return translation.get(prefix);
  const entries = Object.entries(source).flatMap(([k, v]) => {
    const value = nest(v, prefix ? `${prefix}.${k}` : k, translation);
    return value === undefined ? [] : [[k, value] as const];
  });
  if (entries.length === 0) return undefined;
  // A list with a gap stays a map by index: i18next finds `takeaways.2` either way.
  if (Array.isArray(source) && entries.length === source.length) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

/** Keeps a translated key the source no longer has, where it was: the checker asks for its removal. */
function place(target: Record<string, unknown>, key: string, value: string): void {
  const path = key.split('.');
  let node = target;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    if (next === null || typeof next !== 'object') node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[path[path.length - 1] ?? key] = value;
}

/**
 * A translation file's JSON: the texts in source order, then the hash of the Swedish text each
 * was translated from, for the keys that have both.
 */
export function translationFileContent(
  source: Record<string, unknown>,
  sourceKeys: readonly string[],
  translation: ReadonlyMap<string, string>,
  hashes: Readonly<Record<string, string>>,
): string {
  const texts = (nest(source, '', translation) ?? {}) as Record<string, unknown>;
  const known = new Set(sourceKeys);
  for (const [key, value] of translation) if (!known.has(key)) place(texts, key, value);
  const recorded = sourceKeys.flatMap((key) => {
    const hash = hashes[key];
    return translation.has(key) && hash !== undefined ? [[key, hash] as const] : [];
  });
  return `${JSON.stringify({ ...texts, [SOURCE_KEY]: Object.fromEntries(recorded) }, null, 2)}\n`;
}
