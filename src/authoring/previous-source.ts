import { execFileSync } from 'node:child_process';
import type { z } from 'zod';
import { courseTexts, regionTexts } from './load.ts';
import { scenarioTexts } from './scenario-file.ts';
import { courseSchema, regionSchema, scenarioSchema } from './schema.ts';
import { flatTexts, textHash } from './source-hash.ts';
import { validateText } from './validate.ts';

const git = (root: string, args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch {
    // No git, or not a repository, or the file was not in that commit: nothing to recover.
    return undefined;
  }
};

/** The Swedish texts of one namespace as an old version of its source file wrote them. */
function textsOf(ns: string, file: string, content: string): Record<string, unknown> | undefined {
  const valid = <T>(schema: z.ZodType<T>) => validateText(file, content, schema).data;
  if (ns === 'ui') {
    try {
      return JSON.parse(content) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  if (ns === 'course') {
    const course = valid(courseSchema);
    return course && courseTexts(course);
  }
  if (ns.startsWith('region.')) {
    const region = valid(regionSchema);
    return region && regionTexts(region);
  }
  const scenario = valid(scenarioSchema);
  return scenario && scenarioTexts(scenario);
}

/** How many earlier versions of a source file are searched for the text a translation was made for. */
const HISTORY_DEPTH = 100;

/**
 * Finds the Swedish text a translation was made for, by its hash, in the committed history of
 * the source file. Versions are read only when first asked for, newest first.
 */
export function previousSourceFinder(root: string, ns: string, file: string): (key: string, hash: string) => string | undefined {
  let versions: Map<string, string>[] | undefined;
  return (key, hash) => {
    versions ??= (git(root, ['log', `-n${HISTORY_DEPTH}`, '--format=%H', '--', file]) ?? '')
      .split('\n')
      .filter(Boolean)
      .flatMap((commit) => {
        const content = git(root, ['show', `${commit}:${file}`]);
        const texts = content === undefined ? undefined : textsOf(ns, file, content);
        return texts ? [flatTexts(texts)] : [];
      });
    for (const texts of versions) {
      const text = texts.get(key);
      if (text !== undefined && textHash(text) === hash) return text;
    }
    return undefined;
  };
}
