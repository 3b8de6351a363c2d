import i18next from 'i18next';
import en from '../../locales/en/dev.json';
import sv from '../../locales/sv/dev.json';
import type { Translate } from '../ui/shared.ts';

/**
 * The dev tools' own strings (`locales/<lng>/dev.json`), in the language the page is shown
 * in, Swedish unless the player switched. Kept apart from the course's i18next instance so
 * nothing of the dev tools can reach a package.
 */
export async function devText(onChange: (t: Translate) => void): Promise<Translate> {
  const instance = i18next.createInstance();
  const resources: Record<string, { dev: object }> = { sv: { dev: sv }, en: { dev: en } };
  const fixed = (lng: string): Translate => instance.getFixedT(lng, 'dev') as Translate;
  const pick = () => (document.documentElement.lang in resources ? document.documentElement.lang : 'sv');
  await instance.init({
    lng: pick(),
    fallbackLng: 'sv',
    resources,
    defaultNS: 'dev',
    interpolation: { escapeValue: false },
  });
  new MutationObserver(() => {
    if (pick() !== instance.language) void instance.changeLanguage(pick()).then(() => onChange(fixed(pick())));
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return fixed(pick());
}
