import { createHash } from 'node:crypto';

/**
 * Each translation file records, per key, a short hash of the Swedish text it was translated
 * from, as one flat map at the end of the file:
 *
 *   "_source": { "nodes.a.text": "3f2a9c01", ... }
 *
 * Flat, with the same dotted keys the checker and the worksheets print, one line per key in
 * source order: a re-translated text changes exactly one line of the map in a diff, and a key
 * is found with one search. Kept at the end so the translation reads first.
 */
export const SOURCE_KEY = '_source';

export type SourceHashes = Readonly<Record<string, string>>;

/** Eight hex digits of SHA-256: only ever compared with the hash of the same key's text. */
export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);

/** Leaf texts of nested texts by dotted key, arrays indexed (`nodes.a.takeaways.0`), in order. */
export function flatTexts(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value === null || typeof value !== 'object') {
    into.set(prefix, String(value));
    return into;
  }
  for (const [k, v] of Object.entries(value)) flatTexts(v, prefix ? `${prefix}.${k}` : k, into);
  return into;
}

/** A dotted key as a path into the file, with array indices as numbers. */
export const keyPath = (key: string): (string | number)[] => key.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** A translation file's texts apart from its recorded source hashes. */
export function splitTranslation(data: Record<string, unknown>): { texts: Record<string, unknown>; hashes: SourceHashes } {
  const { [SOURCE_KEY]: recorded, ...texts } = data;
  const hashes: Record<string, string> = {};
  if (recorded !== null && typeof recorded === 'object') {
    for (const [key, hash] of Object.entries(recorded)) if (typeof hash === 'string') hashes[key] = hash;
  }
  return { texts, hashes };
}
