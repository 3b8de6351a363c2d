import type { CheckerText, Problem } from './problems.ts';

/**
 * Translations a package must not be built with: a text with no translation, or one made for
 * an older Swedish text. The checker only warns about them (a trainer mid-way through a
 * translation must be able to preview), but a package shipped so gives learners who chose
 * English Swedish text or an out-of-date sentence, and nobody notices until they complain. An
 * orphaned translation is not here: it is never shown.
 */
export const UNTRANSLATED_CODES: ReadonlySet<string> = new Set(['translation_missing', 'translation_file_missing', 'translation_stale']);

/** The command-line flags that let the build go on anyway; Swedish first, as the trainers' guide says it. */
export const ALLOW_FLAGS = ['tillat-oversattningar', 'allow-stale-translations'] as const;

/**
 * What `npm run build` says about unfinished translations before it builds anything, and its
 * exit code if it stops: nothing when all are done; the list and a refusal unless `allowed`;
 * with `allowed`, the same list as a notice and the build goes on.
 */
export function translationGate(problems: readonly Problem[], text: CheckerText, allowed: boolean): { readonly lines: readonly string[]; readonly exitCode?: number } {
  const untranslated = problems.filter((p) => UNTRANSLATED_CODES.has(p.code));
  if (untranslated.length === 0) return { lines: [] };
  const languages = [...new Set(untranslated.map((p) => String(p.params.lang)))].join(', ');
  const params = { count: untranslated.length, languages, flag: `--${ALLOW_FLAGS[0]}` };
  const list = untranslated.map((p) => `  ${text.format(p)}`);
  if (allowed) return { lines: [text.message('build.translations_allowed', params), ...list] };
  return { lines: [text.message('build.translations_refused', params), ...list], exitCode: 1 };
}
