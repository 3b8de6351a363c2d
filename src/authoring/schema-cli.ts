import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describedSchema, fileKinds } from './json-schema.ts';

/**
 * `npm run schema [-- --lang en]`: writes `schema/<kind>.schema.json` for the editors, with
 * descriptions from `locales/<lang>/schema.json` (Swedish where a translation is missing).
 * Runs on `npm install` and before every build, so the files are never committed.
 */
const { values } = parseArgs({ options: { lang: { type: 'string', default: 'sv' }, root: { type: 'string', default: '.' } } });
const root = resolve(values.root);
const descriptionsOf = (lang: string): Record<string, string> => {
  const path = join(root, 'locales', lang, 'schema.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
};
const descriptions = { ...descriptionsOf('sv'), ...descriptionsOf(values.lang) };

mkdirSync(join(root, 'schema'), { recursive: true });
for (const kind of fileKinds) {
  const { schema, missing } = describedSchema(kind, descriptions);
  const file = `schema/${kind}.schema.json`;
  writeFileSync(join(root, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(file);
  // The unit tests fail on these; here a missing description must not stop an install.
  for (const path of missing) console.warn(`${file}: no description for ${path} in locales/sv/schema.json`);
}
