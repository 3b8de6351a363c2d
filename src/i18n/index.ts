import i18next, { type i18n } from 'i18next';
import type { CourseBundle } from '../model/course.ts';

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

/** An i18next instance holding the bundle's UI and scenario texts; missing texts fall back to Swedish. */
export async function createI18n(bundle: CourseBundle, lng: string): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: bundle.languages[0] ?? 'sv',
    supportedLngs: [...bundle.languages],
    resources: bundle.resources as Record<string, Record<string, Record<string, unknown>>>,
    defaultNS: 'ui',
    ns: Object.keys(bundle.resources[bundle.languages[0] ?? 'sv'] ?? {}),
    // Lit escapes everything it renders; escaping here too would show entities as text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
