import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject, SOURCE_LANGUAGE, type Project } from './load.ts';
import { checkerText, hasErrors, type Problem } from './problems.ts';
import { acceptUnrecorded, importWorksheets, writeWorksheets } from './translate.ts';

/**
 * `npm run translate -- <lang>`: worksheets for translators in `translations/<lang>/`;
 * `--import` reads them back into `locales/<lang>/`; `--accept` records source hashes for
 * translations that have none (translations known to be current). Messages in Swedish, or
 * `--lang en`.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    import: { type: 'boolean', default: false },
    accept: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'sv' },
    root: { type: 'string', default: '.' },
  },
});
const root = resolve(values.root);
const text = await checkerText(root, values.lang);
const say = (key: string, params: Record<string, string | number> = {}) => console.log(text.message(`translate.${key}`, params));
const list = (problems: readonly Problem[]) => problems.forEach((p) => console.log(text.format(p)));

/** Writes the worksheets and prints how many texts are new, changed and done in each. */
function refreshWorksheets(project: Project, lng: string): boolean {
  const { worksheets, problems } = writeWorksheets(project, lng, ({ sourceFile, localeFile }) =>
    text.message('translate.header', { lang: lng, sourceFile, localeFile, placeholder: '{{count}}' }),
  );
  list(problems);
  for (const { file, counts } of worksheets) say('counts', { file, new: counts.ny, changed: counts.ändrad, done: counts.klar });
  if (problems.length) say('worksheet_kept');
  say('worksheets_written', { dir: `translations/${lng}/`, lang: lng });
  return problems.length === 0;
}

function run(lng: string | undefined): number {
  const { project, problems } = loadProject(root);
  const targets = project.languages.filter((l) => l !== SOURCE_LANGUAGE);
  if (lng === undefined || positionals.length > 1 || (values.import && values.accept)) {
    say('usage', { languages: targets.join(', ') });
    return 2;
  }
  if (!targets.includes(lng)) {
    say('unknown_language', { lang: lng, languages: targets.join(', ') });
    return 2;
  }
  if (hasErrors(problems)) {
    list(problems.filter((p) => p.severity === 'error'));
    say('source_errors');
    return 1;
  }
  if (values.accept) {
    const accepted = acceptUnrecorded(project, lng);
    for (const { file, count } of accepted) say('accepted', { file, count });
    if (accepted.length === 0) say('accept_none', { lang: lng });
    return 0;
  }
  if (!values.import) return refreshWorksheets(project, lng) ? 0 : 1;
  const imported = importWorksheets(project, lng);
  list(imported.problems);
  if (hasErrors(imported.problems)) {
    say('import_failed');
    return 1;
  }
  for (const { file, key, kind } of imported.changes) say(`change_${kind}`, { file, key });
  say('imported', { count: imported.changes.length });
  // The worksheets now show what was read in as done.
  return refreshWorksheets(loadProject(root).project, lng) ? 0 : 1;
}

process.exitCode = run(positionals[0]);
