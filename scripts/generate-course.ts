/**
 * Writes a course of N scenarios to a temporary folder for `npm run bench`: the project's
 * own files, with the scenarios (and their English translations) copied under new ids until
 * there are N, in audiences of at most 10 so each package's decision log fits SCORM 1.2.
 * The new audiences' titles are not translated, so the course builds only with
 * `--allow-stale-translations` (as `npm run bench` does).
 * Node only; the output is never committed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AUDIENCE_SIZE = 10;

export function generateCourse(root: string, count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `trygg-bench-${count}-`));
  for (const name of ['src', 'node_modules', 'schema']) symlinkSync(join(root, name), join(dir, name));
  for (const name of ['scorm', 'locales', 'index.html', 'tsconfig.json', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  mkdirSync(join(dir, 'course/regions'), { recursive: true });
  cpSync(join(root, 'course/regions/generic.yaml'), join(dir, 'course/regions/generic.yaml'));
  mkdirSync(join(dir, 'scenarios'));
  const sources = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const source = sources[n % sources.length] ?? '';
    const id = `${source}_${n}`;
    ids.push(id);
    const yaml = readFileSync(join(root, 'scenarios', `${source}.yaml`), 'utf8').replace(/^id: .*$/m, `id: ${id}`).replace(/^audiences: .*$/m, `audiences: [group${Math.floor(n / AUDIENCE_SIZE)}]`);
    writeFileSync(join(dir, 'scenarios', `${id}.yaml`), yaml);
    cpSync(join(root, 'locales/en/scenarios', `${source}.json`), join(dir, 'locales/en/scenarios', `${id}.json`));
  }
  // The original ids are not in the generated course: their translations would be orphans.
  for (const source of sources) rmSync(join(dir, 'locales/en/scenarios', `${source}.json`));
  const audiences = [];
  for (let a = 0; a * AUDIENCE_SIZE < count; a++) {
    audiences.push(`  group${a}:\n    title: Grupp ${a + 1}\n    scenarios:\n${ids.slice(a * AUDIENCE_SIZE, (a + 1) * AUDIENCE_SIZE).map((id) => `      - ${id}`).join('\n')}`);
  }
  // Copies of scenarios without a short version fill the audiences' cores: a skip counts as done there.
  const course = readFileSync(join(root, 'course/course.yaml'), 'utf8').replace(/^skipping: .*$/m, 'skipping: counts');
  writeFileSync(join(dir, 'course/course.yaml'), `${course.slice(0, course.indexOf('audiences:'))}audiences:\n${audiences.join('\n')}\n`);
  return dir;
}

