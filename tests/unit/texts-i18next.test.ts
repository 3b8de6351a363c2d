import { resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildTargets, compileBundle, compileScenarioTexts } from '../../src/authoring/compile.ts';
import { loadProject } from '../../src/authoring/load.ts';
import { Texts } from '../../src/i18n/texts.ts';

/**
 * The player reads the i18next JSON format with a small reader of its own (`Texts`) to keep
 * the first script within its size budget; i18next stays the format's reference. This proves
 * the two agree on every text the course has, in every language, with the options the views
 * pass (region values, counts for plurals).
 */
const root = resolve(import.meta.dirname, '../..');
const { project } = loadProject(root);

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('the player reads texts as i18next does', () => {
  // Every audience once; the other regions differ only in their profile, read with the staff course.
  for (const target of buildTargets(project).filter((t) => t.region === 'generic' || t.audience === 'staff')) {
    it(`${target.audience} in ${target.region}: every key, in every language`, async () => {
      const frame = compileBundle(project, target);
      // The frame's texts plus each scenario's chunk, merged as the player merges them when they arrive.
      const resources = structuredClone(frame.resources);
      for (const [id, byLanguage] of compileScenarioTexts(project, target)) {
        for (const [lng, texts] of byLanguage) {
          const namespaces = (resources[lng] ??= {});
          namespaces[`scenario.${id}`] = { ...(namespaces[`scenario.${id}`] as object | undefined), ...texts };
        }
      }
      const bundle = { ...frame, resources };
      const source = bundle.languages[0] ?? 'sv';
      const reference = i18next.createInstance();
      await reference.init({
        lng: source,
        fallbackLng: source,
        supportedLngs: [...bundle.languages],
        resources: bundle.resources as Record<string, Record<string, Record<string, unknown>>>,
        defaultNS: 'ui',
        ns: Object.keys(bundle.resources[source] ?? {}),
        interpolation: { escapeValue: false },
        returnNull: false,
      });
      const texts = new Texts(bundle.resources, source);
      const region = { name: 'Testregionen', values: { securityPhone: '010-000 00 00' } };
      let compared = 0;
      for (const [ns, tree] of Object.entries(bundle.resources[source] ?? {})) {
        // Plural forms are asked for by their base key with a count.
        const all = leaves(tree);
        const plural = /_(zero|one|two|few|many|other)$/;
        const pluralOnly = new Set(all.filter((k) => plural.test(k)).map((k) => k.replace(plural, '')).filter((k) => !all.includes(k)));
        const keys = [...new Set(all.map((k) => k.replace(plural, '')))];
        for (const lng of bundle.languages) {
          const ours = texts.fixed(lng);
          const theirs = reference.getFixedT(lng);
          for (const key of keys) {
            const full = `${ns}:${key}`;
            // The values a view passes for the text's own placeholders (a scenario id where it names one).
            const params: Record<string, string | number> = {};
            for (const lang of bundle.languages) {
              for (const leaf of leaves(bundle.resources[lang]?.[ns]).filter((k) => k === key || k.replace(plural, '') === key)) {
                const text = leaf.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle.resources[lang]?.[ns]);
                for (const [, name, format] of String(text).matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g)) {
                  if (!name || name === 'count' || name === 'region') continue;
                  // A number written in the language's own way (a decimal comma in Swedish).
                  params[name] = format === 'number' ? 92.41 : name === 'id' ? (bundle.course.scenarios[0]?.id ?? 'x') : `«${name}»`;
                }
              }
            }
            const counts = [{ region, ...params, count: 1 }, { region, ...params, count: 5 }];
            for (const options of pluralOnly.has(key) ? counts : [{ region, ...params }, ...counts]) {
              const expected = theirs(full, options);
              // i18next answers an object's key with a notice string; the views never ask that.
              if (typeof expected !== 'string' || expected.includes('returned an object instead of string')) continue;
              expect(ours(full, options), `${lng} ${full} ${JSON.stringify(options)}`).toBe(expected);
              compared++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(2000);
    });
  }
});
