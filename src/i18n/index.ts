/**
 * The language to start in: the learner's preference in the LMS, then the browser's, then
 * the source language. Only the language part counts (`en-GB` → `en`).
 */
export function pickLanguage(lmsPreference: string, browser: readonly string[], available: readonly string[]): string {
  for (const tag of [lmsPreference, ...browser]) {
    const lang = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (available.includes(lang)) return lang;
  }
  return available[0] ?? 'sv';
}

