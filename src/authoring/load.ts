import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { problem, type Problem } from './problems.ts';
import { checkScenarioGraph, scenarioTexts } from './scenario-file.ts';
import { courseSchema, regionSchema, scenarioSchema, type CourseFile, type RegionFile, type ScenarioFile } from './schema.ts';
import { splitTranslation, type SourceHashes } from './source-hash.ts';
import { checkTranslation } from './translations.ts';
import { validateText, type Validated } from './validate.ts';

export const SOURCE_LANGUAGE = 'sv';

/** Everything the trainers wrote, validated, with the text of every language as resources. */
export interface Project {
  readonly root: string;
  /** Source language first. */
  readonly languages: readonly string[];
  readonly course?: CourseFile;
  readonly regions: ReadonlyMap<string, RegionFile>;
  readonly scenarios: ReadonlyMap<string, ScenarioFile>;
  /** language → namespace (`ui`, `course`, `region.<id>`, `scenario.<id>`) → nested texts. */
  readonly resources: ReadonlyMap<string, ReadonlyMap<string, Record<string, unknown>>>;
  /**
   * language → namespace → hashes of the Swedish texts each translation was made from. Kept
   * apart from `resources` so no bundle, test or player ever sees them as texts.
   */
  readonly sourceHashes: ReadonlyMap<string, ReadonlyMap<string, SourceHashes>>;
  /** namespace → the file its Swedish texts are written in, relative to the root. */
  readonly sourceFiles: ReadonlyMap<string, string>;
  /** Absolute paths of every file read, for watching and for counting. */
  readonly files: readonly string[];
}

const yamlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f)) : [];

export const regionTexts = (r: RegionFile) => ({
  name: r.name,
  ...(r.values ? { values: r.values } : {}),
  whatToDo: r.whatToDo,
  contacts: Object.fromEntries(r.contacts.map((c) => [c.id, { name: c.name, when: c.when, ...(c.note ? { note: c.note } : {}) }])),
});

export const courseTexts = (c: CourseFile) => ({
  title: c.title,
  description: c.description,
  audiences: Object.fromEntries(Object.entries(c.audiences).map(([id, a]) => [id, { title: a.title }])),
});

export function loadProject(root: string): { project: Project; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: string[] = [];
  const read = <T>(path: string, schema: z.ZodType<T>): Validated<T> | undefined => {
    files.push(path);
    const file = relative(root, path);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    } catch (error) {
      problems.push(problem('error', file, { line: 1, col: 1 }, 'file_unreadable', { detail: (error as Error).message }));
      return undefined;
    }
    const result = validateText(file, content, schema);
    problems.push(...result.problems);
    return result;
  };

  const sourceTexts = new Map<string, Record<string, unknown>>();
  const sourceFiles = new Map<string, string>([['ui', `locales/${SOURCE_LANGUAGE}/ui.json`]]);
  const course = read(join(root, 'course/course.yaml'), courseSchema)?.data;
  if (course) {
    sourceTexts.set('course', courseTexts(course));
    sourceFiles.set('course', 'course/course.yaml');
  }

  const regions = new Map<string, RegionFile>();
  for (const path of yamlFiles(join(root, 'course/regions'))) {
    const region = read(path, regionSchema)?.data;
    if (region) {
      regions.set(region.id, region);
      sourceTexts.set(`region.${region.id}`, regionTexts(region));
      sourceFiles.set(`region.${region.id}`, relative(root, path));
    }
  }
  if (regions.size === 0) problems.push(problem('error', 'course/regions', { line: 1, col: 1 }, 'no_regions'));

  const scenarios = new Map<string, ScenarioFile>();
  for (const path of yamlFiles(join(root, 'scenarios'))) {
    const result = read(path, scenarioSchema);
    if (!result?.data) continue;
    const graphProblems = checkScenarioGraph(result.file, result.data, result.source);
    problems.push(...graphProblems);
    scenarios.set(result.data.id, result.data);
    sourceTexts.set(`scenario.${result.data.id}`, scenarioTexts(result.data));
    sourceFiles.set(`scenario.${result.data.id}`, result.file);
  }

  if (course) {
    for (const [audience, { scenarios: ids }] of Object.entries(course.audiences)) {
      for (const id of ids.filter((s) => !scenarios.has(s))) {
        problems.push(problem('error', 'course/course.yaml', { line: 1, col: 1 }, 'unknown_scenario', { audience, scenario: id }));
      }
    }
  }

  const languages = [SOURCE_LANGUAGE, ...readdirSync(join(root, 'locales')).filter((l) => l !== SOURCE_LANGUAGE).sort()];
  const uiSource = read(join(root, `locales/${SOURCE_LANGUAGE}/ui.json`), z.record(z.string(), z.unknown()))?.data ?? {};
  const resources = new Map<string, Map<string, Record<string, unknown>>>();
  const sourceHashes = new Map<string, Map<string, SourceHashes>>();
  resources.set(SOURCE_LANGUAGE, new Map([['ui', uiSource], ...sourceTexts]));
  for (const lng of languages.slice(1)) {
    const namespaces = new Map<string, Record<string, unknown>>();
    const hashes = new Map<string, SourceHashes>();
    const files: [string, Record<string, unknown>, string][] = [
      ['ui', uiSource, 'ui.json'],
      ...[...sourceTexts].map(([ns, texts]): [string, Record<string, unknown>, string] => [ns, texts, translationPath(ns)]),
    ];
    for (const [ns, texts, path] of files) {
      const file = join(root, 'locales', lng, path);
      if (!existsSync(file)) {
        // Not translated yet: the Swedish text is shown, as for a missing key.
        problems.push(problem('warning', relative(root, file), { line: 1, col: 1 }, 'translation_file_missing', { lang: lng }));
        continue;
      }
      const translated = read(file, z.record(z.string(), z.unknown()));
      if (!translated?.data) continue;
      const split = splitTranslation(translated.data);
      namespaces.set(ns, split.texts);
      hashes.set(ns, split.hashes);
      problems.push(...checkTranslation(lng, texts, split.texts, split.hashes, translated.file, translated.source));
    }
    resources.set(lng, namespaces);
    sourceHashes.set(lng, hashes);
  }
  return { project: { root, languages, course, regions, scenarios, resources, sourceHashes, sourceFiles, files }, problems };
}

/** Where the translation of a namespace lives, relative to `locales/<lng>/`. */
export function translationPath(ns: string): string {
  const [kind, id] = ns.split('.');
  if (kind === 'region') return `regions/${id}.json`;
  if (kind === 'scenario') return `scenarios/${id}.json`;
  return `${ns}.json`;
}
