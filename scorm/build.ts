import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BuildTarget } from '../src/authoring/compile.ts';
import { loadProject, type Project } from '../src/authoring/load.ts';
import { checkerText, hasErrors } from '../src/authoring/problems.ts';
import { ALLOW_FLAGS, translationGate } from '../src/authoring/translation-gate.ts';
import { courseViteConfig } from '../src/authoring/vite-plugin.ts';
import { buildReportPage } from '../src/report/page/build-page.ts';
import { planBuild, planReport } from './build-plan.ts';
import type { ScormVersion } from './manifest.ts';
import { writePackage } from './package.ts';

/**
 * `npm run build [-- --region <id>] [-- --tillat-oversattningar]`: check the trainers' files,
 * refuse unfinished translations unless allowed, build one player per audience × region (every
 * complete region, or the one asked for), and package each as a SCORM 1.2 and a SCORM 2004 zip
 * in dist/. Then build the preview LMS.
 */
const root = resolve(import.meta.dirname, '..');
const VERSIONS: readonly [ScormVersion, string][] = [
  ['1.2', 'scorm12'],
  ['2004', 'scorm2004'],
];

function filesUnder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Files of one player, with index.html told which SCORM API to look for. */
function forVersion(files: Map<string, Uint8Array>, version: ScormVersion): Map<string, Uint8Array> {
  const html = new TextDecoder().decode(files.get('index.html'));
  const marked = html.replace('<meta name="scorm-version" content="auto"', `<meta name="scorm-version" content="${version}"`);
  if (marked === html) throw new Error('index.html has no scorm-version meta to set');
  return new Map([...files, ['index.html', new TextEncoder().encode(marked)]]);
}

export const packageName = (project: Project, target: BuildTarget, suffix: string): string =>
  `${(project.course?.id ?? 'course').replaceAll('_', '-')}-${target.region}-${target.audience}-${suffix}.zip`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { region: { type: 'string' }, [ALLOW_FLAGS[0]]: { type: 'boolean' }, [ALLOW_FLAGS[1]]: { type: 'boolean' } },
  });
  const { project, problems } = loadProject(root);
  const text = await checkerText(root);
  if (hasErrors(problems)) {
    for (const p of problems) console.error(text.format(p));
    console.error(text.summary(problems, project.files.length));
    process.exit(1);
  }
  const translations = translationGate(problems, text, ALLOW_FLAGS.some((flag) => values[flag] === true));
  for (const line of translations.lines) console.error(line);
  if (translations.exitCode !== undefined) process.exit(translations.exitCode);
  const plan = planBuild(project, problems, values.region);
  const report = planReport(plan, text);
  for (const line of report.lines) console.error(line);
  if (plan.kind !== 'build') process.exit(report.exitCode ?? 1);
  if (values.region === undefined) rmSync(join(root, 'dist'), { recursive: true, force: true });
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const target of plan.targets) {
    const outDir = join(root, 'build/course', `${target.region}-${target.audience}`);
    await build({ configFile: false, ...courseViteConfig(root, target, outDir, project) });
    const files = filesUnder(outDir);
    // The script index.html loads; the others are scenario texts it fetches later.
    const entry = /<script[^>]* src="\.\/([^"]+)"/.exec(new TextDecoder().decode(files.get('index.html')))?.[1] ?? '';
    const jsGzip = gzipSync(files.get(entry) ?? new Uint8Array(), { level: 9 }).length;
    for (const [version, suffix] of VERSIONS) {
      const name = packageName(project, target, suffix);
      const course = project.course;
      if (!course) throw new Error('course.yaml did not load');
      const { bytes } = await writePackage({
        version,
        outFile: join(root, 'dist', name),
        files: forVersion(files, version),
        manifest: {
          identifier: `${course.id}_${target.region}_${target.audience}`,
          courseVersion: String(course.version),
          title: `${course.title} – ${course.audiences[target.audience]?.title ?? target.audience}`,
          passMark: course.passMark,
          launch: 'index.html',
        },
      });
      console.log(`dist/${name}  ${(bytes / 1024).toFixed(1)} KB  (first script ${(jsGzip / 1024).toFixed(1)} KB gzip)`);
    }
  }
  await build({ configFile: join(root, 'scorm/preview/vite.config.ts'), logLevel: 'warn' });
  console.log('build/preview  preview LMS');
  // The follow-up report for HR: one self-contained page, never part of a package.
  console.log(`${relative(root, await buildReportPage(root, project))}  follow-up report`);
}

await main();
