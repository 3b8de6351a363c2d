import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { checkChoiceLengths } from './choice-lengths.ts';
import { checkCourse, checkRegions, type LoadedFile } from './course-checks.ts';
import { checkPlaceholders } from './placeholders.ts';
import { problem, type Problem } from './problems.ts';
import { readTrainerFile } from './read-file.ts';
import { checkScenario } from './scenario-checks.ts';
import { scenarioTexts } from './scenario-file.ts';
import { courseSchema, regionSchema, scenarioSchema, type CourseFile, type RegionFile, type ScenarioFile, type StepFile } from './schema.ts';
import { splitTranslation, type SourceHashes } from './source-hash.ts';
import { checkTranslation } from './translations.ts';
import { validateText, type Validated } from './validate.ts';
import type { YamlSource } from './yaml-source.ts';

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

export const stepText = (step: StepFile): string => (typeof step === 'string' ? step : step.text);

export const regionTexts = (r: RegionFile) => ({
  name: r.name,
  ...(r.values ? { values: r.values } : {}),
  whatToDo: r.whatToDo.map(stepText),
  contacts: Object.fromEntries(r.contacts.map((c) => [c.id, { name: c.name, when: c.when, ...(c.note ? { note: c.note } : {}) }])),
});

export const courseTexts = (c: CourseFile) => ({
  title: c.title,
  description: c.description,
  ...(c.intro ? { intro: c.intro } : {}),
  audiences: Object.fromEntries(Object.entries(c.audiences).map(([id, a]) => [id, { title: a.title }])),
});

export function loadProject(root: string): { project: Project; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: string[] = [];
  /** Parsed course, region and scenario texts in every language, where placeholders may be written. */
  const texts: YamlSource[] = [];
  const read = <T>(path: string, schema: z.ZodType<T>): Validated<T> | undefined => {
    files.push(path);
    const file = relative(root, path);
    const text = readTrainerFile(path, file);
    if ('problem' in text) {
      problems.push(text.problem);
      return undefined;
    }
    const result = validateText(file, text.content, schema);
    problems.push(...result.problems);
    if (!/(^|\/)ui\.json$/.test(file)) texts.push(result.source);
    return result;
  };
  const loaded = <T>(result: Validated<T> | undefined): LoadedFile<T> | undefined =>
    result?.data === undefined ? undefined : { file: result.file, source: result.source, data: result.data };

  const sourceTexts = new Map<string, Record<string, unknown>>();
  const sourceFiles = new Map<string, string>([['ui', `locales/${SOURCE_LANGUAGE}/ui.json`]]);
  const courseFile = loaded(read(join(root, 'course/course.yaml'), courseSchema));
  const course = courseFile?.data;
  if (course) {
    sourceTexts.set('course', courseTexts(course));
    sourceFiles.set('course', 'course/course.yaml');
  }

  const regions = new Map<string, RegionFile>();
  const regionFiles: LoadedFile<RegionFile>[] = [];
  for (const path of yamlFiles(join(root, 'course/regions'))) {
    const regionFile = loaded(read(path, regionSchema));
    const region = regionFile?.data;
    if (regionFile) regionFiles.push(regionFile);
    if (region && !regions.has(region.id)) {
      regions.set(region.id, region);
      sourceTexts.set(`region.${region.id}`, regionTexts(region));
      sourceFiles.set(`region.${region.id}`, relative(root, path));
    }
  }
  if (regions.size === 0) problems.push(problem('error', 'course/regions', { line: 1, col: 1 }, 'no_regions'));

  const scenarios = new Map<string, ScenarioFile>();
  const scenarioFiles: LoadedFile<ScenarioFile>[] = [];
  for (const path of yamlFiles(join(root, 'scenarios'))) {
    const result = loaded(read(path, scenarioSchema));
    if (!result) continue;
    problems.push(...checkScenario(result.file, result.data, result.source));
    const clash = scenarioFiles.find((s) => s.data.id === result.data.id);
    if (clash) {
      problems.push(problem('error', result.file, result.source.positionOf(['id']), 'scenario_id_clash', { id: result.data.id, other: clash.file }));
      continue;
    }
    scenarioFiles.push(result);
    scenarios.set(result.data.id, result.data);
    sourceTexts.set(`scenario.${result.data.id}`, scenarioTexts(result.data));
    sourceFiles.set(`scenario.${result.data.id}`, result.file);
  }

  problems.push(...checkRegions(root, regionFiles, course && Object.keys(course.audiences)));
  const written = new Set(yamlFiles(join(root, 'scenarios')).map((f) => f.replace(/^.*\//, '').replace(/\.ya?ml$/, '')));
  if (courseFile) problems.push(...checkCourse(courseFile, scenarioFiles, written));

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
  problems.push(...checkPlaceholders(texts, regionFiles));
  // After the translations are read, so the warning can give a translation's figures too.
  const [, translation] = languages;
  for (const { file, source, data } of scenarioFiles) {
    const translated = translation === undefined ? undefined : { lang: translation, texts: resources.get(translation)?.get(`scenario.${data.id}`) };
    problems.push(...checkChoiceLengths(file, data, source, translated));
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
