import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from './load.ts';
import { checkerText, hasErrors } from './problems.ts';
import { summariseUnfilled } from './unfilled-summary.ts';

/**
 * `npm run check [-- --lang en] [-- --alla]`: every problem in the trainers' files, Swedish by
 * default. A region profile's fields still reading FYLL I are one line per profile unless
 * asked for in full (`--alla`, or `--all` for those who think in English).
 */
const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'sv' },
    root: { type: 'string', default: '.' },
    alla: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
  },
});
const root = resolve(values.root);
const { project, problems: found } = loadProject(root);
const problems = values.alla || values.all ? found : summariseUnfilled(found);
const text = await checkerText(root, values.lang);
for (const p of problems) console.log(text.format(p));
console.log(['', ...text.tables(project), ''].join('\n'));
console.log(text.summary(problems, project.files.length));
process.exitCode = hasErrors(problems) ? 1 : 0;
