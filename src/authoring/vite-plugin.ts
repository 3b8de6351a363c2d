import { relative, sep } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import type { CourseBundle } from '../model/course.ts';
import { LATER_UI_KEYS, LIST_KEYS, compileBundle, compileScenarioTexts, type BuildTarget } from './compile.ts';
import { loadProject, type Project } from './load.ts';
import { checkerText, type Severity } from './problems.ts';
import { summariseUnfilled } from './unfilled-summary.ts';

const VIRTUAL_ID = 'virtual:course';
const RESOLVED_ID = '\0virtual:course';
/** `virtual:course-text/<scenario>/<lang>`: one scenario's texts in one language, a chunk of its own. */
const TEXT_PREFIX = 'virtual:course-text/';
const RESOLVED_TEXT_PREFIX = '\0course-text/';
/** `virtual:course-structure`: every scenario's structure, for the machines; a chunk of its own. */
const STRUCTURE_ID = 'virtual:course-structure';
const RESOLVED_STRUCTURE_ID = '\0course-structure';
/** `virtual:course-later-ui`: per language, the player texts only the later views show (with them, in their chunk). */
const LATER_UI_ID = 'virtual:course-later-ui';
const RESOLVED_LATER_UI_ID = '\0course-later-ui';

/** Per language, the `ui` texts whose top-level key is (or is not) one only the later views show. */
function uiPart(bundle: CourseBundle | null, later: boolean): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(bundle?.resources ?? {}).map(([lng, namespaces]) => [
      lng,
      Object.fromEntries(Object.entries((namespaces['ui'] ?? {}) as Record<string, unknown>).filter(([key]) => LATER_UI_KEYS.has(key) === later)),
    ]),
  );
}

/** A Content-Security-Policy that allows nothing but the package's own files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** One checker problem as the dev page shows it: the same line `npm run check` prints. */
export interface ProblemLine {
  readonly severity: Severity;
  /** `file:line:col`, or empty when the loader itself failed. */
  readonly location: string;
  /** What is wrong and how to fix it, without location and severity. */
  readonly message: string;
  /** The whole line. */
  readonly text: string;
}

/** Splits a formatted line (`file:line:col: severity: message`) for the page to set out. */
function problemLine(severity: Severity, location: string, text: string): ProblemLine {
  const rest = text.startsWith(`${location}: `) ? text.slice(location.length + 2) : text;
  const message = rest.includes(': ') ? rest.slice(rest.indexOf(': ') + 2) : rest;
  return { severity, location, message, text };
}

type ScenarioTexts = ReturnType<typeof compileScenarioTexts>;

/** A scenario's texts in one language with (`list`) only, or without, the keys the list shows. */
const listPart = (texts: Record<string, unknown> | undefined, list: boolean) =>
  Object.fromEntries(Object.entries(texts ?? {}).filter(([key]) => LIST_KEYS.has(key) === list));

/** Per language, per scenario: the list's texts, for the structure's chunk. */
function listTexts(texts: ScenarioTexts): Record<string, Record<string, Record<string, unknown>>> {
  const byLanguage: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [id, languages] of texts) for (const [lng, t] of languages) (byLanguage[lng] ??= {})[id] = listPart(t, true);
  return byLanguage;
}

interface Loaded {
  /** `null` when the files have errors: such a course is never compiled. */
  readonly bundle: CourseBundle | null;
  readonly texts: ScenarioTexts;
  readonly problems: readonly ProblemLine[];
  readonly files: readonly string[];
}

/**
 * Loads, checks and compiles the course for one target. `checked` is a project the caller
 * has already loaded and found free of errors (the package build checks once, then builds
 * one player per audience and region): it is compiled as it is, not read and checked again.
 */
async function loadCourse(root: string, target: BuildTarget, checked?: Project): Promise<Loaded> {
  if (checked) return { bundle: compileBundle(checked, target), texts: compileScenarioTexts(checked, target), problems: [], files: checked.files };
  try {
    const { project, problems } = loadProject(root);
    const { format } = await checkerText(root);
    // The dev page lists what `npm run check` lists, FYLL I summarised per profile.
    const lines = summariseUnfilled(problems).map((p) => problemLine(p.severity, `${p.file}:${p.line}:${p.col}`, format(p)));
    const ok = !lines.some((p) => p.severity === 'error');
    const bundle = ok ? compileBundle(project, target) : null;
    return { bundle, texts: ok ? compileScenarioTexts(project, target) : new Map(), problems: lines, files: project.files };
  } catch (error) {
    // A file the loader cannot cope with (a broken checker.json, an unknown audience) must
    // still reach the page as a message, not as a blank page.
    const text = String(error);
    return { bundle: null, texts: new Map(), problems: [{ severity: 'error', location: '', message: text, text }], files: [] };
  }
}

/** The files a trainer edits: scenarios, course and region profiles, translations. */
function isCourseFile(root: string, file: string): boolean {
  const path = relative(root, file).split(sep).join('/');
  return /^(scenarios|course)\/.+\.ya?ml$/.test(path) || /^locales\/.+\.json$/.test(path);
}

/** The module that loads each scenario's texts by language, each a dynamic import so the build makes it a chunk. */
function textLoaders(texts: ScenarioTexts): string {
  const entries = [...texts].map(([id, byLanguage]) => {
    const loaders = [...byLanguage.keys()].map((lng) => `${JSON.stringify(lng)}: () => import(${JSON.stringify(`${TEXT_PREFIX}${id}/${lng}`)})`);
    return `${JSON.stringify(id)}: { ${loaders.join(', ')} }`;
  });
  return `export const scenarioTexts = { ${entries.join(',\n')} };`;
}

/**
 * The course module: the course with each scenario's structure left out (its nodes are in
 * `virtual:course-structure`), the first screen's texts, and the loaders of the rest.
 */
function courseModule(bundle: CourseBundle | null, texts: ScenarioTexts): string {
  const firstUi = uiPart(bundle, false);
  const resources = bundle && Object.fromEntries(Object.entries(bundle.resources).map(([lng, namespaces]) => [lng, { ...namespaces, ui: firstUi[lng] ?? {} }]));
  const frame = bundle && resources && { ...bundle, resources, course: { ...bundle.course, scenarios: bundle.course.scenarios.map((s) => ({ ...s, nodes: {} })) } };
  return [
    `export default ${JSON.stringify(frame)};`,
    textLoaders(texts),
    `export const loadStructure = () => import(${JSON.stringify(STRUCTURE_ID)});`,
  ].join('\n');
}

/**
 * Serves the trainers' files to the player as `virtual:course`: loaded, checked and
 * compiled for one audience in one region; the first screen's part in the module, the
 * rest of each scenario's texts in a module per language, imported when needed. A course with errors is never built. In dev the
 * module never fails: it carries the problems and the last course that had none, so the
 * page can show what to fix beside the preview, and every save reloads the page.
 */
export function coursePlugin(root: string, target: BuildTarget, checked?: Project): Plugin {
  let serving = false;
  let lastGood: CourseBundle | null = null;
  let texts: ScenarioTexts = new Map();
  let structure: CourseBundle | null = null;
  return {
    name: 'trygg-course',
    config: (_config, env) => {
      serving = env.command === 'serve';
    },
    resolveId: (id) => {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      if (id === STRUCTURE_ID) return RESOLVED_STRUCTURE_ID;
      if (id === LATER_UI_ID) return RESOLVED_LATER_UI_ID;
      return id.startsWith(TEXT_PREFIX) ? RESOLVED_TEXT_PREFIX + id.slice(TEXT_PREFIX.length) : undefined;
    },
    async load(id) {
      if (id === RESOLVED_STRUCTURE_ID) {
        return `export default ${JSON.stringify(structure?.course.scenarios ?? [])};\nexport const listTexts = ${JSON.stringify(listTexts(texts))};`;
      }
      if (id === RESOLVED_LATER_UI_ID) return `export default ${JSON.stringify(uiPart(structure, true))};`;
      if (id.startsWith(RESOLVED_TEXT_PREFIX)) {
        const [scenario = '', lng = ''] = id.slice(RESOLVED_TEXT_PREFIX.length).split('/');
        return `export default ${JSON.stringify(listPart(texts.get(scenario)?.get(lng), false))};`;
      }
      if (id !== RESOLVED_ID) return undefined;
      const loaded = await loadCourse(root, target, checked);
      const { bundle, problems, files } = loaded;
      if (bundle) {
        texts = loaded.texts;
        structure = bundle;
      }
      for (const file of files) this.addWatchFile(file);
      const errors = problems.filter((p) => p.severity === 'error').map((p) => p.text);
      if (!serving) {
        if (!bundle) this.error(errors.join('\n'));
        return `${courseModule(bundle, texts)}\nexport const problems = [];\nexport const stale = false;`;
      }
      if (errors.length > 0) this.warn(errors.join('\n'));
      lastGood = bundle ?? lastGood;
      return [
        courseModule(lastGood, texts),
        `export const problems = ${JSON.stringify(problems)};`,
        `export const stale = ${bundle === null && lastGood !== null};`,
      ].join('\n');
    },
    // A full reload is simplest and quick enough: the local adapter keeps progress, so the
    // player resumes where it was. New files count too, so adding a scenario shows it.
    hotUpdate({ file }) {
      if (this.environment.name !== 'client' || !isCourseFile(root, file)) return undefined;
      for (const module of this.environment.moduleGraph.idToModuleMap.values()) {
        const ours = module.id === RESOLVED_ID || module.id === RESOLVED_STRUCTURE_ID || module.id === RESOLVED_LATER_UI_ID || module.id?.startsWith(RESOLVED_TEXT_PREFIX);
        if (ours) this.environment.moduleGraph.invalidateModule(module);
      }
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (ctx.server) return html;
        return html.replace(
          '<meta name="scorm-version"',
          `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />\n    <meta name="scorm-version"`,
        );
      },
    },
  };
}

/** Vite settings for one player build; `npm run dev` and the package build share them. */
export function courseViteConfig(root: string, target: BuildTarget, outDir = 'build/course', checked?: Project): UserConfig {
  return {
    root,
    base: './',
    logLevel: 'warn',
    plugins: [coursePlugin(root, target, checked)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // One script, no preload helper: the page and its script are the only requests before
      // the first screen; each scenario's texts follow in chunks named after it.
      modulePreload: false,
      rolldownOptions: {
        output: {
          chunkFileNames: (chunk) => {
            const id = chunk.facadeModuleId ?? '';
            if (id === RESOLVED_STRUCTURE_ID) return 'assets/structure-[hash].js';
            return id.startsWith(RESOLVED_TEXT_PREFIX) ? `assets/${id.slice(RESOLVED_TEXT_PREFIX.length).replace('/', '.')}-[hash].js` : 'assets/[name]-[hash].js';
          },
        },
      },
      reportCompressedSize: false,
    },
  };
}
