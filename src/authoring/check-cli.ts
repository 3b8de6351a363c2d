import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from './load.ts';
import { checkerText, hasErrors } from './problems.ts';

/** `npm run check [-- --lang en]`: every problem in the trainers' files, Swedish by default. */
const { values } = parseArgs({ options: { lang: { type: 'string', default: 'sv' }, root: { type: 'string', default: '.' } } });
const root = resolve(values.root);
const { project, problems } = loadProject(root);
const text = await checkerText(root, values.lang);
for (const p of problems) console.log(text.format(p));
console.log(['', ...text.tables(project), ''].join('\n'));
console.log(text.summary(problems, project.files.length));
process.exitCode = hasErrors(problems) ? 1 : 0;
